-- The trace and correlation id of the event that asked for the message (EventTrace): the sender sends later, on
-- its own thread, in a span of that trace, so one consultation's trace reaches its email and SMS.
ALTER TABLE message ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE message ADD COLUMN tracestate VARCHAR(512);
ALTER TABLE message ADD COLUMN correlation_id VARCHAR(36);
