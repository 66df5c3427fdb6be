package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.housecall.booking.BookingIntegration;
import com.housecall.testsupport.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: a patient holds at most one consultation that is not final (each reserves nurse visits; the red-team pass
 * made 160 in bursts). On booking's real schema (H2, or PostgreSQL when HOUSECALL_TEST_DB_URL is set).
 */
class ActiveCourseLimitSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JdbcClient jdbc;
    private static TransactionTemplate transaction;
    private static boolean postgres;
    private static ActiveCourseLimit limit;

    @BeforeAll
    static void database() {
        TestDatabase.Settings settings = TestDatabase.create("booking-active-courses");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), settings.username(),
                settings.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/booking").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        postgres = settings.url().startsWith("jdbc:postgresql:");
        limit = new ActiveCourseLimit(jdbc, 1);
    }

    @Test
    void aSecondRequestWhileOneIsActiveIsRefusedNamingTheActiveOne() {
        String patient = newPatient();
        UUID active = stored(patient, ConsultationSource.PATIENT, ConsultationStatus.CONFIRMED);

        assertThatThrownBy(() -> check(request(patient, 0)))
                .isInstanceOfSatisfying(ActiveCourseLimit.ActiveCourseException.class,
                        refused -> assertThat(refused.active()).isEqualTo(active))
                .hasMessageContaining(active.toString());
    }

    @ParameterizedTest
    @EnumSource(value = ConsultationStatus.class, names = {"INELIGIBLE", "CANCELLED", "COMPLETED"})
    void aFinalConsultationDoesNotCount(ConsultationStatus finalStatus) {
        String patient = newPatient();
        stored(patient, ConsultationSource.PATIENT, finalStatus);

        check(request(patient, 0));
    }

    @ParameterizedTest
    @EnumSource(value = ConsultationStatus.class, names = {"REQUESTED", "IN_REVIEW", "SAFETY_HOLD", "UNFULFILLED"})
    void everyStatusThatIsNotFinalCounts(ConsultationStatus open) {
        String patient = newPatient();
        stored(patient, ConsultationSource.PATIENT, open);

        assertThatThrownBy(() -> check(request(patient, 0)))
                .isInstanceOf(ActiveCourseLimit.ActiveCourseException.class);
    }

    @Test
    void anotherPatientsCourseAndAClinicsReferralDoNotCount() {
        String patient = newPatient();
        stored(newPatient(), ConsultationSource.PATIENT, ConsultationStatus.CONFIRMED);
        stored(patient, ConsultationSource.REFERRAL, ConsultationStatus.CONFIRMED);

        check(request(patient, 0));
    }

    /** The crisis path runs whatever else is open: such a request is never refused, and its answer lists 988. */
    @Test
    void aRequestWithACrisisAnswerIsNeverRefused() {
        String patient = newPatient();
        stored(patient, ConsultationSource.PATIENT, ConsultationStatus.CONFIRMED);

        check(request(patient, 1));
    }

    /** Two requests at once: the second waits for the first's transaction, then sees its consultation. */
    @Test
    void twoRequestsAtOnceCannotBothPass() throws Exception {
        String patient = newPatient();
        CountDownLatch firstChecked = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        // threads of their own: the common pool has one thread on two cores, and the first holds it
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            limit.check(request(patient, 0));
            firstChecked.countDown();
            awaitLatch(secondWaiting);
            stored(patient, ConsultationSource.PATIENT, ConsultationStatus.REQUESTED);
        }), threads);
        assertThat(firstChecked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> check(request(patient, 0)), threads);
        await("a session blocked on the patient's turn").atMost(Duration.ofSeconds(30))
                .until(() -> second.isDone() || blockedSessions() > 0);
        assertThat(second).as("the second request waits").isNotDone();
        secondWaiting.countDown();

        first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ActiveCourseLimit.ActiveCourseException.class);
        threads.shutdown();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(NewConsultation consultation) {
        transaction.executeWithoutResult(tx -> limit.check(consultation));
    }

    private static long blockedSessions() {
        return postgres
                ? jdbc.sql("SELECT COUNT(*) FROM pg_locks WHERE NOT granted").query(Long.class).single()
                // H2 names no blocker for a row lock; a statement on the turn table still executing is the waiter
                : jdbc.sql("SELECT COUNT(*) FROM information_schema.sessions WHERE session_id <> SESSION_ID() "
                        + "AND executing_statement LIKE '%patient_turn%'").query(Long.class).single();
    }

    private static NewConsultation request(String patient, int item9) {
        ConsultationRequest request = JSON.readValue(BookingIntegration.validRequest(item9), ConsultationRequest.class);
        return NewConsultation.byPatient(UUID.randomUUID(), patient, request);
    }

    private static UUID stored(String patient, ConsultationSource source, ConsultationStatus status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO consultation (id, patient_subject, source, status, created_at, time_zone, state,
                                                  zip_prefix, request_json)
                        VALUES (?, ?, ?, ?, ?, 'America/Los_Angeles', 'CA', '941', '{}')""")
                .params(id.toString(), patient, source.name(), status.name(), OffsetDateTime.now()).update();
        return id;
    }

    private static String newPatient() {
        return UUID.randomUUID().toString();
    }
}
