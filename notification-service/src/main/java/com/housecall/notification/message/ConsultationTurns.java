package com.housecall.notification.message;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One consultation's events are handled one transaction at a time. They come on four topics, read in parallel:
 * a contact and a message of the same consultation handled at the same moment would each miss the other's
 * uncommitted row, and the message would never be sent (a crisis message included). Taking the consultation's row
 * makes the later transaction wait, then see what the earlier one committed.
 */
@Component
class ConsultationTurns {

    private final JdbcClient jdbc;

    ConsultationTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the consultation until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void take(UUID consultationId) {
        // a concurrent first insert of the same id waits here for the other transaction to end
        jdbc.sql("INSERT INTO consultation_turn (consultation_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(consultationId.toString()).update();
        jdbc.sql("SELECT consultation_id FROM consultation_turn WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString()).query(String.class).single();
    }
}
