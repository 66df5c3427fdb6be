package com.housecall.dispatch.visit;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (issue 21): the patient's address, first name and phone go; visits, their statuses and the visit record
 * (the clinical trail) stay. A nurse's list then shows the visit without an address.
 */
@Component
class PatientLocations {

    private final JdbcClient jdbc;

    PatientLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void erase(UUID consultationId) {
        jdbc.sql("DELETE FROM patient_location WHERE consultation_id = ?").param(consultationId).update();
    }
}
