package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.Deliveries;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import com.housecall.testsupport.TopicRecorder.Received;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A consumer commits what it handled about once a second, whatever the number of polls, and leaves nothing behind. */
class OffsetCommitsIT {

    private static final int EVENTS = 30;

    private static ConfigurableApplicationContext app;
    private static TopicRecorder topics;

    @BeforeAll
    static void start() {
        app = TestApps.start(TestApps.freshSettings());
        topics = TopicRecorder.start(Topics.BOOKING_EVENTS);
    }

    @AfterAll
    static void stop() {
        TestApps.close(topics, app);
    }

    @Test
    void eventsHandledOneAPollShareTheirCommitsAndTheLastIsCommittedSoonAfter() {
        UUID consultation = UUID.randomUUID();
        Deliveries deliveries = app.getBean(Deliveries.class);
        double commitsBefore = commits();
        long began = System.nanoTime();
        for (int i = 1; i <= EVENTS; i++) {
            TestEvents.publish(requested(consultation), "booking-service");
            int delivered = i;
            // each one handled before the next is sent: a poll of its own, which used to be a commit of its own
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.of(consultation.toString()) >= delivered);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Received last = topics.all().stream().filter(r -> r.key().equals(consultation.toString()))
                .max(java.util.Comparator.comparingLong(Received::offset)).orElseThrow();

        // the last one is committed within two intervals of going idle, with nothing more sent
        await().atMost(OffsetCommits.INTERVAL.multipliedBy(2).plusSeconds(1)).until(() ->
                KafkaOffsets.committed(TestApps.MODULE, Topics.BOOKING_EVENTS, last.partition()) > last.offset());
        double commits = commits() - commitsBefore;
        assertThat(commits).as("%d polls in %.1f s", EVENTS, seconds).isPositive()
                .isLessThanOrEqualTo(Math.ceil(seconds / OffsetCommits.INTERVAL.toSeconds()) + 3)
                .isLessThan(EVENTS);
    }

    /** Every commit this application's consumers made (the Kafka client's own count, bound by the binder). */
    private static double commits() {
        return app.getBean(MeterRegistry.class).find("kafka.consumer.coordinator.commit.total").functionCounters()
                .stream().mapToDouble(FunctionCounter::count).sum();
    }

    private static ConsultationRequested requested(UUID consultation) {
        return new ConsultationRequested(consultation, "web", "OR", "972", "America/Los_Angeles",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
