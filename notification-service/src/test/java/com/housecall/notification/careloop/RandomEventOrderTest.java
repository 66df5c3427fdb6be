package com.housecall.notification.careloop;

import com.housecall.messaging.EventHandlers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.Topics;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.TestEvents;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Issue 12's property: over random event orders with redeliveries, fed to the real handlers (the inbox, the
 * consultation turns, the database; no broker in between), a consultation put on hold gets the crisis message on
 * each consented channel exactly once (an opted-out number: suppressed OPTED_OUT), a hold's cancellations send
 * nothing, and no message goes twice on a channel. Events of one topic keep their order (Kafka's per-key order);
 * topics interleave at random; a redelivery (same ce_id) or a republished copy (new ce_id) may come any time later.
 */
class RandomEventOrderTest extends NotificationIntegration {

    private static final int CASES = 200;
    private static final long SEED = 20261202L;

    private record Event(String topic, String id, ConsultationEvent payload) {
    }

    private record Case(UUID consultationId, String email, String phone, boolean emailConsent, boolean smsConsent,
                        boolean optedOut, boolean held) {
    }

    @Autowired
    @Qualifier("bookingContacts")
    EventHandlers contacts;

    @Autowired
    @Qualifier("bookingEvents")
    EventHandlers bookings;

    @Autowired
    @Qualifier("screeningEvents")
    EventHandlers screenings;

    @Autowired
    @Qualifier("dispatchEvents")
    EventHandlers dispatches;

    @Test
    void aHeldConsultationGetsTheCrisisMessageOncePerConsentedChannelWhateverTheOrder() {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(feed(random));
        }
        for (Case c : cases) {
            List<String> crisis = statuses(c.consultationId(), "SAFETY_HOLD");
            List<String> expected = new ArrayList<>();
            if (c.held() && c.emailConsent()) {
                expected.add("EMAIL");
            }
            if (c.held() && c.smsConsent()) {
                expected.add(c.optedOut() ? "SMS:SUPPRESSED:OPTED_OUT" : "SMS");
            }
            assertThat(crisis).as("crisis rows of %s", c).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(crisis.get(i)).as("crisis of %s", c).startsWith(expected.get(i))
                        .doesNotContain("FAILED", expected.get(i).contains("SUPPRESSED") ? "QUEUED" : "SUPPRESSED");
            }
            assertThat(statuses(c.consultationId(), "VISIT_CANCELLED")).as("cancel texts of %s", c).isEmpty();
        }
        List<String> twice = jdbc.sql("""
                        SELECT m.consultation_id || ' ' || m.type || ' ' || n.channel FROM notification n
                        JOIN message m ON m.id = n.message_id WHERE m.consultation_id IN (:ids)
                        GROUP BY m.consultation_id, m.type, COALESCE(m.visit_id, ''), n.channel
                        HAVING COUNT(*) > 1""")
                .param("ids", cases.stream().map(c -> c.consultationId().toString()).toList())
                .query(String.class).list();
        assertThat(twice).as("messages sent twice on one channel").isEmpty();

        // and they really go: one crisis SMS per phone, one crisis email per address
        await().atMost(WAIT).untilAsserted(() -> {
            for (Case c : cases) {
                boolean sms = c.held() && c.smsConsent() && !c.optedOut();
                assertThat(NotificationIntegration.sms.messagesTo(c.phone()).stream()
                        .filter(m -> m.body().startsWith("Call 911")).count()).as("crisis SMS of %s", c)
                        .isEqualTo(sms ? 1 : 0);
                assertThat(emailsTo(c.email()).stream().filter(m -> subject(m).contains("help is available"))
                        .count()).as("crisis email of %s", c).isEqualTo(c.held() && c.emailConsent() ? 1 : 0);
            }
        });
    }

    /** One consultation: a path drawn at random, its events interleaved across topics, with redeliveries. */
    private Case feed(Random random) {
        UUID consultationId = UUID.randomUUID();
        String email = "prop." + consultationId + "@example.com";
        String phone = newPhone();
        boolean emailConsent = random.nextInt(4) > 0;
        boolean smsConsent = random.nextInt(4) > 0;
        boolean optedOut = random.nextInt(5) == 0;
        if (optedOut) {
            jdbc.sql("INSERT INTO sms_opt_out (phone, opted_out_at) VALUES (?, ?)").params(phone,
                    OffsetDateTime.now()).update();
        }
        ZoneId zone = random.nextBoolean() ? daytimeZone() : nightZone();
        List<String> preferred = random.nextBoolean() ? List.of("EMAIL") : List.of("SMS", "EMAIL");
        int path = random.nextInt(3); // 0: crisis at intake, 1: crisis at a fresh PHQ-9, 2: no crisis
        Map<String, List<Event>> topics = Map.of(
                Topics.BOOKING_CONTACTS, new ArrayList<>(), Topics.BOOKING_EVENTS, new ArrayList<>(),
                Topics.SCREENING_EVENTS, new ArrayList<>(), Topics.DISPATCH_EVENTS, new ArrayList<>());
        add(topics, Topics.BOOKING_CONTACTS, contact(consultationId, email, phone, preferred, emailConsent,
                smsConsent, zone));
        Instant now = Instant.now();
        add(topics, Topics.BOOKING_EVENTS, new ConsultationRequested(consultationId, "WEB", "CA", "940",
                zone.getId(), now));
        add(topics, Topics.SCREENING_EVENTS, new ScreeningCompleted(consultationId, path == 0 ? ScreeningOutcome.CRISIS : ScreeningOutcome.ELIGIBLE,
                "1", List.of(), null, null, now));
        if (path == 0) {
            add(topics, Topics.BOOKING_EVENTS, new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE,
                    "SCREENING", now));
        } else {
            OffsetDateTime start = OffsetDateTime.now(zone).plusDays(3).withHour(10).truncatedTo(ChronoUnit.HOURS);
            List<UUID> visits = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            add(topics, Topics.BOOKING_EVENTS, new BookingConfirmed(consultationId, visits.get(0), start,
                    start.plusMinutes(85), "Sam Lee", zone.getId(), 3));
            for (int sequence = 2; sequence <= 3; sequence++) {
                OffsetDateTime later = start.plusDays(2L * (sequence - 1));
                add(topics, Topics.DISPATCH_EVENTS, new VisitScheduled(consultationId, visits.get(sequence - 1),
                        sequence, UUID.randomUUID(), "Sam Lee", later, later.plusMinutes(85), zone.getId()));
            }
            if (path == 1) {
                add(topics, Topics.BOOKING_EVENTS, new ConsultationHeld(consultationId, HoldReason.CRISIS_PHQ9,
                        "CONFIRMED", now.plusSeconds(60)));
                for (int sequence = 1; sequence <= 3; sequence++) {
                    add(topics, Topics.BOOKING_EVENTS, new VisitCancelled(consultationId, visits.get(sequence - 1),
                            sequence, VisitCancelReason.SAFETY_HOLD, now.plusSeconds(60)));
                }
            }
        }
        List<Event> order = interleave(topics, random);
        for (Event event : order) {
            deliver(event);
        }
        return new Case(consultationId, email, phone, emailConsent, smsConsent, optedOut, path < 2);
    }

    private static void add(Map<String, List<Event>> topics, String topic, ConsultationEvent payload) {
        topics.get(topic).add(new Event(topic, UUID.randomUUID().toString(), payload));
    }

    /** Topics interleaved at random, each in its order; then redeliveries and copies at random later places. */
    private static List<Event> interleave(Map<String, List<Event>> topics, Random random) {
        List<List<Event>> queues = new ArrayList<>();
        topics.values().forEach(events -> queues.add(new ArrayList<>(events)));
        List<Event> order = new ArrayList<>();
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            List<List<Event>> open = queues.stream().filter(q -> !q.isEmpty()).toList();
            order.add(open.get(random.nextInt(open.size())).removeFirst());
        }
        for (Event event : List.copyOf(order)) {
            int roll = random.nextInt(10);
            if (roll < 4) {
                int after = order.indexOf(event) + 1;
                Event again = roll == 0 ? new Event(event.topic(), UUID.randomUUID().toString(), event.payload())
                        : event;
                order.add(after + random.nextInt(order.size() - after + 1), again);
            }
        }
        return order;
    }

    private void deliver(Event event) {
        EventCatalog.Entry entry = EventCatalog.of(event.payload());
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(TestEvents.value(event.payload()));
        CloudEventHeaders.of(event.id(), CloudEventHeaders.source("booking-service"), entry.type(),
                Instant.now().toString(), event.payload().consultationId().toString()).forEach(message::setHeader);
        EventHandlers consumer = switch (event.topic()) {
            case Topics.BOOKING_CONTACTS -> contacts;
            case Topics.BOOKING_EVENTS -> bookings;
            case Topics.SCREENING_EVENTS -> screenings;
            default -> dispatches;
        };
        consumer.handle(message.build());
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
