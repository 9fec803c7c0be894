-- Up Migration

-- One deployment serves several collectives (associations), on one ledger. Each incident, responder, review and
-- audit entry belongs to one collective, and only its own members and leads see it. Offender accounts are
-- shared: what one collective shares of another's incidents is counts, never who was attacked, what was said,
-- the target's post or any member (see src/ledger/shared-signals.ts).
CREATE TABLE collectives (
  id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  -- Opting out hides this collective's incidents from the others' counts, and theirs from it.
  shares_signals boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A deployment configured by environment variables alone serves this one; everything recorded before belongs
-- to it.
INSERT INTO collectives (id) VALUES ('default');

-- A constant default fills the existing rows without rewriting the table; it is dropped at once, so that every
-- new row names its collective.
ALTER TABLE incidents ADD COLUMN collective_id text NOT NULL DEFAULT 'default' REFERENCES collectives (id);
ALTER TABLE incidents ALTER COLUMN collective_id DROP DEFAULT;
-- The same post flagged in two collectives is two incidents: each has its own target, card and rally.
ALTER TABLE incidents DROP CONSTRAINT incidents_canonical_url_unique;
ALTER TABLE incidents ADD CONSTRAINT incidents_canonical_url_unique UNIQUE (canonical_url, collective_id);
-- The digest reads one collective's weeks: its cost follows that collective, not the shared ledger. The
-- predicate, always true, keeps the index to queries that bound the time: record_flag()'s plan is made once
-- per connection, often on an empty ledger, and there this index looked as good to it as the one above for
-- finding a post, after which every flag read its collective's whole history (B1 fell from 0.54 to 0.34).
DROP INDEX incidents_time_idx;
CREATE INDEX incidents_time_idx ON incidents (collective_id, first_reported_at)
  INCLUDE (offender_id, category, platform, severity) WHERE first_reported_at IS NOT NULL;
DROP INDEX incidents_resolved_idx;
CREATE INDEX incidents_resolved_idx ON incidents (collective_id, resolved_at) WHERE status = 'resolved';
-- An account's incidents, with whose they are: one collective's in full, the others' as counts.
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key, offender_named_by, collective_id);

-- Member ids carry their workspace or server, and each belongs to one collective; the column says which, so a
-- wave looks only at its own collective's responders.
ALTER TABLE responders ADD COLUMN collective_id text NOT NULL DEFAULT 'default' REFERENCES collectives (id);
ALTER TABLE responders ALTER COLUMN collective_id DROP DEFAULT;
CREATE INDEX responders_collective_idx ON responders (collective_id) WHERE active;

-- A lead's confirm, dispute or clear is their collective's judgement; the other collectives never see it.
CREATE TABLE offender_reviews (
  collective_id text NOT NULL REFERENCES collectives (id),
  offender_id   bigint NOT NULL REFERENCES offenders (id),
  review        text NOT NULL CHECK (review IN ('confirmed', 'disputed', 'cleared')),
  reviewed_at   timestamptz NOT NULL,
  PRIMARY KEY (collective_id, offender_id)
);
INSERT INTO offender_reviews (collective_id, offender_id, review, reviewed_at)
  SELECT 'default', id, review, reviewed_at FROM offenders WHERE review IS NOT NULL;
ALTER TABLE offenders DROP CONSTRAINT offenders_review_dated, DROP COLUMN review, DROP COLUMN reviewed_at;

-- Links between accounts, and the audit log, are a collective's own too.
ALTER TABLE offender_links ADD COLUMN collective_id text NOT NULL DEFAULT 'default' REFERENCES collectives (id);
ALTER TABLE offender_links ALTER COLUMN collective_id DROP DEFAULT;
ALTER TABLE offender_links DROP CONSTRAINT offender_links_pkey;
ALTER TABLE offender_links ADD PRIMARY KEY (collective_id, offender_id, linked_id);
ALTER TABLE audit_log ADD COLUMN collective_id text NOT NULL DEFAULT 'default' REFERENCES collectives (id);
ALTER TABLE audit_log ALTER COLUMN collective_id DROP DEFAULT;

-- A purged incident's messages are redrawn by the process that serves its collective's workspace.
ALTER TABLE purged_messages ADD COLUMN collective_id text NOT NULL DEFAULT 'default' REFERENCES collectives (id);
ALTER TABLE purged_messages ALTER COLUMN collective_id DROP DEFAULT;

