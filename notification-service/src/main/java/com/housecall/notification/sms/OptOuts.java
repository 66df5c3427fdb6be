package com.housecall.notification.sms;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Numbers that replied STOP (and not START since): no SMS at all, crisis messages included. PHI. */
@Repository
public class OptOuts {

    private final JdbcClient jdbc;
    private final Clock clock;

    OptOuts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean optedOut(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE phone = ?").param(phone).query(Long.class).single() > 0;
    }

    void optOut(String phone) {
        if (!optedOut(phone)) {
            jdbc.sql("INSERT INTO sms_opt_out (phone, opted_out_at) VALUES (?, ?)")
                    .params(phone, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
    }

    void optIn(String phone) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE phone = ?").param(phone).update();
    }
}
