package com.housecall.notification.message;

import com.housecall.messaging.EventHandlers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.TestEvents;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consultation's contact and its hold come on two topics and are handled in parallel. Here the
 * hold arrives while the contact's transaction is still open: the crisis message must still go out.
 */
class ContactAndMessageAtOnceTest extends NotificationIntegration {

    @Autowired
    @Qualifier("bookingContacts")
    EventHandlers contacts;

    @Autowired
    @Qualifier("bookingEvents")
    EventHandlers bookings;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Test
    void aCrisisHandledWhileItsContactIsUncommittedIsStillSent() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"),
                    "needs PostgreSQL (HOUSECALL_TEST_DB_URL, as CI sets it): the test watches pg_stat_activity for"
                            + " the screening's transaction waiting on the contact's");
        }
        UUID consultationId = UUID.randomUUID();
        String email = "at.once." + consultationId + "@example.com";
        CountDownLatch contactHandled = new CountDownLatch(1);
        CountDownLatch commitContact = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2); // the common pool may have one thread here

        // the contact's handler has run; its transaction stays open until the test lets it commit
        CompletableFuture<Void> contact = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    contacts.handle(message(contact(consultationId, email, newPhone(), List.of("EMAIL"), true, true,
                            daytimeZone())));
                    contactHandled.countDown();
                    awaitLatch(commitContact);
                }), threads);
        assertThat(contactHandled.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> crisis = CompletableFuture.runAsync(() -> bookings.handle(message(
                new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now()))),
                threads);
        // the screening either finished without waiting, or waits for the contact's transaction
        await().atMost(WAIT).until(() -> crisis.isDone() || transactionsWaitingForALock() > 0);
        commitContact.countDown();
        contact.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        crisis.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(statuses(consultationId, "SAFETY_HOLD")).as("the crisis message has its notifications").isNotEmpty();
        await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
    }

    private static Message<byte[]> message(ConsultationEvent payload) {
        EventCatalog.Entry entry = EventCatalog.of(payload);
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(TestEvents.value(payload));
        CloudEventHeaders.of(UUID.randomUUID().toString(), CloudEventHeaders.source("booking-service"), entry.type(),
                Instant.now().toString(), payload.consultationId().toString()).forEach(message::setHeader);
        return message.build();
    }

    private long transactionsWaitingForALock() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").query(Long.class).single();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the contact commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
