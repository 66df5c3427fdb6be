package com.housecall.messaging;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.DataKeyShredded;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.events.phi.SealedPayload;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner's side of envelope encryption (booking-service, table {@code data_key}): one data key per consultation,
 * stored wrapped by the current KEK and announced on booking.keys.v1 before the first PHI record it seals; shredded
 * on erasure, after which the consultation's PHI records stay sealed for good and no new one is written.
 */
public class DataKeys {

    record Row(String consultationId, String keyId, String kekVersion, @Nullable String wrappedKey) {

        KeyEncryptionKeys.Wrapped wrapped() {
            return new KeyEncryptionKeys.Wrapped(kekVersion, wrappedKey);
        }
    }

    private final JdbcClient jdbc;
    private final KeyEncryptionKeys keks;
    private final Clock clock;

    public DataKeys(JdbcClient jdbc, KeyEncryptionKeys keks, Clock clock) {
        this.jdbc = jdbc;
        this.keks = keks;
        this.clock = clock;
    }

    /**
     * The record value of {@code payload}: plain JSON on a shared topic, sealed by the consultation's data key on a
     * PHI topic (a new key is announced through {@code announce} first); empty once the consultation was erased.
     */
    Optional<byte[]> encode(EventCatalog.Entry entry, ConsultationEvent payload, Consumer<ConsultationEvent> announce) {
        byte[] json = EventJson.write(payload);
        if (!Topics.carriesPhi(entry.topic())) {
            return Optional.of(json);
        }
        UUID consultationId = payload.consultationId();
        Row row = find(consultationId).orElseGet(() -> issue(consultationId, announce));
        if (row.wrappedKey() == null) {
            return Optional.empty();
        }
        SecretKey dataKey = keks.unwrap(consultationId, row.wrapped());
        return Optional.of(SealedPayload.seal(consultationId, UUID.fromString(row.keyId()), dataKey, entry.type(),
                json));
    }

    /** Erasure: forgets the data key; the event to append tells every reader to forget it too. */
    public Optional<DataKeyShredded> shred(UUID consultationId) {
        Optional<Row> row = find(consultationId).filter(found -> found.wrappedKey() != null);
        row.ifPresent(found -> jdbc.sql("UPDATE data_key SET wrapped_key = NULL, kek_version = 'shredded', "
                        + "shredded_at = ? WHERE consultation_id = ?")
                .params(Instant.now(clock).atOffset(ZoneOffset.UTC), consultationId.toString()).update());
        return row.map(found -> new DataKeyShredded(consultationId, UUID.fromString(found.keyId())));
    }

    /**
     * Key rotation: re-wraps up to {@code limit} data keys still under an older KEK with the current one; the events
     * to append carry the new wrapping to the readers. Returns none once every key is current.
     */
    public List<DataKeyIssued> rotate(int limit) {
        List<Row> stale = jdbc.sql("""
                        SELECT consultation_id, key_id, kek_version, wrapped_key FROM data_key
                        WHERE wrapped_key IS NOT NULL AND kek_version <> ? ORDER BY consultation_id LIMIT ?""")
                .params(keks.currentVersion(), limit).query(RecordRows.of(Row.class)).list();
        return stale.stream().map(row -> {
            UUID consultationId = UUID.fromString(row.consultationId());
            KeyEncryptionKeys.Wrapped rewrapped = keks.rewrap(consultationId, row.wrapped());
            jdbc.sql("UPDATE data_key SET kek_version = ?, wrapped_key = ? WHERE consultation_id = ?")
                    .params(rewrapped.kekVersion(), rewrapped.wrappedKey(), row.consultationId()).update();
            return issued(consultationId, UUID.fromString(row.keyId()), rewrapped);
        }).toList();
    }

    private Optional<Row> find(UUID consultationId) {
        return jdbc.sql("SELECT consultation_id, key_id, kek_version, wrapped_key FROM data_key "
                        + "WHERE consultation_id = ?").param(consultationId.toString())
                .query(RecordRows.of(Row.class)).optional();
    }

    /** A concurrent first PHI event of the same consultation waits on the key row and then uses the winner's key. */
    private Row issue(UUID consultationId, Consumer<ConsultationEvent> announce) {
        UUID keyId = UUID.randomUUID();
        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(consultationId, SealedPayload.newDataKey());
        int inserted = jdbc.sql("""
                        INSERT INTO data_key (consultation_id, key_id, kek_version, wrapped_key, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(consultationId.toString(), keyId.toString(), wrapped.kekVersion(), wrapped.wrappedKey(),
                        Instant.now(clock).atOffset(ZoneOffset.UTC)).update();
        if (inserted == 0) {
            return find(consultationId).orElseThrow();
        }
        announce.accept(issued(consultationId, keyId, wrapped));
        return new Row(consultationId.toString(), keyId.toString(), wrapped.kekVersion(), wrapped.wrappedKey());
    }

    private static DataKeyIssued issued(UUID consultationId, UUID keyId, KeyEncryptionKeys.Wrapped wrapped) {
        return new DataKeyIssued(consultationId, keyId, wrapped.kekVersion(), wrapped.wrappedKey());
    }
}
