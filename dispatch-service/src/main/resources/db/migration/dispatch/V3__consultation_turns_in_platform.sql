-- The platform's consultation_turn (ConsultationTurns) took its place.
DROP TABLE consultation_lock;
