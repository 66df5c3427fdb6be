package com.housecall.screening.review;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (issue 21): a decision's note is a clinician's free text and may name the patient, so it goes; the decision,
 * who made it and when stay as the clinical trail. Screening keeps no name, contact or address, and of the intake only
 * the outcome, its reason codes and the scores.
 */
@Component
public class DecisionNotes {

    private final JdbcClient jdbc;

    DecisionNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID consultationId) {
        jdbc.sql("UPDATE screening_decision SET note = NULL WHERE consultation_id = ?")
                .param(consultationId.toString()).update();
    }
}
