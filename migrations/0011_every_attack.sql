-- Up Migration

-- Every attack can be recorded, and the ledger names the attacker, never the person attacked.

-- A comment is its author's words under someone else's post: the account in its link is the post owner's, often
-- the person attacked. Comments recorded before this migration are relabelled and that account forgotten (the
-- member who flagged it, or a lead, can name the commenter); the incidents themselves are all kept.
ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_kind_check
  CHECK (kind IN ('post', 'comment', 'profile', 'email', 'offline'));
UPDATE incidents SET kind = 'comment', offender_id = NULL
  WHERE kind = 'post' AND (
       (platform = 'facebook'  AND canonical_url ~ '[?&](comment_id|reply_comment_id)=')
    OR (platform = 'linkedin'  AND canonical_url ~ '[?&](commentUrn|replyUrn)=')
    OR (platform = 'instagram' AND canonical_url ~ '^https://instagram\.com/p/[^/]+/c/[0-9]+(/r/[0-9]+)?$')
    OR (platform = 'youtube'   AND canonical_url ~ '[?&]lc=')
    OR (platform = 'reddit'    AND canonical_url ~ '^https://reddit\.com/comments/[a-z0-9]+/comment/[a-z0-9]+$'));

-- Who named the account: the link itself, or a member who knew it when the link could not say.
ALTER TABLE incidents ADD COLUMN offender_named_by text CHECK (offender_named_by IN ('link', 'member'));
UPDATE incidents SET offender_named_by = 'link' WHERE offender_id IS NOT NULL;
ALTER TABLE incidents ADD CONSTRAINT incidents_offender_named
  CHECK ((offender_id IS NULL) = (offender_named_by IS NULL));
-- The frequent-offender scan and /offender say how many of an account's incidents a member named: still read
-- from the index alone (B3, B4).
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key, offender_named_by);

-- An attack with no public link (a direct message, a call, a complaint to an employer…): where it happened.
-- Its key is built from the channel, the attacker and the day, so colleagues flagging the same call meet.
ALTER TABLE incidents ADD COLUMN channel text
  CHECK (channel IN ('dm', 'email', 'phone', 'complaint', 'letter', 'in_person', 'other'));
ALTER TABLE incidents ADD CONSTRAINT incidents_offline_channel CHECK ((kind = 'offline') = (channel IS NOT NULL));

-- When it happened, when the member said (it may be days before it was flagged); otherwise when it was flagged.
ALTER TABLE incidents ADD COLUMN occurred_at timestamptz;

-- Who can be alerted: an attack off any platform (a call, a letter) asks for private support, which any
-- responder can give, whatever platforms they listed.
CREATE OR REPLACE FUNCTION rally_responders(incident_platform text) RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM responders r
    WHERE r.active AND NOT r.paused
      AND (cardinality(r.platforms) = 0 OR incident_platform = ANY (r.platforms) OR incident_platform = 'offline')
  $$;

DROP FUNCTION record_flags;
DROP FUNCTION record_flag;
DROP TYPE recorded_flag;

-- A flag as it was recorded: the outcome, the incident as the reply shows it, and what the rally needs.
CREATE TYPE recorded_flag AS (
  outcome text, id bigint, canonical_url text, platform text, kind text, category text, severity text,
  status text, first_reported_at timestamptz, target_id text, target_name text, target_wants text,
  target_post_url text, reporters bigint, o_platform text, o_handle text, o_display text, o_profile_url text,
  consent text, rally_wave smallint, last_wave_at timestamptz, channel text, occurred_at timestamptz,
  offender_named_by text);

-- One flag, recorded in one statement (so in one transaction and one round trip), safe under any number of
-- concurrent flags of the same post:
--   1. a transaction lock on the delivery makes a retried delivery wait for the first; it then finds the
--      delivery recorded, changes nothing, and answers with the incident the first recorded;
--   2. the offender, the incident and the report are each inserted with ON CONFLICT, so racing flags of one
--      post end as one incident with every reporter on it (each statement sees what committed before it);
--   3. a new incident nobody can be alerted for is inserted with its first wave done, as the rally engine
--      records a wave that found nobody (an UPDATE of the new row would index it all over again); when
--      someone can be alerted, the engine runs the wave itself.
-- Screenshots are added by the caller in the same transaction: they travel better as binary parameters.
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

-- Several flags in one statement and one transaction, in the order given, each as record_flag() records it.
-- Under load the bot records the flags that arrived while it was busy together (src/ledger/group-commit.ts):
-- a commit is most of what a small write costs. One failing flag fails them all; the bot then records each
-- on its own. Each element holds record_flag()'s arguments by name.
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

