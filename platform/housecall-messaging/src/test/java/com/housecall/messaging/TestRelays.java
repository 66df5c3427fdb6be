package com.housecall.messaging;

import com.housecall.testsupport.TestKafka;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's writer and relay on a data source of a test's own, without a Spring context or tracing. */
final class TestRelays {

    static final EventTracing NO_TRACING = new EventTracing(Tracer.NOOP, Propagator.NOOP);

    private TestRelays() {
    }

    /** The default settings, with the batch size and fallback poll given. */
    static OutboxRelay relay(DataSource dataSource, KafkaTemplate<byte[], byte[]> kafka, int batchSize,
                             Duration interval) {
        MessagingProperties properties = new MessagingProperties(true, interval, batchSize, 3, (short) 1, 4,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofDays(30), Duration.ofMinutes(10));
        return new OutboxRelay(JdbcClient.create(dataSource), transactions(dataSource), kafka, properties,
                NO_TRACING);
    }

    /** Appends as booking-service; {@code committed} runs after each commit that appended (a relay's wake). */
    static OutboxWriter writer(DataSource dataSource, Runnable committed) {
        return new OutboxWriter(JdbcClient.create(dataSource), "booking-service", Clock.systemUTC(), NO_TRACING, null,
                committed);
    }

    /** A producer with the services' settings ({@link KafkaClientSettings}), to the test broker. */
    static DefaultKafkaProducerFactory<byte[], byte[]> producer() {
        Map<String, Object> config = new LinkedHashMap<>(KafkaClientSettings.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static TransactionTemplate transactions(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
