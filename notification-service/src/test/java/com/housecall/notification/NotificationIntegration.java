package com.housecall.notification;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.Topics;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.localstack.sms.SmsSink;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.MovableClock;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of notification-service's integration tests (two would steal each other's records):
 * a real SMTP server (GreenMail), a Twilio-shaped SMS sink, the shared broker and a fresh database.
 */
@Import(TestClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"spring.config.name=notification-service", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
                "logging.level.com.icegreen=WARN"})
public abstract class NotificationIntegration {

    /** Generous: the build machine is shared and slow. */
    protected static final java.time.Duration WAIT = java.time.Duration.ofSeconds(90);
    /** The service's clock: a test that moves it resets it. */
    public static final MovableClock CLOCK = new MovableClock();
    protected static final int SMTP_PORT = freePort();
    protected static final int HTTP_PORT = freePort();
    protected static final String SMS_FROM = "+15005550006";
    protected static final String ON_CALL_PHONE = "+14155550999";
    protected static final String ON_CALL_EMAIL = "oncall@housecall.example";
    protected static final SmsSink sms = startSink();
    protected static final TopicRecorder notificationEvents = TopicRecorder.start(Topics.NOTIFICATION_EVENTS);
    private static final AtomicInteger phones = new AtomicInteger();

    @RegisterExtension
    protected static final GreenMailExtension mailbox = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "notification-service");
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("housecall.notification.send-interval", () -> "50ms");
        registry.add("housecall.notification.retry-backoff", () -> "200ms");
        registry.add("housecall.notification.on-call.phone", () -> ON_CALL_PHONE);
        registry.add("housecall.notification.on-call.email", () -> ON_CALL_EMAIL);
        registry.add("housecall.web.base-url", () -> "https://housecall.example");
        registry.add("housecall.sms.base-url", sms::baseUrl);
        registry.add("housecall.sms.account-sid", sms::accountSid);
        registry.add("housecall.sms.auth-token", sms::authToken);
        registry.add("housecall.sms.from", () -> SMS_FROM);
        registry.add("housecall.sms.webhook-base-url", () -> "http://127.0.0.1:" + HTTP_PORT);
        // long enough that a busy machine does not turn a normal send into OUTCOME_UNKNOWN (a crisis retry, a page twice)
        registry.add("housecall.sms.read-timeout", () -> "3s");
    }

    @Autowired
    protected JdbcClient jdbc;

    /** A zone where it is daytime now (10:00 to 17:59), so quiet hours hold no routine message of a test. */
    protected static ZoneId daytimeZone() {
        int utcHour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12; // local hour = 12 or 13
        // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** A zone where it is night now (23:00 to 00:59): quiet hours. */
    protected static ZoneId nightZone() {
        int utcHour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(24 - utcHour + 12, 24) - 12; // local hour = 0 or 24
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** A phone number no other test uses. */
    protected static String newPhone() {
        return "+1415555" + String.format("%04d", 1000 + phones.incrementAndGet());
    }

    protected static ContactUpdated contact(UUID consultationId, String email, String phone, List<String> channels,
                                            boolean emailConsent, boolean smsConsent, ZoneId zone) {
        return new ContactUpdated(consultationId, "Alex", "Rivera", email, phone, channels,
                new ContactUpdated.Consent(smsConsent, emailConsent), zone.getId());
    }

    protected static void publish(ConsultationEvent payload, String source) {
        TestEvents.publish(payload, source);
    }

    protected static List<MimeMessage> emailsTo(String address) {
        return List.of(mailbox.getReceivedMessages()).stream()
                .filter(message -> recipient(message).equals(address)).toList();
    }

    protected long processed(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    protected List<String> statuses(UUID consultationId, String type) {
        return jdbc.sql("SELECT channel || ':' || status || ':' || COALESCE(reason, '') FROM notification "
                        + "WHERE consultation_id = ? AND type = ? ORDER BY channel")
                .params(consultationId.toString(), type).query(String.class).list();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmsSink startSink() {
        try {
            return SmsSink.start(0, "ACtest0123456789", "test-auth-token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