-- Down Migration
DROP FUNCTION record_flags;
DROP FUNCTION record_flag;
DROP TYPE recorded_flag;
CREATE OR REPLACE FUNCTION rally_responders(incident_platform text) RETURNS SETOF responders
  LANGUAGE sql STABLE
  AS $$
    SELECT r.* FROM responders r
    WHERE r.active AND NOT r.paused AND (cardinality(r.platforms) = 0 OR incident_platform = ANY (r.platforms))
  $$;
ALTER TABLE incidents DROP COLUMN occurred_at;
ALTER TABLE incidents DROP CONSTRAINT incidents_offline_channel, DROP COLUMN channel;
DROP INDEX incidents_offender_time_idx;
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at)
  INCLUDE (id, category, severity, status, target_key);
ALTER TABLE incidents DROP CONSTRAINT incidents_offender_named, DROP COLUMN offender_named_by;
ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check;
UPDATE incidents SET kind = 'post' WHERE kind = 'comment';
ALTER TABLE incidents ADD CONSTRAINT incidents_kind_check CHECK (kind IN ('post', 'profile', 'email'));

-- record_flag() as 0009 wrote it.
-- A flag as it was recorded: the outcome, the incident as the reply shows it, and what the rally needs.
CREATE TYPE recorded_flag AS (
  outcome text, id bigint, canonical_url text, platform text, kind text, category text, severity text,
  status text, first_reported_at timestamptz, target_id text, target_name text, target_wants text,
  target_post_url text, reporters bigint, o_platform text, o_handle text, o_display text, o_profile_url text,
  consent text, rally_wave smallint, last_wave_at timestamptz);

-- One flag, recorded in one statement (so in one transaction and one round trip), safe under any number of
-- concurrent flags of the same post:
--   1. a transaction lock on the delivery makes a retried delivery wait for the first; it then finds the
--      delivery recorded, changes nothing, and answers with the incident the first recorded;
--   2. the offender, the incident and the report are each inserted with ON CONFLICT, so racing flags of one
--      post end as one incident with every reporter on it (each statement sees what committed before it);
--   3. a new incident nobody can be alerted for is inserted with its first wave done, as the rally engine
--      records a wave that found nobody (an UPDATE of the new row would index it all over again); when
--      someone can be alerted, the engine runs the wave itself.
-- Screenshots are added by the caller in the same transaction: they travel better as binary parameters.
CREATE FUNCTION record_flag(
  delivery_platform text, delivery_id text,
  post_url text, post_platform text, post_kind text,
  account_platform text, account_handle text, account_display text, account_profile_url text,
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
        INSERT INTO incidents AS i (canonical_url, platform, kind, offender_id, category, severity, target_id,
                                    target_name, target_wants, target_post_url, first_reported_at, consent,
                                    rally_wave, last_wave_at)
          VALUES (post_url, post_platform, post_kind, the_offender, flag_category, flag_severity, flag_target_id,
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
          target_wants = CASE WHEN flag_wants IS NOT NULL AND i.target_id = record_flag.reporter_id
                              THEN flag_wants ELSE i.target_wants END,
          consent = CASE WHEN i.target_id = record_flag.reporter_id THEN 'given' ELSE i.consent END,
          target_post_url = coalesce(i.target_post_url, flag_target_post_url)
        WHERE i.id = the_incident
          AND (raises_to > array_position(ARRAY['medium', 'high', 'critical'], i.severity)
               OR (i.offender_id IS NULL AND the_offender IS NOT NULL)
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
             o.platform, o.handle, o.display, o.profile_url, i.consent, i.rally_wave, i.last_wave_at
      FROM incidents i LEFT JOIN offenders o ON o.id = i.offender_id
      WHERE i.id = the_incident;
  END;
  $$;

-- Several flags in one statement and one transaction, in the order given, each as record_flag() records it.
-- Under load the bot records the flags that arrived while it was busy together (src/ledger/group-commit.ts):
-- a commit is most of what a small write costs. One failing flag fails them all; the bot then records each
-- on its own. Each element holds record_flag()'s arguments by name.
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
            flag_category text, flag_severity text,
            flag_target_id text, flag_target_name text, flag_wants text, flag_target_post_url text,
            reporter_id text, reporter_name text, reporter_anonymous boolean, source_url text, note text,
            flagged_at timestamptz)
          CROSS JOIN LATERAL record_flag(
            f.delivery_platform, f.delivery_id, f.post_url, f.post_platform, f.post_kind,
            f.account_platform, f.account_handle, f.account_display, f.account_profile_url,
            f.flag_category, f.flag_severity,
            f.flag_target_id, f.flag_target_name, f.flag_wants, f.flag_target_post_url,
            f.reporter_id, f.reporter_name, f.reporter_anonymous, f.source_url, f.note,
            f.flagged_at) r;
    END LOOP;
  END;
  $$;