-- Who can be alerted: the incident's own collective's responders only.
DROP FUNCTION record_flags;
DROP FUNCTION record_flag;
DROP FUNCTION rally_candidates;
DROP FUNCTION rally_responders;
CREATE FUNCTION rally_responders(incident_collective text, incident_platform text) RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM responders r
    WHERE r.collective_id = incident_collective AND r.active AND NOT r.paused
      AND (cardinality(r.platforms) = 0 OR incident_platform = ANY (r.platforms) OR incident_platform = 'offline')
  $$;

CREATE FUNCTION rally_candidates(incident_id bigint, incident_platform text, target_id text)
  RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM rally_responders(
      (SELECT i.collective_id FROM incidents i WHERE i.id = rally_candidates.incident_id), incident_platform) r
    WHERE r.member_id <> rally_candidates.target_id
      AND NOT EXISTS (SELECT 1 FROM incident_reports p
                      WHERE p.incident_id = rally_candidates.incident_id AND p.reporter_id = r.member_id)
      AND NOT EXISTS (SELECT 1 FROM rally_messages m
                      WHERE m.incident_id = rally_candidates.incident_id AND m.recipient = r.member_id
                        AND m.kind = 'alert')
  $$;

-- record_flag() as migrations/0011_every_attack.sql made it, with the flag's collective: a post is looked up
-- and recorded within it, and only its responders are counted.
CREATE FUNCTION record_flag(
  delivery_platform text, delivery_id text,
  post_url text, post_platform text, post_kind text,
  account_platform text, account_handle text, account_display text, account_profile_url text,
  account_named_by text, flag_channel text, flag_occurred_at timestamptz,
  flag_category text, flag_severity text,
  flag_target_id text, flag_target_name text, flag_wants text, flag_target_post_url text,
  reporter_id text, reporter_name text, reporter_anonymous boolean, source_url text, note text,
  flagged_at timestamptz, flag_collective text)
  RETURNS SETOF recorded_flag
  LANGUAGE plpgsql
  -- Each statement is planned once per connection, not on every flag.
  SET plan_cache_mode = force_generic_plan
  AS $$
  #variable_conflict use_column
  DECLARE
    the_offender bigint;
    the_incident bigint;
    the_outcome text;
    reported boolean;
    repeated boolean := false;
    nobody_to_alert boolean := false;
    -- What a new incident asks for when the reporter did not say: the column's default.
    new_wants text := coalesce(flag_wants, 'both');
    raises_to int := array_position(ARRAY['medium', 'high', 'critical'], flag_severity);
  BEGIN
    -- Two deliveries whose keys collide in the hash only take turns.
    PERFORM pg_advisory_xact_lock(hashtextextended(delivery_platform || ' ' || record_flag.delivery_id, 0));
    SELECT true, d.incident_id INTO repeated, the_incident FROM deliveries d
      WHERE d.platform = delivery_platform AND d.delivery_id = record_flag.delivery_id;
    IF repeated THEN
      IF the_incident IS NULL THEN
        RAISE EXCEPTION 'a repeated delivery points at no incident';
      END IF;
      the_outcome := 'repeated-delivery';
    ELSE
      -- Most flagged accounts are known already: look first, insert if not, look again if another flag won.
      IF account_handle IS NOT NULL THEN
        SELECT o.id INTO the_offender FROM offenders o
          WHERE o.platform = account_platform AND o.handle = account_handle;
        IF the_offender IS NULL THEN
          INSERT INTO offenders AS o (platform, handle, display, profile_url)
            VALUES (account_platform, account_handle, account_display, account_profile_url)
            ON CONFLICT ON CONSTRAINT offenders_account_unique DO NOTHING RETURNING o.id INTO the_offender;
        END IF;
        IF the_offender IS NULL THEN
          SELECT o.id INTO the_offender FROM offenders o
            WHERE o.platform = account_platform AND o.handle = account_handle;
        END IF;
      END IF;

      -- Look first so that co-reports do not spend reference numbers (an identity value is used by every
      -- INSERT, even one that meets a conflict); look again if another flag of the post won the race.
      FOR attempt IN 1..2 LOOP
        SELECT i.id INTO the_incident FROM incidents i
          WHERE i.collective_id = flag_collective AND i.canonical_url = post_url;
        EXIT WHEN the_incident IS NOT NULL OR attempt = 2;
        -- The candidates of a new incident: it has no alerts yet, and its one reporter is the target.
        IF flag_target_id = record_flag.reporter_id THEN
          nobody_to_alert := wants_rally(new_wants)
            AND NOT EXISTS (SELECT 1 FROM rally_responders(flag_collective, post_platform) r WHERE r.member_id <> flag_target_id);
        END IF;
        INSERT INTO incidents AS i (collective_id, canonical_url, platform, kind, offender_id, offender_named_by, channel,
                                    occurred_at, category, severity, target_id,
                                    target_name, target_wants, target_post_url, first_reported_at, consent,
                                    rally_wave, last_wave_at)
          VALUES (flag_collective, post_url, post_platform, post_kind, the_offender,
                  CASE WHEN the_offender IS NOT NULL THEN account_named_by END, flag_channel, flag_occurred_at,
                  flag_category, flag_severity, flag_target_id,
                  flag_target_name, new_wants, flag_target_post_url, flagged_at,
                  -- A self-flag is the target's own choice; a colleague's flag waits for the target to decide.
                  CASE WHEN flag_target_id = record_flag.reporter_id THEN 'given' ELSE 'pending' END,
                  CASE WHEN nobody_to_alert THEN 1 ELSE 0 END, CASE WHEN nobody_to_alert THEN flagged_at END)
          ON CONFLICT ON CONSTRAINT incidents_canonical_url_unique DO NOTHING RETURNING i.id INTO the_incident;
        IF the_incident IS NOT NULL THEN
          the_outcome := 'created';
          EXIT;
        END IF;
      END LOOP;
      IF the_incident IS NULL THEN
        RAISE EXCEPTION 'incident conflict without a row';
      END IF;

      IF the_outcome IS NULL THEN
        -- A later flag can raise the severity, name the account or the target's post when the first did not,
        -- and the target flagging it themselves decides (their flag is their consent, with what they want).
        -- The row is only touched when something changes, so co-reports do not queue on its lock.
        UPDATE incidents i SET
          severity = CASE WHEN raises_to > array_position(ARRAY['medium', 'high', 'critical'], i.severity)
                          THEN flag_severity ELSE i.severity END,
          offender_id = coalesce(i.offender_id, the_offender),
          offender_named_by = CASE WHEN i.offender_id IS NULL AND the_offender IS NOT NULL
                                   THEN account_named_by ELSE i.offender_named_by END,
          occurred_at = coalesce(i.occurred_at, flag_occurred_at),
          target_wants = CASE WHEN flag_wants IS NOT NULL AND i.target_id = record_flag.reporter_id
                              THEN flag_wants ELSE i.target_wants END,
          consent = CASE WHEN i.target_id = record_flag.reporter_id THEN 'given' ELSE i.consent END,
          target_post_url = coalesce(i.target_post_url, flag_target_post_url)
        WHERE i.id = the_incident
          AND (raises_to > array_position(ARRAY['medium', 'high', 'critical'], i.severity)
               OR (i.offender_id IS NULL AND the_offender IS NOT NULL)
               OR (i.occurred_at IS NULL AND flag_occurred_at IS NOT NULL)
               OR (flag_wants IS NOT NULL AND i.target_id = record_flag.reporter_id AND i.target_wants <> flag_wants)
               OR (i.target_id = record_flag.reporter_id AND i.consent <> 'given')
               OR (i.target_post_url IS NULL AND flag_target_post_url IS NOT NULL));
      END IF;

      INSERT INTO incident_reports (incident_id, reporter_id, reporter_name, anonymous, source_url, note, reported_at)
        VALUES (the_incident, record_flag.reporter_id, reporter_name, reporter_anonymous, record_flag.source_url,
                record_flag.note, flagged_at)
        ON CONFLICT DO NOTHING;
      reported := FOUND;
      the_outcome := coalesce(the_outcome, CASE WHEN reported THEN 'co-reported' ELSE 'already-reported' END);

      INSERT INTO deliveries (platform, delivery_id, command, incident_id)
        VALUES (delivery_platform, record_flag.delivery_id, 'flag', the_incident);
    END IF;

    RETURN QUERY
      SELECT the_outcome, i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status,
             i.first_reported_at, i.target_id, i.target_name, i.target_wants, i.target_post_url,
             (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id),
             o.platform, o.handle, o.display, o.profile_url, i.consent, i.rally_wave, i.last_wave_at,
             i.channel, i.occurred_at, i.offender_named_by
      FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
      WHERE i.id = the_incident;
  END;
  $$;


