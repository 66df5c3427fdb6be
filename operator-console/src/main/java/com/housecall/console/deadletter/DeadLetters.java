package com.housecall.console.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.console.events.Redaction;
import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The dead letters of every consumer group, with the raw record kept for replay. */
@Repository
public class DeadLetters {

    /** The raw record: what a replay sends back to the original topic. */
    record Raw(String originalTopic, byte[] key, byte[] value, List<Header> headers) {
    }

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a record of a {@code *.dlq} topic once (a redelivery finds its id). */
    void store(ConsumerRecord<byte[], byte[]> record) {
        String id = record.topic() + ":" + record.partition() + ":" + record.offset();
        List<List<String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(List.of(header.key(), header.value() == null ? "" : B64.encodeToString(header.value())));
        }
        String originalTopic = header(record, CloudEventHeaders.ORIGINAL_TOPIC);
        if (find(id).isPresent()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO dead_letter (id, topic, original_topic, reason, failed_at, event_type, subject,
                            record_key, record_value, record_headers, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, record.topic(), originalTopic, truncate(header(record, CloudEventHeaders.EXCEPTION_MESSAGE)),
                        Instant.ofEpochMilli(record.timestamp()).atOffset(ZoneOffset.UTC),
                        truncate(header(record, CloudEventHeaders.TYPE)), truncate(header(record, CloudEventHeaders.SUBJECT)),
                        record.key() == null ? null : B64.encodeToString(record.key()),
                        record.value() == null ? null : B64.encodeToString(record.value()),
                        EventJson.MAPPER.writeValueAsString(headers), Instant.now(clock).atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<DeadLetter> page(int page, int size) {
        return jdbc.sql("SELECT * FROM dead_letter ORDER BY failed_at DESC, id LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(DeadLetters::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter").query(Long.class).single();
    }

    public Optional<DeadLetter> find(String id) {
        return jdbc.sql("SELECT * FROM dead_letter WHERE id = ?").param(id).query(DeadLetters::row).optional();
    }

    /** Marks the dead letter replayed by {@code operator}; false when it already was. */
    boolean markReplayed(String id, String operator, Instant at) {
        return jdbc.sql("UPDATE dead_letter SET replayed_at = ?, replayed_by = ? WHERE id = ? AND replayed_at IS NULL")
                .params(at.atOffset(ZoneOffset.UTC), operator, id).update() == 1;
    }

    Raw raw(String id) {
        return jdbc.sql("SELECT original_topic, record_key, record_value, record_headers FROM dead_letter WHERE id = ?")
                .param(id).query((rs, n) -> {
                    List<Header> headers = new ArrayList<>();
                    for (JsonNode pair : EventJson.MAPPER.readTree(rs.getString("record_headers"))) {
                        String value = pair.get(1).asString();
                        headers.add(new org.apache.kafka.common.header.internals.RecordHeader(pair.get(0).asString(),
                                UNB64.decode(value)));
                    }
                    return new Raw(rs.getString("original_topic"), decode(rs.getString("record_key")),
                            decode(rs.getString("record_value")), headers);
                }).single();
    }

    private static DeadLetter row(ResultSet rs, int rowNum) throws SQLException {
        String originalTopic = rs.getString("original_topic");
        String type = rs.getString("event_type");
        // metadata only for the PHI topics (and for a dead letter that does not say where it came from)
        boolean phi = originalTopic == null || Topics.carriesPhi(originalTopic)
                || !originalTopic.endsWith(".events.v1");
        tools.jackson.databind.node.ObjectNode data = null;
        if (!phi && type != null && rs.getString("record_value") != null) {
            try {
                data = Redaction.redact(type, EventJson.MAPPER.readTree(decode(rs.getString("record_value"))));
            } catch (RuntimeException e) {
                data = null; // unreadable payload: metadata only
            }
        }
        return new DeadLetter(rs.getString("id"), rs.getString("topic"), originalTopic, rs.getString("reason"),
                instant(rs, "failed_at"), type, rs.getString("subject"), phi, data, instant(rs, "replayed_at"),
                rs.getString("replayed_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static byte[] decode(String base64) {
        return base64 == null ? null : UNB64.decode(base64);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
