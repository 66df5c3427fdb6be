package com.housecall.booking.consultation;

import com.housecall.security.problem.ConflictException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most {@code housecall.booking.active-courses-per-patient} (1) consultations of a patient's own that are not
 * final: each reserves nurse visits, and the red-team pass made 160 in bursts (issue 21). Clinics' referrals are not
 * counted (the clinic's own rate limit applies), and a request with a crisis answer is never refused: the crisis
 * path must run whatever else the patient has open.
 */
@Component
class ActiveCourseLimit {

    private static final String FINAL_STATUSES = Arrays.stream(ConsultationStatus.values())
            .filter(ConsultationStatus::isFinal).map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final int limit;

    ActiveCourseLimit(JdbcClient jdbc, @Value("${housecall.booking.active-courses-per-patient}") int limit) {
        this.jdbc = jdbc;
        this.limit = limit;
    }

    /** In the creating transaction: waits for the patient's turn, then refuses when the limit is reached. */
    void check(NewConsultation consultation) {
        if (consultation.source() != ConsultationSource.PATIENT
                || CrisisResources.needed(consultation.request().intake().phq9())) {
            return;
        }
        String patient = consultation.patientSubject();
        jdbc.sql("INSERT INTO patient_turn (patient_subject) VALUES (?) ON CONFLICT DO NOTHING").param(patient)
                .update();
        jdbc.sql("SELECT patient_subject FROM patient_turn WHERE patient_subject = ? FOR UPDATE").param(patient)
                .query(String.class).single();
        List<String> active = jdbc.sql("SELECT id FROM consultation WHERE patient_subject = ? AND source = 'PATIENT' "
                        + "AND status NOT IN (" + FINAL_STATUSES + ") ORDER BY created_at")
                .param(patient).query(String.class).list();
        if (active.size() >= limit) {
            throw new ActiveCourseException(UUID.fromString(active.getFirst()));
        }
    }

    /** 409: the patient already has an active consultation, named so the app can lead there. */
    static final class ActiveCourseException extends ConflictException {

        private final UUID active;

        ActiveCourseException(UUID active) {
            super("You already have an active consultation (" + active + "): continue with it, or cancel it "
                    + "before requesting another.");
            this.active = active;
        }

        UUID active() {
            return active;
        }
    }
}
