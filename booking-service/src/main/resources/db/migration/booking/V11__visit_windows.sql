-- Issue 12: a visit remembers the windows it was last requested in (booking re-plans an unschedulable visit from
-- them and keeps the course rules against its neighbours' planned starts) and whether it was re-planned already
-- (a re-plan that comes back unschedulable stays so).
ALTER TABLE visit ADD COLUMN windows_json TEXT;
ALTER TABLE visit ADD COLUMN replanned BOOLEAN NOT NULL DEFAULT FALSE;
