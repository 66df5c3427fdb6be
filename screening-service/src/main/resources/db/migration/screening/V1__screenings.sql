-- One screening per consultation: the ruleset's outcome, with every matching reason.
CREATE TABLE screening (
    consultation_id VARCHAR(36)  PRIMARY KEY,
    outcome         VARCHAR(20)  NOT NULL,
    ruleset_version VARCHAR(20)  NOT NULL,
    reasons_json    TEXT         NOT NULL,
    phq9_total      INT          NOT NULL,
    gad7_total      INT,
    screened_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX screening_queue ON screening (outcome, screened_at);
