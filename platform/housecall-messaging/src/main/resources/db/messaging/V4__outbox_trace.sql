-- The trace and correlation id of the request that appended the event (EventTrace): the relay sends later, from
-- another thread, and writes them as the record's traceparent, tracestate and correlation-id headers.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN tracestate VARCHAR(512);
ALTER TABLE outbox_event ADD COLUMN correlation_id VARCHAR(36);