CREATE FUNCTION record_flags(flags jsonb) RETURNS SETOF recorded_flag
  LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan
  AS $$
  BEGIN
    FOR i IN 0 .. jsonb_array_length(flags) - 1 LOOP
      RETURN QUERY
        SELECT r.* FROM jsonb_to_record(flags -> i) AS f (
            delivery_platform text, delivery_id text, post_url text, post_platform text, post_kind text,
            account_platform text, account_handle text, account_display text, account_profile_url text,
            account_named_by text, flag_channel text, flag_occurred_at timestamptz,
            flag_category text, flag_severity text,
            flag_target_id text, flag_target_name text, flag_wants text, flag_target_post_url text,
            reporter_id text, reporter_name text, reporter_anonymous boolean, source_url text, note text,
            flagged_at timestamptz, flag_collective text)
          CROSS JOIN LATERAL record_flag(
            f.delivery_platform, f.delivery_id, f.post_url, f.post_platform, f.post_kind,
            f.account_platform, f.account_handle, f.account_display, f.account_profile_url,
            f.account_named_by, f.flag_channel, f.flag_occurred_at,
            f.flag_category, f.flag_severity,
            f.flag_target_id, f.flag_target_name, f.flag_wants, f.flag_target_post_url,
            f.reporter_id, f.reporter_name, f.reporter_anonymous, f.source_url, f.note,
            f.flagged_at, f.flag_collective) r;
    END LOOP;
  END;
  $$;

