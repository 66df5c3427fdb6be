package com.housecall.notification.sms;

import com.housecall.messaging.MessagingProperties;
import com.housecall.messaging.RetentionPurge;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets processed MessageSids after the inbox retention (30 days): Twilio retries within hours. */
@Component
class ProcessedWebhookPurge extends RetentionPurge {

    ProcessedWebhookPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        super("sms-webhook-purge", "processed_sms_webhook", "message_sid", "processed_at", jdbc, clock, properties);
    }
}
