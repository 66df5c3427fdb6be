package com.housecall.booking.consultation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.events.phi.SealedPayload;
import com.housecall.messaging.DataKeyRotation;
import com.housecall.messaging.DataKeys;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation on booking's key table: a new KEK re-wraps the data keys the old one wrapped and announces them again;
 * the data key, and so the records already on the topics, stay. Rotated back at the end: the context shares the table.
 */
class DataKeyRotationIT extends BookingIntegration {

    static final String V2 = "v2:" + Base64.getEncoder().encodeToString("rotation-test-kek-of-32-bytes!!!".getBytes());

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theNewKekRewrapsEveryDataKeyAndTheSealedRecordsStillOpen() throws Exception {
        String id = requested();
        var contact = topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id);
        KeyEncryptionKeys rotating = KeyEncryptionKeys.of(V2, List.of(KeyEncryptionKeys.DEV));
        try {
            assertThat(rotation(rotating).rotate()).isPositive();

            assertThat(version(id)).isEqualTo("v2");
            var v2Only = KeyEncryptionKeys.of(V2, List.of());
            var dataKey = v2Only.unwrap(UUID.fromString(id), new KeyEncryptionKeys.Wrapped("v2", wrapped(id)));
            assertThat(new String(SealedPayload.read(contact.value().getBytes(UTF_8))
                    .open(dataKey, EventTypes.CONTACT_UPDATED), UTF_8)).contains("ada@example.test");
            await().atMost(Duration.ofSeconds(60)).until(() -> topics.matching(r -> id.equals(r.key())
                    && EventTypes.DATA_KEY_ISSUED.equals(r.header("ce_type"))
                    && r.value().contains("\"kekVersion\":\"v2\"")).size() == 1);
            assertThat(rotation(rotating).rotate()).as("nothing left under the old KEK").isZero();
        } finally {
            rotation(KeyEncryptionKeys.of(KeyEncryptionKeys.DEV, List.of(V2))).rotate();
        }
        assertThat(version(id)).isEqualTo(KeyEncryptionKeys.DEV_VERSION);
    }

    private DataKeyRotation rotation(KeyEncryptionKeys keks) {
        return new DataKeyRotation(new DataKeys(jdbc, keks, Clock.systemUTC()), outbox, transactions);
    }

    private String version(String id) {
        return jdbc.sql("SELECT kek_version FROM data_key WHERE consultation_id = ?").param(id)
                .query(String.class).single();
    }

    private String wrapped(String id) {
        return jdbc.sql("SELECT wrapped_key FROM data_key WHERE consultation_id = ?").param(id)
                .query(String.class).single();
    }
}
