-- Issue 12: a visit may be heard of first as unschedulable (no start yet); a message may be limited to one channel
-- (an unschedulable visit while the course email is still to come is told by SMS only: the email lists it).
ALTER TABLE visit ALTER COLUMN start_at DROP NOT NULL;
ALTER TABLE message ADD COLUMN only_channel VARCHAR(10);
ALTER TABLE visit ALTER COLUMN time_zone DROP NOT NULL;
