-- Scheduled messages (reminders), crisis and reply timing, on-call pages, retries and SMS opt-outs.

-- send_at: not before this moment (reminders); action_at: the patient's own action a reply answers (quiet hours
-- exempt it for 5 minutes); detail: a code the text needs (e.g. the page sequence); cancelled_at: the visit is off.
ALTER TABLE message ADD COLUMN send_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN action_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN detail VARCHAR(60);
ALTER TABLE message ADD COLUMN visit_id VARCHAR(36);
ALTER TABLE message ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX message_visit ON message (visit_id);

-- recipient: PATIENT (the contact) or ON_CALL (the on-call clinician of the settings); due_at: the sender takes
-- a QUEUED notification once due; attempts: provider calls so far; delivery_status: Twilio's status callback.
ALTER TABLE notification ADD COLUMN recipient VARCHAR(10) DEFAULT 'PATIENT' NOT NULL;
ALTER TABLE notification ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN delivery_status VARCHAR(20);
CREATE INDEX notification_due ON notification (status, due_at);
CREATE INDEX notification_provider ON notification (provider_id);

-- What this service knows of each visit, to tell a move from a first schedule and never remind of one that is off.
CREATE TABLE visit (
    visit_id         VARCHAR(36)  PRIMARY KEY,
    consultation_id  VARCHAR(36)  NOT NULL,
    sequence         INTEGER      NOT NULL,
    start_at         VARCHAR(40)  NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    nurse_name       VARCHAR(200),
    status           VARCHAR(20)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX visit_consultation ON visit (consultation_id);

-- Numbers that replied STOP (PHI).
CREATE TABLE sms_opt_out (
    phone         VARCHAR(20) PRIMARY KEY,
    opted_out_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
