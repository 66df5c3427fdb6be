-- InboxPurge forgets event ids older than housecall.messaging.inbox-retention, oldest first.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
