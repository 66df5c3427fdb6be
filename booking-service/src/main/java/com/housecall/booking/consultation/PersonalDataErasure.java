package com.housecall.booking.consultation;

import com.housecall.events.booking.PersonalDataErased;
import com.housecall.messaging.DataKeys;
import com.housecall.messaging.OutboxWriter;
import com.housecall.security.Caller;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Erasure of a consultation's personal data (issue 21): its data key is shredded, so every PHI record it sealed on
 * the topics stays unreadable for good; the stored request loses the patient's identity and address; every service
 * hears {@code personal-data.erased} and drops its copies. Statuses, visits, screening, PHQ-9 answers, the timeline
 * and the PHI read audit stay: the clinical trail, without identity. Each request is audited; a repeat changes
 * nothing else.
 */
@Service
class PersonalDataErasure {

    /** What identifies the patient in the stored request; the state and channels stay (codes, not identity). */
    static final List<String> PATIENT_IDENTITY = List.of("givenName", "familyName", "dateOfBirth", "email", "phone");
    static final List<String> ADDRESS = List.of("line1", "city", "postalCode");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataKeys dataKeys;
    private final OutboxWriter outbox;
    private final Clock clock;

    PersonalDataErasure(JdbcClient jdbc, JsonMapper json, DataKeys dataKeys, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataKeys = dataKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void erase(UUID consultationId, Caller operator, String reason) {
        String request = jdbc.sql("SELECT request_json FROM consultation WHERE id = ? FOR UPDATE")
                .param(consultationId.toString()).query(String.class).optional()
                .orElseThrow(NotFoundException::new);
        boolean repeat = jdbc.sql("SELECT COUNT(*) FROM personal_data_erasure WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single() > 0;
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        INSERT INTO personal_data_erasure (consultation_id, erased_by, erased_at, reason)
                        VALUES (?, ?, ?, ?)""")
                .params(consultationId.toString(), operator.username() != null ? operator.username()
                        : operator.subject(), now.atOffset(ZoneOffset.UTC), reason)
                .update();
        if (repeat) {
            return;
        }
        jdbc.sql("UPDATE consultation SET request_json = ? WHERE id = ?")
                .params(redacted(request), consultationId.toString()).update();
        dataKeys.shred(consultationId).ifPresent(outbox::append);
        outbox.append(new PersonalDataErased(consultationId, now));
    }

    private String redacted(String request) {
        ObjectNode stored = (ObjectNode) json.readTree(request);
        if (stored.get("patient") instanceof ObjectNode patient) {
            patient.remove(PATIENT_IDENTITY);
        }
        if (stored.get("address") instanceof ObjectNode address) {
            address.remove(ADDRESS);
        }
        return json.writeValueAsString(stored);
    }
}
