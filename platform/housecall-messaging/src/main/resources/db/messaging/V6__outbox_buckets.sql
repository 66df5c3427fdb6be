-- DECISIONS 27: the outbox is split by key into 16 buckets; a relay instance locks some buckets at a time (SKIP
-- LOCKED) instead of one row for the whole outbox, so several instances send at once and a key (one bucket) still
-- goes out in order.
ALTER TABLE outbox_event ADD COLUMN bucket SMALLINT;

-- Rows already waiting get the bucket OutboxWriter.bucketOf gives their key, so a key's older rows and its newer
-- ones share a bucket: String.hashCode (h = 31 * h + char, modulo 2^32) character by character, then its
-- Fibonacci hash (times 2654435769, modulo 2^32) divided by 2^28 for the top 4 bits. INSERT ... WITH is the form
-- of a recursive query both H2 and PostgreSQL accept in a statement that writes.
CREATE TABLE outbox_key_hash (
    seq      BIGINT PRIMARY KEY,
    key_hash BIGINT NOT NULL
);
INSERT INTO outbox_key_hash (seq, key_hash)
WITH RECURSIVE prefix_hash (seq, event_key, position, hash) AS (
    SELECT seq, event_key, 0, CAST(0 AS BIGINT) FROM outbox_event
    UNION ALL
    SELECT seq, event_key, position + 1,
           MOD(hash * 31 + ASCII(SUBSTRING(event_key FROM position + 1 FOR 1)), 4294967296)
    FROM prefix_hash
    WHERE position < CHAR_LENGTH(event_key)
)
SELECT seq, hash FROM prefix_hash WHERE position = CHAR_LENGTH(event_key);
UPDATE outbox_event SET bucket = (
    SELECT CAST(FLOOR(MOD(CAST(key_hash AS NUMERIC(20)) * 2654435769, 4294967296) / 268435456) AS SMALLINT)
    FROM outbox_key_hash WHERE outbox_key_hash.seq = outbox_event.seq);
DROP TABLE outbox_key_hash;
ALTER TABLE outbox_event ALTER COLUMN bucket SET NOT NULL;

-- A bucket's rows in seq order, for the relay that holds it.
CREATE INDEX outbox_event_bucket_seq ON outbox_event (bucket, seq);

-- One row per bucket, locked by the relay that sends the bucket's rows until it has deleted them.
CREATE TABLE outbox_bucket (
    bucket SMALLINT PRIMARY KEY
);
INSERT INTO outbox_bucket (bucket)
VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15);

-- The one lock row for the whole outbox is replaced by the buckets.
DROP TABLE outbox_relay_lock;
