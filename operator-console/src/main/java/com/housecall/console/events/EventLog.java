package com.housecall.console.events;

import com.housecall.events.EventJson;
import com.housecall.messaging.InboundEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The redacted events, in arrival order ({@code seq}). */
@Repository
public class EventLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    EventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the redacted event; call inside the inbox's transaction. The lock row makes {@code seq} order commit
     * order, so a stream reading {@code seq > n} never skips a row committed late.
     */
    void append(InboundEvent event) {
        JsonNode payload;
        try {
            payload = EventJson.MAPPER.readTree(event.payload());
        } catch (RuntimeException e) {
            payload = null; // unreadable: kept with no data, like an unknown field
        }
        ObjectNode data = Redaction.redact(event.type(), payload);
        jdbc.sql("SELECT id FROM console_event_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO console_event (event_id, event_type, event_source, event_time, subject, data, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.id(), event.type(), event.source(), event.time(), event.subject(),
                        EventJson.MAPPER.writeValueAsString(data), Instant.now(clock).atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The seq of a retained event, for {@code Last-Event-ID}. */
    public Optional<Long> seqOf(String eventId) {
        return jdbc.sql("SELECT seq FROM console_event WHERE event_id = ?").param(eventId).query(Long.class).optional();
    }

    public long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM console_event").query(Long.class).single();
    }

    /** Up to {@code limit} events after {@code afterSeq} matching the filters (null: any). */
    public List<StoredEvent> after(long afterSeq, String typePrefix, String subject, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, event_id, event_type, event_source, event_time, subject, data "
                + "FROM console_event WHERE seq > ?");
        List<Object> params = new ArrayList<>(List.of(afterSeq));
        if (typePrefix != null) {
            sql.append(" AND event_type LIKE ? ESCAPE '!'");
            params.add(typePrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (subject != null) {
            sql.append(" AND subject = ?");
            params.add(subject);
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventLog::row).list();
    }

    public List<StoredEvent> ofConsultation(String consultationId) {
        return jdbc.sql("SELECT seq, event_id, event_type, event_source, event_time, subject, data "
                        + "FROM console_event WHERE subject = ? ORDER BY seq")
                .param(consultationId).query(EventLog::row).list();
    }

    /** Deletes up to {@code limit} events received before {@code cutoff}, oldest first; answers how many. */
    int purge(Instant cutoff, int limit) {
        List<Long> old = jdbc.sql("SELECT seq FROM console_event WHERE received_at < ? ORDER BY seq LIMIT ?")
                .params(cutoff.atOffset(ZoneOffset.UTC), limit).query(Long.class).list();
        if (old.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM console_event WHERE seq <= ? AND received_at < ?")
                .params(old.getLast(), cutoff.atOffset(ZoneOffset.UTC)).update();
        return old.size();
    }

    private static StoredEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEvent(rs.getLong("seq"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("event_source"), rs.getString("event_time"), rs.getString("subject"),
                (ObjectNode) EventJson.MAPPER.readTree(rs.getString("data")));
    }
}
