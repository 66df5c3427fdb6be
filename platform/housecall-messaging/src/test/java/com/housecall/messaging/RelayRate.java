package com.housecall.messaging;

import static org.awaitility.Awaitility.await;

import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events a second the outbox relay sends from an outbox pre-filled with 20,000 rows over 200 keys, one relay against
 * two on one database (a pool and a producer each: two instances of a service), to the in-process broker, on the
 * embedded H2 file or on PostgreSQL; four rounds after a warm-up, taking turns at going first. Not a test; run it by hand (see the
 * messaging README): {@code RelayRate h2|postgres [events]}.
 */
public final class RelayRate {

    private static final int KEYS = 200;
    private static final int APPENDS_PER_TRANSACTION = 200;

    private RelayRate() {
    }

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length > 0 && args[0].equals("postgres");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String url = postgres ? postgresDatabase() : h2File();
        System.out.printf("%s, %,d events over %d keys, load average %.1f%n", postgres ? "PostgreSQL" : "H2 file",
                events, KEYS, loadAverage());
        KafkaOffsets.createTopic(Topics.BOOKING_EVENTS, 3);
        try (HikariDataSource writerPool = pool(url, postgres)) {
            MessagingSchema.migrate(writerPool);
            fillAndRelay(writerPool, url, postgres, events / 10, 2); // warm-up
            for (int round = 1; round <= 4; round++) {
                boolean oneFirst = round % 2 == 1; // neither always runs right after the other
                double first = fillAndRelay(writerPool, url, postgres, events, oneFirst ? 1 : 2);
                double second = fillAndRelay(writerPool, url, postgres, events, oneFirst ? 2 : 1);
                System.out.printf("round %d: one relay %,.0f events/s, two relays %,.0f events/s%n", round,
                        oneFirst ? first : second, oneFirst ? second : first);
            }
        }
        System.out.printf("load average %.1f%n", loadAverage());
        if (postgres) {
            dropPostgresDatabase(url);
        }
        System.exit(0); // the in-process broker's threads
    }

    private static double fillAndRelay(HikariDataSource writerPool, String url, boolean postgres, int events,
                                       int relays) {
        fill(writerPool, events);
        List<HikariDataSource> pools = new ArrayList<>();
        List<OutboxRelay> started = new ArrayList<>();
        List<DefaultKafkaProducerFactory<byte[], byte[]>> producers = new ArrayList<>();
        try {
            for (int i = 0; i < relays; i++) {
                HikariDataSource pool = pool(url, postgres);
                DefaultKafkaProducerFactory<byte[], byte[]> producer = TestRelays.producer();
                pools.add(pool);
                producers.add(producer);
                started.add(TestRelays.relay(pool, new KafkaTemplate<>(producer), 200, Duration.ofSeconds(1)));
            }
            JdbcClient jdbc = JdbcClient.create(writerPool);
            long began = System.nanoTime();
            started.forEach(OutboxRelay::start);
            started.forEach(OutboxRelay::wake);
            await().atMost(Duration.ofMinutes(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single() == 0);
            return events / ((System.nanoTime() - began) / 1e9);
        } finally {
            started.forEach(OutboxRelay::stop);
            producers.forEach(DefaultKafkaProducerFactory::destroy);
            pools.forEach(HikariDataSource::close);
        }
    }

    /** Appends through the service's own writer, each key's events spread through the outbox. */
    private static void fill(HikariDataSource pool, int events) {
        OutboxWriter writer = TestRelays.writer(pool, () -> { });
        TransactionTemplate transactions = TestRelays.transactions(pool);
        List<UUID> keys = IntStream.range(0, KEYS).mapToObj(i -> UUID.randomUUID()).toList();
        for (int first = 0; first < events; first += APPENDS_PER_TRANSACTION) {
            int from = first;
            transactions.executeWithoutResult(status -> {
                for (int n = from; n < Math.min(events, from + APPENDS_PER_TRANSACTION); n++) {
                    writer.append(new ConsultationRequested(keys.get(n % KEYS), "web", "OR", "972",
                            "America/Los_Angeles", Instant.now()));
                }
            });
        }
    }

    private static HikariDataSource pool(String url, boolean postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(postgres ? user() : "sa");
        config.setPassword(postgres ? env("HOUSECALL_TEST_DB_PASSWORD", "") : "");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static String h2File() throws Exception {
        return (String) ServiceDatabase.properties("relay-rate", Map.of("HOUSECALL_HOME",
                Files.createTempDirectory("relay-rate").toString())).get("spring.datasource.url");
    }

    private static String postgresDatabase() {
        return ServiceDatabase.createIfMissing(server(), "hc_relay_rate_" + UUID.randomUUID().toString().substring(0, 8),
                user(), env("HOUSECALL_TEST_DB_PASSWORD", ""));
    }

    private static void dropPostgresDatabase(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(server(), user(), env("HOUSECALL_TEST_DB_PASSWORD", ""));
             Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE " + url.substring(url.lastIndexOf('/') + 1));
        }
    }

    private static String server() {
        return env("HOUSECALL_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String user() {
        return env("HOUSECALL_TEST_DB_USER", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
