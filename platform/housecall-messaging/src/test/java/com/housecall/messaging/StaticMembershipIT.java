package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.Topics;
import com.housecall.messaging.KafkaOffsets.Member;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.Deliveries;
import com.housecall.messaging.testapp.TestAppProcess;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.testsupport.TestEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15's fast recovery (DECISIONS 28) with real consumers of the test application on the in-process broker,
 * each test in a consumer group of its own: a restarted instance takes its partitions back at once, a killed
 * instance's move to the other within its session, a gracefully stopped one's at once. What the broker says about
 * the group is the measure; a killed instance is a JVM of its own killed with SIGKILL.
 */
class StaticMembershipIT {

    private static final Logger log = LoggerFactory.getLogger(StaticMembershipIT.class);

    private static final Duration SESSION = Duration.ofMillis(Long.parseLong(KafkaClientSettings.consumer()
            .get("session.timeout.ms")));
    /** For tests where only the static id or leaving can explain a prompt move: a session no test waits out. */
    private static final Duration LONG_SESSION = Duration.ofSeconds(60);
    private static final Duration START = Duration.ofSeconds(120);

    private final String group = "membership-" + UUID.randomUUID();
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() {
        TestApps.close(started.reversed().toArray(AutoCloseable[]::new));
    }

    @Test
    void aKilledInstanceStartedAgainWithItsIdTakesItsPartitionsBackWithoutWaitingForItsSession() throws Exception {
        Map<String, Object> settings = instance("a", LONG_SESSION);
        Process first = process("a", settings);
        await().atMost(START).until(() -> holds("a", all()));
        String killedMember = member("a").memberId();

        Instant killed = kill(first);
        ConfigurableApplicationContext restarted = app(settings);
        Instant ready = awaitReady(restarted);
        await().atMost(LONG_SESSION).until(() -> holds("a", all()) && !member("a").memberId().equals(killedMember));
        Instant back = Instant.now();

        log.info("Restart with the same instance id: partitions back {} ms after readiness, {} ms after the kill",
                Duration.between(ready, back).toMillis(), Duration.between(killed, back).toMillis());
        assertThat(Duration.between(killed, back)).as("before the killed member's session ended")
                .isLessThan(LONG_SESSION);
        assertThat(Duration.between(ready, back)).as("from the restarted instance's readiness")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aKilledInstancesPartitionsMoveToTheOtherWithinItsSession() throws Exception {
        Process a = processAAndAppB(SESSION);

        Duration moved = untilBHoldsAll(kill(a));

        log.info("Kill of one of two instances: its partitions moved {} ms after the kill (session {} ms)",
                moved.toMillis(), SESSION.toMillis());
        assertThat(moved).as("within the session and a few seconds (issue 15: 10 s)")
                .isLessThan(SESSION.plusSeconds(4));
    }

    @Test
    void anInstanceStoppedWithSigtermLeavesItsGroupSoItsPartitionsMoveAtOnce() throws Exception {
        Process a = processAAndAppB(LONG_SESSION);

        Instant stopping = Instant.now();
        a.destroy(); // SIGTERM: Spring's shutdown hook closes the application
        Duration moved = untilBHoldsAll(stopping);

        log.info("SIGTERM of one of two instances: its partitions moved {} ms after the signal", moved.toMillis());
        assertThat(moved).as("long before its session would have ended").isLessThan(Duration.ofSeconds(10));
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).as("the stopped instance exited").isTrue();
        assertThat(Path.of("target", group + "-a.log")).content().contains("Left consumer group " + group);
    }

    @Test
    void aGracefulStopUnderLoadHandsOverWithoutRedeliveringWhatItHandled() {
        ConfigurableApplicationContext a = app(instance("a", LONG_SESSION));
        ConfigurableApplicationContext b = app(instance("b", LONG_SESSION));
        await().atMost(START).until(() -> bothHoldPartitions("a", "b"));
        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            UUID consultation = UUID.randomUUID();
            sent.put(consultation.toString(), TestEvents.publish(new ConsultationRequested(consultation, "web", "CA",
                    "941", "America/Los_Angeles", Instant.now()), "booking-service", UUID.randomUUID().toString()));
        }
        Set<String> keys = sent.keySet();

