-- Up Migration

-- An account's incidents of one collective, in time: the frequent-offender rule reads one collective's (or the
-- collectives it counts), and skips the others' instead of reading and discarding them.
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, collective_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key, offender_named_by);

-- The shared signal itself, kept as counts: per account and collective, how many incidents and the latest. What
-- other collectives are told of an account is read here, so its cost follows the number of collectives, not
-- the size of the shared ledger.
CREATE TABLE offender_signals (
  offender_id   bigint NOT NULL REFERENCES offenders (id) ON DELETE CASCADE,
  collective_id text NOT NULL REFERENCES collectives (id),
  incidents     integer NOT NULL CHECK (incidents > 0),
  last_at       timestamptz NOT NULL,
  PRIMARY KEY (offender_id, collective_id)
);

-- Changes to the counts, appended by the trigger below and folded into offender_signals by a job every minute
-- (fold_offender_signals). Appending never waits on another flag of the same account, as updating one row per
-- account would (and two groups of flags locking two accounts' rows in turn could deadlock).
CREATE TABLE offender_signal_changes (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  offender_id   bigint NOT NULL REFERENCES offenders (id) ON DELETE CASCADE,
  collective_id text NOT NULL REFERENCES collectives (id),
  change        smallint NOT NULL CHECK (change IN (-1, 1)),
  at            timestamptz NOT NULL
);
CREATE INDEX offender_signal_changes_offender_idx ON offender_signal_changes (offender_id);

CREATE FUNCTION note_offender_signal() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.offender_id IS NOT NULL THEN
      INSERT INTO offender_signal_changes (offender_id, collective_id, change, at)
        VALUES (OLD.offender_id, OLD.collective_id, -1, OLD.first_reported_at);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.offender_id IS NOT NULL THEN
      INSERT INTO offender_signal_changes (offender_id, collective_id, change, at)
        VALUES (NEW.offender_id, NEW.collective_id, 1, NEW.first_reported_at);
    END IF;
    RETURN NULL;
  END;
  $$;

CREATE TRIGGER incidents_signal_added AFTER INSERT OR DELETE ON incidents
  FOR EACH ROW EXECUTE FUNCTION note_offender_signal();
-- Only a real change of account or collective (record_flag sets offender_id to itself on a co-report).
CREATE TRIGGER incidents_signal_moved AFTER UPDATE OF offender_id, collective_id ON incidents
  FOR EACH ROW WHEN (OLD.offender_id IS DISTINCT FROM NEW.offender_id OR OLD.collective_id IS DISTINCT FROM NEW.collective_id)
  EXECUTE FUNCTION note_offender_signal();

-- Folds the changes noted so far into the counts: each account and collective they touch is counted again from
-- the incidents (through the index above), so the counts never drift. A change committed while it runs is left
-- for the next fold. Returns how many counts were refreshed.
CREATE FUNCTION fold_offender_signals() RETURNS integer
  LANGUAGE plpgsql
  AS $$
  DECLARE
    refreshed integer;
  BEGIN
    WITH taken AS (
      DELETE FROM offender_signal_changes RETURNING offender_id, collective_id
    ), touched AS (
      SELECT DISTINCT offender_id, collective_id FROM taken
    ), counted AS (
      SELECT t.offender_id, t.collective_id, c.n, c.last_at
      FROM touched t CROSS JOIN LATERAL (
        SELECT count(*)::int AS n, max(i.first_reported_at) AS last_at FROM incidents i
        WHERE i.offender_id = t.offender_id AND i.collective_id = t.collective_id) c
    ), gone AS (
      DELETE FROM offender_signals s USING counted c
      WHERE s.offender_id = c.offender_id AND s.collective_id = c.collective_id AND c.n = 0
    ), kept AS (
      INSERT INTO offender_signals (offender_id, collective_id, incidents, last_at)
        SELECT offender_id, collective_id, n, last_at FROM counted WHERE n > 0
        ON CONFLICT (offender_id, collective_id) DO UPDATE
          SET incidents = EXCLUDED.incidents, last_at = EXCLUDED.last_at
    )
    SELECT count(*)::int INTO refreshed FROM touched;
    RETURN refreshed;
  END;
  $$;

-- The incidents recorded before: counted once, now.
INSERT INTO offender_signals (offender_id, collective_id, incidents, last_at)
  SELECT offender_id, collective_id, count(*), max(first_reported_at) FROM incidents
  WHERE offender_id IS NOT NULL GROUP BY offender_id, collective_id;

-- Down Migration
DROP FUNCTION fold_offender_signals;
DROP TRIGGER incidents_signal_moved ON incidents;
DROP TRIGGER incidents_signal_added ON incidents;
DROP FUNCTION note_offender_signal;
DROP TABLE offender_signal_changes;
DROP TABLE offender_signals;
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key, offender_named_by, collective_id);