-- Down Migration
DROP FUNCTION record_flags;
DROP FUNCTION record_flag;
DROP FUNCTION rally_candidates;
DROP FUNCTION rally_responders;
CREATE FUNCTION rally_responders(incident_platform text) RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM responders r
    WHERE r.active AND NOT r.paused
      AND (cardinality(r.platforms) = 0 OR incident_platform = ANY (r.platforms) OR incident_platform = 'offline')
  $$;

CREATE FUNCTION rally_candidates(incident_id bigint, incident_platform text, target_id text)
  RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM rally_responders(incident_platform) r
    WHERE r.member_id <> rally_candidates.target_id
      AND NOT EXISTS (SELECT 1 FROM incident_reports p
                      WHERE p.incident_id = rally_candidates.incident_id AND p.reporter_id = r.member_id)
      AND NOT EXISTS (SELECT 1 FROM rally_messages m
                      WHERE m.incident_id = rally_candidates.incident_id AND m.recipient = r.member_id
                        AND m.kind = 'alert')
  $$;

CREATE FUNCTION record_flag(
  delivery_platform text, delivery_id text,
  post_url text, post_platform text, post_kind text,
  account_platform text, account_handle text, account_display text, account_profile_url text,
  account_named_by text, flag_channel text, flag_occurred_at timestamptz,
  flag_category text, flag_severity text,
  flag_target_id text, flag_target_name text, flag_wants text, flag_target_post_url text,
  reporter_id text, reporter_name text, reporter_anonymous boolean, source_url text, note text,
  flagged_at timestamptz)
  RETURNS SETOF recorded_flag
  LANGUAGE plpgsql
  -- Each statement is planned once per connection, not on every flag.
  SET plan_cache_mode = force_generic_plan
  AS $$
  #variable_conflict use_column
  DECLARE
    the_offender bigint;
    the_incident bigint;
    the_outcome text;
    reported boolean;
    repeated boolean := false;
    nobody_to_alert boolean := false;
    -- What a new incident asks for when the reporter did not say: the column's default.
    new_wants text := coalesce(flag_wants, 'both');
    raises_to int := array_position(ARRAY['medium', 'high', 'critical'], flag_severity);
  BEGIN
    -- Two deliveries whose keys collide in the hash only take turns.
    PERFORM pg_advisory_xact_lock(hashtextextended(delivery_platform || ' ' || record_flag.delivery_id, 0));
    SELECT true, d.incident_id INTO repeated, the_incident FROM deliveries d
      WHERE d.platform = delivery_platform AND d.delivery_id = record_flag.delivery_id;
    IF repeated THEN
      IF the_incident IS NULL THEN
        RAISE EXCEPTION 'a repeated delivery points at no incident';
      END IF;
      the_outcome := 'repeated-delivery';
    ELSE
      -- Most flagged accounts are known already: look first, insert if not, look again if another flag won.
      IF account_handle IS NOT NULL THEN
        SELECT o.id INTO the_offender FROM offenders o
          WHERE o.platform = account_platform AND o.handle = account_handle;
        IF the_offender IS NULL THEN
          INSERT INTO offenders AS o (platform, handle, display, profile_url)
            VALUES (account_platform, account_handle, account_display, account_profile_url)
            ON CONFLICT ON CONSTRAINT offenders_account_unique DO NOTHING RETURNING o.id INTO the_offender;
        END IF;
        IF the_offender IS NULL THEN
          SELECT o.id INTO the_offender FROM offenders o
            WHERE o.platform = account_platform AND o.handle = account_handle;
        END IF;
      END IF;

      -- Look first so that co-reports do not spend reference numbers (an identity value is used by every
      -- INSERT, even one that meets a conflict); look again if another flag of the post won the race.
      FOR attempt IN 1..2 LOOP
        SELECT i.id INTO the_incident FROM incidents i WHERE i.canonical_url = post_url;
        EXIT WHEN the_incident IS NOT NULL OR attempt = 2;
        -- The candidates of a new incident: it has no alerts yet, and its one reporter is the target.
        IF flag_target_id = record_flag.reporter_id THEN
          nobody_to_alert := wants_rally(new_wants)
            AND NOT EXISTS (SELECT 1 FROM rally_responders(post_platform) r WHERE r.member_id <> flag_target_id);
        END IF;
        INSERT INTO incidents AS i (canonical_url, platform, kind, offender_id, offender_named_by, channel,
                                    occurred_at, category, severity, target_id,
                                    target_name, target_wants, target_post_url, first_reported_at, consent,
                                    rally_wave, last_wave_at)
          VALUES (post_url, post_platform, post_kind, the_offender,
                  CASE WHEN the_offender IS NOT NULL THEN account_named_by END, flag_channel, flag_occurred_at,
                  flag_category, flag_severity, flag_target_id,
                  flag_target_name, new_wants, flag_target_post_url, flagged_at,
                  -- A self-flag is the target's own choice; a colleague's flag waits for the target to decide.
                  CASE WHEN flag_target_id = record_flag.reporter_id THEN 'given' ELSE 'pending' END,
                  CASE WHEN nobody_to_alert THEN 1 ELSE 0 END, CASE WHEN nobody_to_alert THEN flagged_at END)
          ON CONFLICT ON CONSTRAINT incidents_canonical_url_unique DO NOTHING RETURNING i.id INTO the_incident;
        IF the_incident IS NOT NULL THEN
          the_outcome := 'created';
          EXIT;
        END IF;
      END LOOP;
      IF the_incident IS NULL THEN
        RAISE EXCEPTION 'incident conflict without a row';
      END IF;

      IF the_outcome IS NULL THEN
        -- A later flag can raise the severity, name the account or the target's post when the first did not,
        -- and the target flagging it themselves decides (their flag is their consent, with what they want).
        -- The row is only touched when something changes, so co-reports do not queue on its lock.
        UPDATE incidents i SET
          severity = CASE WHEN raises_to > array_position(ARRAY['medium', 'high', 'critical'], i.severity)
                          THEN flag_severity ELSE i.severity END,
          offender_id = coalesce(i.offender_id, the_offender),
          offender_named_by = CASE WHEN i.offender_id IS NULL AND the_offender IS NOT NULL
                                   THEN account_named_by ELSE i.offender_named_by END,
          occurred_at = coalesce(i.occurred_at, flag_occurred_at),
          target_wants = CASE WHEN flag_wants IS NOT NULL AND i.target_id = record_flag.reporter_id
                              THEN flag_wants ELSE i.target_wants END,
          consent = CASE WHEN i.target_id = record_flag.reporter_id THEN 'given' ELSE i.consent END,
          target_post_url = coalesce(i.target_post_url, flag_target_post_url)
        WHERE i.id = the_incident
          AND (raises_to > array_position(ARRAY['medium', 'high', 'critical'], i.severity)
               OR (i.offender_id IS NULL AND the_offender IS NOT NULL)
               OR (i.occurred_at IS NULL AND flag_occurred_at IS NOT NULL)
               OR (flag_wants IS NOT NULL AND i.target_id = record_flag.reporter_id AND i.target_wants <> flag_wants)
               OR (i.target_id = record_flag.reporter_id AND i.consent <> 'given')
               OR (i.target_post_url IS NULL AND flag_target_post_url IS NOT NULL));
      END IF;

      INSERT INTO incident_reports (incident_id, reporter_id, reporter_name, anonymous, source_url, note, reported_at)
        VALUES (the_incident, record_flag.reporter_id, reporter_name, reporter_anonymous, record_flag.source_url,
                record_flag.note, flagged_at)
        ON CONFLICT DO NOTHING;
      reported := FOUND;
      the_outcome := coalesce(the_outcome, CASE WHEN reported THEN 'co-reported' ELSE 'already-reported' END);

      INSERT INTO deliveries (platform, delivery_id, command, incident_id)
        VALUES (delivery_platform, record_flag.delivery_id, 'flag', the_incident);
    END IF;

    RETURN QUERY
      SELECT the_outcome, i.id, i.canonical_url, i.platform, i.kind, i.category, i.severity, i.status,
             i.first_reported_at, i.target_id, i.target_name, i.target_wants, i.target_post_url,
             (SELECT count(*) FROM incident_reports r WHERE r.incident_id = i.id),
             o.platform, o.handle, o.display, o.profile_url, i.consent, i.rally_wave, i.last_wave_at,
             i.channel, i.occurred_at, i.offender_named_by
      FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
      WHERE i.id = the_incident;
  END;
  $$;


