-- Twilio's inbound MessageSids already acted on: a replayed, validly signed STOP or START changes nothing
-- (a replayed STOP would otherwise silence the next SMS, which may be a crisis message). Forgotten after the
-- inbox retention (30 days), as processed events are.
CREATE TABLE processed_sms_webhook (
    message_sid VARCHAR(64) PRIMARY KEY,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processed_sms_webhook_age ON processed_sms_webhook (processed_at);
