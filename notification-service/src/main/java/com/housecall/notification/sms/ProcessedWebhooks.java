package com.housecall.notification.sms;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbound MessageSids already acted on: Twilio's own ids, no PHI. */
@Repository
class ProcessedWebhooks {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedWebhooks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time a MessageSid is seen; inside the caller's transaction, so a failure forgets it again. */
    boolean firstTime(String messageSid) {
        return jdbc.sql("INSERT INTO processed_sms_webhook (message_sid, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(messageSid, clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }
}
