package com.housecall.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.notification.NotificationIntegration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A validly signed webhook sent again (same MessageSid) is a replay: it answers 200 and changes nothing. */
class SmsWebhookReplaySecurityTest extends NotificationIntegration {

    private final TwilioWebhooks twilio = new TwilioWebhooks("http://127.0.0.1:" + HTTP_PORT, sms.authToken(),
            sms.accountSid(), SMS_FROM);

    @Test
    void aReplayedStopDoesNotSilenceTheCrisisSmsOfAPatientWhoSentStart() throws Exception {
        String phone = newPhone();
        String stopSid = TwilioWebhooks.newMessageSid();
        twilio.inbound(stopSid, phone, "STOP");
        twilio.inbound(phone, "START");

        HttpResponse<String> replay = twilio.inbound(stopSid, phone, "STOP");

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).endsWith("<Response/>");
        UUID consultationId = UUID.randomUUID();
        publish(contact(consultationId, null, phone, List.of("SMS"), true, true, nightZone()), "booking-service");
        publish(new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now()),
                "booking-service");
        await().atMost(WAIT).until(() -> !sms.messagesTo(phone).isEmpty());
        assertThat(sms.messagesTo(phone).getFirst().body()).contains("911", "988");
    }

    @Test
    void aReplayedStartDoesNotUndoALaterStop() throws Exception {
        String phone = newPhone();
        String startSid = TwilioWebhooks.newMessageSid();
        twilio.inbound(startSid, phone, "START");
        twilio.inbound(phone, "STOP");

        HttpResponse<String> replay = twilio.inbound(startSid, phone, "START");

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE phone = ?").param(phone).query(Long.class)
                .single()).as("still opted out").isEqualTo(1);
    }
}
