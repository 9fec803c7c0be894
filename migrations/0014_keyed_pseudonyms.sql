-- Up Migration

-- Member pseudonyms become keyed. They were `purged:<sha-256 of the id>`: anyone with a backup and the member
-- list could hash every member's id and name the people behind a purged incident. Now they are
-- `pseudonym:<HMAC-SHA-256>`, under a key kept outside the database (a file in the data directory of the
-- embedded ledger, SHIELDWALL_PSEUDONYM_KEY for a server): a backup alone names nobody.
--
-- The bot gives each of its connections the key as the setting `shieldwall.pseudonym_key` (never stored, never
-- in a statement). A connection without it can't write a member's pseudonym, so it fails rather than writing
-- one under no key.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE FUNCTION pseudonym_key() RETURNS bytea
  LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
  AS $$
    DECLARE
      hex text := current_setting('shieldwall.pseudonym_key', true);
    BEGIN
      IF hex IS NULL OR hex !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'this connection has no pseudonym key (shieldwall.pseudonym_key)'
          USING ERRCODE = '28000';
      END IF;
      RETURN decode(hex, 'hex');
    END
  $$;

-- The HMAC is taken of the id's SHA-256 rather than of the id itself, so a pseudonym of the old form (which
-- is that SHA-256) converts to the new one without knowing the member: old and new pseudonyms of one member
-- agree, and so do the counts of distinct members attacked across the change. Declared immutable, as before,
-- so it can back target_key: for one ledger the key never changes (the bot checks it on every start, see
-- pseudonym_key_check), and without the key it fails instead of answering.
CREATE OR REPLACE FUNCTION member_key(member_id text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL RESTRICTED
  AS $$
    SELECT CASE
      WHEN member_id LIKE 'pseudonym:%' THEN member_id
      WHEN member_id ~ '^purged:[0-9a-f]{64}$'
        THEN 'pseudonym:' || encode(hmac(decode(substr(member_id, 8), 'hex'), pseudonym_key(), 'sha256'), 'hex')
      ELSE 'pseudonym:' || encode(hmac(sha256(convert_to(member_id, 'UTF8')), pseudonym_key(), 'sha256'), 'hex')
    END
  $$;

-- Which key this ledger's pseudonyms were made with, as an HMAC of a fixed text: it tells a wrong or new key
-- from the right one at start-up, and gives nothing away about the key.
CREATE FUNCTION pseudonym_key_fingerprint() RETURNS text
  LANGUAGE sql STABLE PARALLEL RESTRICTED
  AS $$ SELECT encode(hmac('shieldwall pseudonym key check', pseudonym_key(), 'sha256'), 'hex') $$;

CREATE TABLE pseudonym_key_check (
  only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  fingerprint text NOT NULL,
  since       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO pseudonym_key_check (fingerprint) VALUES (pseudonym_key_fingerprint());

-- Every pseudonym already written is converted. Updating every incident also recomputes its stored target_key
-- under the new function, so live and purged incidents of one member keep comparing equal.
UPDATE incidents SET
  target_id = CASE WHEN target_id LIKE 'purged:%' THEN member_key(target_id) ELSE target_id END,
  resolved_by = CASE WHEN resolved_by LIKE 'purged:%' THEN member_key(resolved_by) ELSE resolved_by END;
UPDATE incident_reports SET reporter_id = member_key(reporter_id) WHERE reporter_id LIKE 'purged:%';
UPDATE incident_actions SET member_id = member_key(member_id) WHERE member_id LIKE 'purged:%';
UPDATE audit_log SET actor_id = member_key(actor_id) WHERE actor_id LIKE 'purged:%';

-- Down Migration
-- Keyed pseudonyms can't be turned back into the unkeyed ones (that is their point): they stay as they are.
DROP TABLE pseudonym_key_check;
DROP FUNCTION pseudonym_key_fingerprint();
CREATE OR REPLACE FUNCTION member_key(member_id text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE WHEN member_id LIKE 'purged:%' OR member_id LIKE 'pseudonym:%' THEN member_id
                ELSE 'purged:' || encode(sha256(convert_to(member_id, 'UTF8')), 'hex') END
  $$;
UPDATE incidents SET target_id = target_id;
DROP FUNCTION pseudonym_key();