        Deliveries toA = a.getBean(Deliveries.class);
        Deliveries toB = b.getBean(Deliveries.class);
        a.close(); // while its share of the records is still being handled
        // the group committed past every record: nothing is left to come again
        sent.values().stream().collect(Collectors.toMap(RecordMetadata::partition, record -> record,
                (x, y) -> x.offset() > y.offset() ? x : y)).values()
                .forEach(last -> TestEvents.awaitConsumed(group, last));

        assertThat(keys).as("each handled once, by one instance or the other")
                .allSatisfy(key -> assertThat(toA.of(key) + toB.of(key)).isEqualTo(1));
        assertThat(keys).as("the stopped instance had handled some").anyMatch(key -> toA.of(key) == 1);
    }

    /** SIGTERM's order: intake first (HTTP, then the consumers, which then leave), the outbox relay last. */
    @Test
    void theOutboxRelayStopsAfterTheConsumersHaveLeftTheirGroup() {
        ConfigurableApplicationContext app = app(instance("a", SESSION));
        int consumers = app.getBean(InputBindingLifecycle.class).getPhase();
        int leaving = app.getBean(StaticMembership.class).getPhase();
        int relay = app.getBean(OutboxRelay.class).getPhase();
        int httpIntake = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;

        // a lifecycle of a higher phase stops earlier
        assertThat(httpIntake).as("HTTP intake stops before the consumers").isGreaterThan(consumers);
        assertThat(consumers).as("the consumers stop, then leave").isGreaterThan(leaving);
        assertThat(leaving).as("the relay sends what they committed, last").isGreaterThan(relay);
    }

    /** Command-line settings, so they win over testapp.yml's group. */
    private Map<String, Object> instance(String id, Duration session) {
        Map<String, Object> settings = new HashMap<>(TestApps.freshSettings());
        settings.put("housecall.messaging.instance-id", id);
        settings.put("spring.cloud.stream.bindings.bookingEvents-in-0.group", group);
        settings.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", session.toMillis());
        return settings;
    }

    private ConfigurableApplicationContext app(Map<String, Object> settings) {
        ConfigurableApplicationContext app = TestApps.start(Map.of(), settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        started.add(app);
        return app;
    }

    private Process process(String name, Map<String, Object> settings) {
        Process process = TestAppProcess.start(group + "-" + name, settings);
        started.add(process::destroyForcibly);
        return process;
    }

    /** Instance a in a JVM of its own and b in this one, each holding some of the partitions. */
    private Process processAAndAppB(Duration session) {
        Process a = process("a", instance("a", session));
        app(instance("b", session));
        await().atMost(START).until(() -> bothHoldPartitions("a", "b"));
        return a;
    }

    private Duration untilBHoldsAll(Instant since) {
        await().atMost(LONG_SESSION).until(() -> holds("b", all()));
        return Duration.between(since, Instant.now());
    }

    private static Instant kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: the consumer says nothing to the broker
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Instant.now();
    }

    private static Instant awaitReady(ConfigurableApplicationContext app) {
        await().atMost(START).until(() -> app.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus()
                .equals(Status.UP));
        return Instant.now();
    }

    private boolean bothHoldPartitions(String first, String second) {
        Map<String, Member> members = staticMembers();
        Member one = members.get(memberId(first));
        Member other = members.get(memberId(second));
        return members.size() == 2 && one != null && other != null && !one.partitions().isEmpty()
                && !other.partitions().isEmpty() && one.partitions().size() + other.partitions().size() == all().size();
    }

    private boolean holds(String instance, Set<Integer> partitions) {
        Map<String, Member> members = staticMembers();
        return members.size() == 1 && members.containsKey(memberId(instance))
                && members.get(memberId(instance)).partitions().equals(partitions);
    }

    private Member member(String instance) {
        return staticMembers().get(memberId(instance));
    }

    private Map<String, Member> staticMembers() {
        return KafkaOffsets.staticMembers(group);
    }

    /** The binding's one consumer thread: the container adds {@code -0}. */
    private static String memberId(String instance) {
        return instance + "." + Topics.BOOKING_EVENTS + "-0";
    }

    private static Set<Integer> all() {
        return IntStream.range(0, KafkaOffsets.partitionCount(Topics.BOOKING_EVENTS)).boxed()
                .collect(Collectors.toSet());
    }
}
