package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.messaging.testapp.Things;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Readiness (DECISIONS 31: the consumers started and reached the broker, the database answers) and the outbox
 * gauges, on the test application. Its own consumer group, so it takes no record from the other tests.
 */
class ReadinessAndMetricsIT {

    private static final String GROUP = "--spring.cloud.stream.bindings.bookingEvents-in-0.group=testapp-readiness";

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void notReadyUntilTheConsumerHasStarted() {
        app = TestApps.start(TestApps.freshSettings(), GROUP,
                "--spring.cloud.stream.bindings.bookingEvents-in-0.consumer.auto-startup=false");
        assertThat(readiness()).isEqualTo(Status.DOWN);
        assertThat(app.getBean(HealthEndpoint.class).healthForPath("liveness").getStatus()).isEqualTo(Status.UP);

        app.getBean(BindingsLifecycleController.class).changeState("bookingEvents-in-0",
                BindingsLifecycleController.State.STARTED);

        await().atMost(Duration.ofSeconds(60)).until(() -> readiness().equals(Status.UP));
    }

    @Test
    void notReadyWhenTheDatabaseDoesNotAnswer() {
        app = TestApps.start(TestApps.freshSettings(), GROUP);
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness().equals(Status.UP));

        app.getBean(HikariDataSource.class).close();

        assertThat(readiness()).isEqualTo(Status.DOWN);
    }

    @Test
    void theOutboxGaugesShowWhatWaitsAndForHowLong() {
        app = TestApps.start(TestApps.freshSettings(), GROUP, "--housecall.messaging.relay-enabled=false");
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        assertThat(gauge(meters, "housecall.outbox.pending")).isZero();
        assertThat(gauge(meters, "housecall.outbox.age")).isZero();

        Things things = app.getBean(Things.class);
        for (int i = 0; i < 3; i++) {
            things.request(new ConsultationRequested(UUID.randomUUID(), "web", "CA", "941", "America/Los_Angeles",
                    Instant.now().minusSeconds(5)));
        }

        assertThat(gauge(meters, "housecall.outbox.pending")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(meters, "housecall.outbox.age") > 0);
    }

    private Status readiness() {
        return app.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus();
    }

    private static double gauge(MeterRegistry meters, String name) {
        return meters.get(name).tag("service", TestApps.MODULE).gauge().value();
    }
}
