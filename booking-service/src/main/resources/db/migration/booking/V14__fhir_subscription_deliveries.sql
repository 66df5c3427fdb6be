-- One notification of one subscription: the Task as it was (no PHI), sent in order, retried at 1, 5 and 30 min and
-- then hourly until 24 h after the first attempt (DECISIONS 38). Durable: a restart picks up every due row.
CREATE TABLE fhir_subscription_delivery (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(36)  NOT NULL REFERENCES fhir_subscription (id),
    consultation_id VARCHAR(36)  NOT NULL,
    task_status     VARCHAR(32)  NOT NULL,
    business_status VARCHAR(32)  NOT NULL,
    body            TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX fhir_delivery_due ON fhir_subscription_delivery (state, next_attempt_at);
CREATE INDEX fhir_delivery_by_task ON fhir_subscription_delivery (subscription_id, consultation_id, created_at);
