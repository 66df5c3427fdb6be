-- An operator takes a nurse out of dispatch (PUT /api/nurses/{id} "active": false); they stay on the roster.
ALTER TABLE nurse ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;

-- The status clock counts from the moment the visit entered its status: rows from before V2 had none.
UPDATE visit SET status_changed_at = assigned_at WHERE status_changed_at IS NULL;
