-- The nurse roster: who may be sent where and when.
CREATE TABLE nurse (
    id                UUID         PRIMARY KEY,
    username          VARCHAR(100) NOT NULL UNIQUE,
    first_name        VARCHAR(100) NOT NULL,
    last_name         VARCHAR(100) NOT NULL,
    time_zone         VARCHAR(64)  NOT NULL,
    home_postal_code  VARCHAR(10)  NOT NULL
);

CREATE TABLE nurse_license (
    nurse_id UUID       NOT NULL REFERENCES nurse (id),
    state    VARCHAR(2) NOT NULL,
    PRIMARY KEY (nurse_id, state)
);

CREATE TABLE nurse_skill (
    nurse_id UUID        NOT NULL REFERENCES nurse (id),
    skill    VARCHAR(40) NOT NULL,
    PRIMARY KEY (nurse_id, skill)
);

CREATE TABLE nurse_service_prefix (
    nurse_id   UUID       NOT NULL REFERENCES nurse (id),
    zip_prefix VARCHAR(3) NOT NULL,
    PRIMARY KEY (nurse_id, zip_prefix)
);
CREATE INDEX nurse_service_prefix_zip ON nurse_service_prefix (zip_prefix);

-- Weekly shifts in the nurse's time zone; day_of_week 1 = Monday … 7 = Sunday (ISO).
CREATE TABLE nurse_shift (
    nurse_id    UUID     NOT NULL REFERENCES nurse (id),
    day_of_week SMALLINT NOT NULL,
    start_time  TIME     NOT NULL,
    end_time    TIME     NOT NULL,
    PRIMARY KEY (nurse_id, day_of_week, start_time)
);

CREATE TABLE nurse_time_off (
    nurse_id UUID                     NOT NULL REFERENCES nurse (id),
    start_at TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- PHI: the visit address, one per consultation, from booking.locations.v1. Never logged, never on shared topics.
CREATE TABLE patient_location (
    consultation_id UUID         PRIMARY KEY,
    line1           VARCHAR(200) NOT NULL,
    city            VARCHAR(100) NOT NULL,
    state           VARCHAR(2)   NOT NULL,
    postal_code     VARCHAR(10)  NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL
);

-- What booking asked for; PENDING until dispatched (needs the location too), then SCHEDULED or UNSCHEDULABLE.
CREATE TABLE visit_request (
    visit_id        UUID                     PRIMARY KEY,
    consultation_id UUID                     NOT NULL,
    sequence        INT                      NOT NULL,
    phase           VARCHAR(20)              NOT NULL,
    state           VARCHAR(2)               NOT NULL,
    zip_prefix      VARCHAR(3)               NOT NULL,
    time_zone       VARCHAR(64)              NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)              NOT NULL
);
CREATE INDEX visit_request_consultation ON visit_request (consultation_id);

CREATE TABLE visit_request_window (
    visit_id UUID                     NOT NULL REFERENCES visit_request (visit_id),
    start_at TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX visit_request_window_visit ON visit_request_window (visit_id);

-- A nurse's assigned visit. One row per visit id, so a redelivered request cannot book twice.
CREATE TABLE visit (
    visit_id        UUID                     PRIMARY KEY,
    consultation_id UUID                     NOT NULL,
    sequence        INT                      NOT NULL,
    nurse_id        UUID                     NOT NULL REFERENCES nurse (id),
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone       VARCHAR(64)              NOT NULL,
    status          VARCHAR(30)              NOT NULL
);
CREATE INDEX visit_nurse_start ON visit (nurse_id, start_at);
CREATE INDEX visit_consultation ON visit (consultation_id);
