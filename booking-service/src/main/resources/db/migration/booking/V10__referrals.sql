-- Partner referrals (CONTRACT.md section 5): a clinic's referral number (identifier system and value) maps to the
-- consultation it became; the referral id is the consultation id. The primary key makes a re-sent referral, even a
-- concurrent one, find the first instead of creating a second.
CREATE TABLE referral (
    clinic            VARCHAR(100) NOT NULL,
    identifier_system VARCHAR(255) NOT NULL,
    identifier_value  VARCHAR(255) NOT NULL,
    consultation_id   VARCHAR(36)  NOT NULL REFERENCES consultation (id),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (clinic, identifier_system, identifier_value)
);
CREATE UNIQUE INDEX referral_consultation ON referral (consultation_id);
CREATE INDEX referral_by_value ON referral (identifier_value);
