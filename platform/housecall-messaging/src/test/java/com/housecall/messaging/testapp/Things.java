package com.housecall.messaging.testapp;

import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.screening.ScreeningStarted;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The test application's state: {@code thing} rows, each written with or without an event. */
@Service
public class Things {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    Things(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A state change and its event, in one transaction. Returns the event id. */
    @Transactional
    public UUID request(ConsultationRequested event) {
        insert(event.consultationId());
        return outbox.append(event);
    }

    /** An event appended by a handler, in the handler's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followUp(UUID consultationId) {
        outbox.append(new ScreeningStarted(consultationId, clock.instant()));
    }

    void insert(UUID consultationId) {
        jdbc.sql("INSERT INTO thing (id, consultation_id, created_at) VALUES (?, ?, ?)")
                .params(UUID.randomUUID(), consultationId, OffsetDateTime.now(clock))
                .update();
    }

    public long count(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM thing WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single();
    }

    public long outboxRows() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
    }

    public long outboxRows(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?").param(consultationId.toString())
                .query(Long.class).single();
    }
}
