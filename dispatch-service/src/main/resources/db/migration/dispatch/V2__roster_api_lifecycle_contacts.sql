-- The roster API names a nurse by one display name ("Jordan P."), what patients are told.
ALTER TABLE nurse ADD COLUMN display_name VARCHAR(100);
UPDATE nurse SET display_name = first_name || ' ' || SUBSTRING(last_name, 1, 1) || '.';
ALTER TABLE nurse ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE nurse ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE nurse ALTER COLUMN last_name DROP NOT NULL;

CREATE INDEX nurse_license_state ON nurse_license (state);
CREATE INDEX nurse_time_off_nurse ON nurse_time_off (nurse_id, start_at);

-- PHI: what the nurse needs at the door, from location.updated (optional there, so nullable here).
ALTER TABLE patient_location ADD COLUMN first_name VARCHAR(100);
ALTER TABLE patient_location ADD COLUMN phone VARCHAR(20);

-- When the visit was (re)assigned to its nurse, and when the late-nurse timer looks at it (start - 30 min):
-- the timer fires once per assignment made before that moment.
ALTER TABLE visit ADD COLUMN assigned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE visit ADD COLUMN late_at TIMESTAMP WITH TIME ZONE;
UPDATE visit SET assigned_at = start_at, late_at = start_at;
ALTER TABLE visit ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX visit_late ON visit (status, late_at);

-- Nurses who gave a visit up (declined it, or were late): never offered that visit again. The free-text reason
-- stays here (it may quote the patient); events carry only the reason code.
CREATE TABLE visit_release (
    visit_id    UUID                     NOT NULL REFERENCES visit (visit_id),
    nurse_id    UUID                     NOT NULL REFERENCES nurse (id),
    reason      VARCHAR(20)              NOT NULL,
    note        VARCHAR(500),
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (visit_id, nurse_id)
);

-- One row per consultation, locked by whichever of visit.requested and location.updated is handled: the two
-- arrive on two topics, in either order, possibly at once; without it each could miss the other's uncommitted
-- write and neither would dispatch.
CREATE TABLE consultation_lock (
    consultation_id UUID PRIMARY KEY
);
