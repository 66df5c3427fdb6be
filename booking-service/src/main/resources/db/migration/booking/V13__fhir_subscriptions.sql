-- Partner clinics' FHIR R4 rest-hook subscriptions (CONTRACT.md section 14, DECISIONS 38). The secret signs each
-- notification (HMAC-SHA256), so it is kept as given out; it is shown once, in the create answer.
CREATE TABLE fhir_subscription (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    clinic       VARCHAR(100)  NOT NULL,
    endpoint     VARCHAR(2000) NOT NULL,
    secret       VARCHAR(64)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    error_reason VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fhir_subscription_by_clinic ON fhir_subscription (clinic, status);
