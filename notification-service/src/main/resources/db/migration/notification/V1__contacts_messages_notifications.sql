-- The latest contact.updated of each consultation (PHI: never logged, never published).
CREATE TABLE contact (
    consultation_id  VARCHAR(36)  PRIMARY KEY,
    given_name       VARCHAR(200) NOT NULL,
    family_name      VARCHAR(200) NOT NULL,
    email            VARCHAR(320),
    phone            VARCHAR(20),
    prefers_email    BOOLEAN      NOT NULL,
    prefers_sms      BOOLEAN      NOT NULL,
    email_consent    BOOLEAN      NOT NULL,
    sms_consent      BOOLEAN      NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What to tell the patient, once per occasion (a visit, or the consultation itself) and type. It becomes one
-- notification per channel as soon as the contact is known (expanded_at).
CREATE TABLE message (
    id               VARCHAR(36)  PRIMARY KEY,
    consultation_id  VARCHAR(36)  NOT NULL,
    occasion_id      VARCHAR(36)  NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    visit_start      VARCHAR(40),
    time_zone        VARCHAR(64),
    nurse_name       VARCHAR(200),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expanded_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT message_once UNIQUE (consultation_id, occasion_id, type)
);
CREATE INDEX message_consultation ON message (consultation_id);

-- One message on one channel: QUEUED, SENDING (claimed by the sender), SENT, SUPPRESSED or FAILED.
CREATE TABLE notification (
    id               VARCHAR(36)  PRIMARY KEY,
    message_id       VARCHAR(36)  NOT NULL REFERENCES message (id),
    consultation_id  VARCHAR(36)  NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    channel          VARCHAR(10)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    reason           VARCHAR(60),
    provider_id      VARCHAR(300),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (message_id, channel)
);
CREATE INDEX notification_status ON notification (status, created_at);
CREATE INDEX notification_consultation ON notification (consultation_id, created_at);
