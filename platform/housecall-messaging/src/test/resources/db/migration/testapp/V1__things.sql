-- The test application's own state: one row per consultation it was asked about.
CREATE TABLE thing (
    id              UUID PRIMARY KEY,
    consultation_id UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
