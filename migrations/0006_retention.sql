-- Up Migration

-- When an incident's personal data was purged under the retention setting. The incident itself, its offender
-- and its counts stay; the wording, names, links members pasted and screenshots do not.
ALTER TABLE incidents ADD COLUMN purged_at timestamptz;
CREATE INDEX incidents_purge_idx ON incidents (resolved_at) WHERE status = 'resolved' AND purged_at IS NULL;

-- Down Migration
DROP INDEX incidents_purge_idx;
ALTER TABLE incidents DROP COLUMN purged_at;
