-- A fresh PHQ-9 before a maintenance block re-opens the consultation's case as kind MAINTENANCE; the submission id
-- makes a redelivered submission change nothing. Earlier decisions stay in screening_decision.
ALTER TABLE screening ADD COLUMN submission_id VARCHAR(36);
