-- The first trace each consultation was seen in by this service (DECISIONS 30): an event of the consultation
-- appended in another trace later (a clinician's decision, a nurse's move, a timer) gets a span linked to it.
-- One row per consultation, like consultation_turn.
CREATE TABLE consultation_trace (
    consultation_id VARCHAR(36) PRIMARY KEY,
    traceparent VARCHAR(55) NOT NULL
);
