-- Up Migration

-- A member id in the form it is compared in when distinct members are counted: retention turns ids into
-- `purged:<sha-256>` pseudonyms, so every id is compared as one. Declared immutable although convert_to is
-- only stable: the result depends on the database's encoding alone, which never changes for a database, and
-- immutability is what lets it back a stored column.
CREATE FUNCTION member_key(member_id text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE WHEN member_id LIKE 'purged:%' THEN member_id
                ELSE 'purged:' || encode(sha256(convert_to(member_id, 'UTF8')), 'hex') END
  $$;

-- The target as the frequent-offender rule counts it, hashed once when written instead of on every digest.
ALTER TABLE incidents ADD COLUMN target_key text GENERATED ALWAYS AS (member_key(target_id)) STORED;

-- The frequent-offender scan (the digest) walks every account's incidents in time order, and /offender reads
-- one account's; with what both read in the index, neither visits the table: B3 and B4 in `npm run bench`.
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key);

-- The digest counts a week's incidents by category, platform and severity, twelve weeks by category for its
-- chart, and picks frequent-offender candidates from the months before: all read from this index alone.
DROP INDEX incidents_time_idx;
CREATE INDEX incidents_time_idx ON incidents (first_reported_at) INCLUDE (offender_id, category, platform, severity);

-- The digest's other two questions of the whole ledger: critical incidents still open, oldest first, and what
-- was resolved in the week. Without these both read most of the table.
CREATE INDEX incidents_open_critical_idx ON incidents (first_reported_at, id)
  WHERE severity = 'critical' AND status = 'open';
CREATE INDEX incidents_resolved_idx ON incidents (resolved_at) WHERE status = 'resolved';

-- Down Migration
DROP INDEX incidents_time_idx;
CREATE INDEX incidents_time_idx ON incidents (first_reported_at);
DROP INDEX incidents_resolved_idx;
DROP INDEX incidents_open_critical_idx;
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at);
ALTER TABLE incidents DROP COLUMN target_key;
DROP FUNCTION member_key(text);
