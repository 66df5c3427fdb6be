-- When the sender claimed a SENDING notification. A claim older than housecall.notification.send-lease was left by
-- a sender that died mid-send (kill -9): it is settled as an unknown outcome. Rows already SENDING have no time and
-- count as abandoned. The status index finds the few SENDING rows; no index of its own.
ALTER TABLE notification ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
