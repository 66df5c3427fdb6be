package com.housecall.booking.consultation;

import com.housecall.security.problem.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/consultations} with an {@code Idempotency-Key} (CONTRACT.md section 4): scoped to the caller,
 * kept {@link #RETENTION}. The key row is inserted in the transaction that creates the consultation, so a concurrent
 * duplicate blocks on the primary key until the first commits, then fails and reads the winner's row: the same body
 * (compared as parsed JSON) gets the first consultation, another body 409.
 */
@Service
class IdempotentSubmissions {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final int ATTEMPTS = 5;

    /** The answer: the consultation, and whether this call created it (else it repeats the first). */
    record Submission(UUID id, ConsultationStatus status, boolean created) {
    }

    private record StoredKey(String requestHash, UUID consultationId) {
    }

    private final ConsultationService service;
    private final ConsultationRepository consultations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotentSubmissions(ConsultationService service, ConsultationRepository consultations, JdbcClient jdbc,
                          PlatformTransactionManager transactions, Clock clock) {
        this.service = service;
        this.consultations = consultations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Submission submit(String caller, String key, JsonNode body, ConsultationRequest request) {
        if (key == null) {
            UUID id = service.create(NewConsultation.byPatient(UUID.randomUUID(), caller, request));
            return new Submission(id, ConsultationStatus.REQUESTED, true);
        }
        String hash = hash(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> {
                    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                    jdbc.sql("DELETE FROM idempotency_key WHERE caller_subject = ? AND idempotency_key = ? AND created_at < ?")
                            .params(caller, key, now.minus(RETENTION)).update();
                    UUID id = UUID.randomUUID();
                    // blocks behind a concurrent first use of the key until that one commits or rolls back
                    jdbc.sql("""
                                    INSERT INTO idempotency_key (caller_subject, idempotency_key, request_hash, consultation_id, created_at)
                                    VALUES (?, ?, ?, ?, ?)""")
                            .params(caller, key, hash, id.toString(), now).update();
                    service.create(NewConsultation.byPatient(id, caller, request));
                    return new Submission(id, ConsultationStatus.REQUESTED, true);
                });
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                Optional<StoredKey> first = find(caller, key);
                if (first.isPresent()) {
                    return repeat(first.get(), hash);
                }
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("A request with this Idempotency-Key is still being processed; retry.");
                }
            }
        }
    }

    private Submission repeat(StoredKey first, String hash) {
        if (!first.requestHash().equals(hash)) {
            throw new ConflictException("This Idempotency-Key was used with a different body.");
        }
        ConsultationStatus status = consultations.find(first.consultationId())
                .map(ConsultationRepository.StoredConsultation::status).orElse(ConsultationStatus.REQUESTED);
        return new Submission(first.consultationId(), status, false);
    }

    private Optional<StoredKey> find(String caller, String key) {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(RETENTION);
        return jdbc.sql("""
                        SELECT request_hash, consultation_id FROM idempotency_key
                        WHERE caller_subject = ? AND idempotency_key = ? AND created_at >= ?""")
                .params(caller, key, cutoff)
                .query((rs, row) -> new StoredKey(rs.getString("request_hash"),
                        UUID.fromString(rs.getString("consultation_id"))))
                .optional();
    }

    /** Drops keys older than the retention; answers how many. */
    int purgeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(RETENTION);
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(cutoff).update();
    }

    /** SHA-256 of the body in a canonical form: object members sorted, numbers by value (2 and 2.0 are equal). */
    static String hash(JsonNode body) {
        StringBuilder canonical = new StringBuilder();
        canonical(body, canonical);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                sorted.put(member.getKey(), member.getValue());
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> members = sorted.entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                out.append(quote(member.getKey())).append(':');
                canonical(member.getValue(), out);
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isString()) {
            out.append(quote(node.asString()));
        } else {
            out.append(node.toString());
        }
    }

    private static String quote(String text) {
        return tools.jackson.databind.node.StringNode.valueOf(text).toString();
    }
}
