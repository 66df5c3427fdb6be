-- Screening owns its case lifecycle only (OPEN -> DECIDED | WITHDRAWN); status becomes the consultation's status as
-- screening last heard it from booking's events (a read model), null until there is something to show.
ALTER TABLE screening ADD COLUMN case_status VARCHAR(20);
UPDATE screening SET case_status = CASE
    WHEN decision IS NULL AND status IN ('SAFETY_HOLD', 'IN_REVIEW') THEN 'OPEN'
    ELSE 'DECIDED' END;
ALTER TABLE screening ALTER COLUMN case_status SET NOT NULL;
ALTER TABLE screening ALTER COLUMN status DROP NOT NULL;
DROP INDEX screening_review;
CREATE INDEX screening_open_cases ON screening (case_status, outcome, screened_at);

-- A cancelled consultation, kept even when the cancel overtook the intake: never queued, never paged again.
CREATE TABLE screening_withdrawal (
    consultation_id VARCHAR(36) PRIMARY KEY,
    withdrawn_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An alert stops repeating when its consultation is cancelled.
ALTER TABLE safety_alert ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
