-- Clinician review: where each screening stands, and every decision audited (who, when, note).
ALTER TABLE screening ADD COLUMN kind VARCHAR(20) DEFAULT 'INTAKE' NOT NULL;
ALTER TABLE screening ADD COLUMN status VARCHAR(20);
UPDATE screening SET status = CASE outcome
    WHEN 'CRISIS' THEN 'SAFETY_HOLD'
    WHEN 'REVIEW' THEN 'IN_REVIEW'
    WHEN 'INELIGIBLE' THEN 'INELIGIBLE'
    ELSE 'SCHEDULING' END;
ALTER TABLE screening ALTER COLUMN status SET NOT NULL;
ALTER TABLE screening ADD COLUMN decision VARCHAR(20);
ALTER TABLE screening ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX screening_review ON screening (status, screened_at);

-- Append-only audit of clinicians' decisions; the note is free text (PHI) and never leaves this service.
CREATE TABLE screening_decision (
    decision_id     VARCHAR(36)  PRIMARY KEY,
    consultation_id VARCHAR(36)  NOT NULL REFERENCES screening (consultation_id),
    decision        VARCHAR(20)  NOT NULL,
    note            TEXT,
    decided_by      VARCHAR(255) NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX screening_decision_consultation ON screening_decision (consultation_id);

-- A safety alert repeats until acknowledged; next_due_at survives restarts.
CREATE TABLE safety_alert (
    alert_id          VARCHAR(36)  PRIMARY KEY,
    consultation_id   VARCHAR(36)  NOT NULL UNIQUE,
    sequence          INT          NOT NULL,
    raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_due_at       TIMESTAMP WITH TIME ZONE,
    acknowledged_at   TIMESTAMP WITH TIME ZONE,
    acknowledged_by   VARCHAR(255)
);
CREATE INDEX safety_alert_due ON safety_alert (next_due_at);
