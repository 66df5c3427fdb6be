-- One row per patient who ever asked for a consultation: locked while a new request checks the patient's active
-- consultations, so two requests at once cannot both pass the one-active-course rule (issue 21).
CREATE TABLE patient_turn (
    patient_subject VARCHAR(100) PRIMARY KEY
);
