package com.housecall.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles one consultation's events one transaction at a time. A service that needs two of them from different
 * topics (a contact and a message, a visit request and a location) reads those topics in parallel: handled at the
 * same moment, each handler would miss the other's uncommitted row and neither would act. Taking the consultation's
 * row makes the later transaction wait, then see what the earlier one committed.
 */
public class ConsultationTurns {

    private final JdbcClient jdbc;

    ConsultationTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the consultation until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(UUID consultationId) {
        // a concurrent first insert of the same id waits here for the other transaction to end
        jdbc.sql("INSERT INTO consultation_turn (consultation_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(consultationId.toString()).update();
        jdbc.sql("SELECT consultation_id FROM consultation_turn WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString()).query(String.class).single();
    }
}