CREATE FUNCTION record_flags(flags jsonb) RETURNS SETOF recorded_flag
  LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan
  AS $$
  BEGIN
    FOR i IN 0 .. jsonb_array_length(flags) - 1 LOOP
      RETURN QUERY
        SELECT r.* FROM jsonb_to_record(flags -> i) AS f (
            delivery_platform text, delivery_id text, post_url text, post_platform text, post_kind text,
            account_platform text, account_handle text, account_display text, account_profile_url text,
            account_named_by text, flag_channel text, flag_occurred_at timestamptz,
            flag_category text, flag_severity text,
            flag_target_id text, flag_target_name text, flag_wants text, flag_target_post_url text,
            reporter_id text, reporter_name text, reporter_anonymous boolean, source_url text, note text,
            flagged_at timestamptz)
          CROSS JOIN LATERAL record_flag(
            f.delivery_platform, f.delivery_id, f.post_url, f.post_platform, f.post_kind,
            f.account_platform, f.account_handle, f.account_display, f.account_profile_url,
            f.account_named_by, f.flag_channel, f.flag_occurred_at,
            f.flag_category, f.flag_severity,
            f.flag_target_id, f.flag_target_name, f.flag_wants, f.flag_target_post_url,
            f.reporter_id, f.reporter_name, f.reporter_anonymous, f.source_url, f.note,
            f.flagged_at) r;
    END LOOP;
  END;
  $$;

