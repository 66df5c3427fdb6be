-- One row per consultation, locked by each transaction that handles one of its events (ConsultationTurns).
CREATE TABLE consultation_turn (
    consultation_id VARCHAR(36) PRIMARY KEY
);
