package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.phi.SealedDataException;
import com.housecall.events.phi.SealedPayload;
import com.housecall.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on PHI at rest (issue 21): whoever reads the PHI topics' bytes (Kafka's segment files hold exactly these)
 * finds no name, contact, address or answer; after an erasure nothing the platform keeps opens the records again.
 */
class PhiAtRestSecurityIT extends BookingIntegration {

    /** Long enough that random base64 never spells one by chance. */
    static final List<String> PHI = List.of("Lovelace", "1 Main St", "San Francisco", "ada@example.test",
            "+14155550100", "1988-02-14", "sertraline", "\"phq9\"");

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePhiTopicsRawBytesHoldNoPhiInClear() throws Exception {
        String id = requested();

        List<TopicRecorder.Received> raw = List.of(
                topics.awaitOne(Topics.BOOKING_INTAKE, EventTypes.INTAKE_SUBMITTED, id),
                topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id),
                topics.awaitOne(Topics.BOOKING_KEYS, EventTypes.DATA_KEY_ISSUED, id));

        raw.forEach(record -> assertThat(record.value()).doesNotContain(PHI));
        raw.forEach(record -> assertThat(record.key()).isEqualTo(id));
        raw.forEach(record -> assertThat(record.headers().values().toString()).doesNotContain(PHI));
        assertThat(topics.opened(raw.get(1))).contains("ada@example.test", "Lovelace");
        assertThat(jdbc.sql("SELECT wrapped_key FROM data_key WHERE consultation_id = ?").param(id)
                .query(String.class).single()).doesNotContain(PHI);
    }

    @Test
    void afterErasureTheRawRecordNeverOpensAgain() throws Exception {
        String id = requested();
        TopicRecorder.Received contact = topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id);
        assertThat(topics.opened(contact)).contains("ada@example.test");

        assertThat(as("operator1", "DELETE", "/api/consultations/" + id + "/personal-data",
                "{\"reason\": \"patient asked to be forgotten\"}").statusCode()).isEqualTo(204);

        // booking keeps no key, and the keys topic's latest value for the consultation (what compaction keeps) is
        // the shred: the only wrapped copy left is the superseded record the log cleaner removes
        assertThat(jdbc.sql("SELECT wrapped_key FROM data_key WHERE consultation_id = ?").param(id)
                .query(String.class).optional().orElse(null)).isNull();
        TopicRecorder.Received shred = topics.awaitOne(Topics.BOOKING_KEYS, EventTypes.DATA_KEY_SHREDDED, id);
        assertThat(topics.matching(r -> r.topic().equals(Topics.BOOKING_KEYS) && id.equals(r.key())).getLast())
                .isEqualTo(shred);
        // no new key is ever issued for it, so nothing else opens the record
        as("patient1", "PUT", "/api/consultations/" + id + "/contact", """
                {"preferredChannels": ["EMAIL"], "email": "new@example.test",
                 "consent": {"sms": false, "email": true}}""");
        SealedPayload sealed = SealedPayload.read(contact.value().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> sealed.open(SealedPayload.newDataKey(), EventTypes.CONTACT_UPDATED))
                .isInstanceOf(SealedDataException.class);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> topics.matching(r ->
                id.equals(r.key()) && EventTypes.DATA_KEY_ISSUED.equals(r.header("ce_type"))).size() == 1);
        assertThat(topics.matching(r -> r.topic().equals(Topics.BOOKING_CONTACTS) && id.equals(r.key())))
                .hasSize(1);
    }
}