ALTER TABLE purged_messages DROP COLUMN collective_id;
ALTER TABLE audit_log DROP COLUMN collective_id;
ALTER TABLE offender_links DROP CONSTRAINT offender_links_pkey;
ALTER TABLE offender_links DROP COLUMN collective_id;
ALTER TABLE offender_links ADD PRIMARY KEY (offender_id, linked_id);
ALTER TABLE offenders ADD COLUMN review text CHECK (review IN ('confirmed', 'disputed', 'cleared')),
  ADD COLUMN reviewed_at timestamptz;
ALTER TABLE offenders ADD CONSTRAINT offenders_review_dated CHECK ((review IS NULL) = (reviewed_at IS NULL));
UPDATE offenders o SET review = r.review, reviewed_at = r.reviewed_at
  FROM offender_reviews r WHERE r.offender_id = o.id AND r.collective_id = 'default';
DROP TABLE offender_reviews;
DROP INDEX responders_collective_idx;
ALTER TABLE responders DROP COLUMN collective_id;
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key, offender_named_by);
DROP INDEX incidents_time_idx;
CREATE INDEX incidents_time_idx ON incidents (first_reported_at) INCLUDE (offender_id, category, platform, severity);
DROP INDEX incidents_resolved_idx;
CREATE INDEX incidents_resolved_idx ON incidents (resolved_at) WHERE status = 'resolved';
ALTER TABLE incidents DROP CONSTRAINT incidents_canonical_url_unique;
ALTER TABLE incidents ADD CONSTRAINT incidents_canonical_url_unique UNIQUE (canonical_url);
ALTER TABLE incidents DROP COLUMN collective_id;
DROP TABLE collectives;
