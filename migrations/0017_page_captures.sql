-- Up Migration

-- What the bot captured of an incident's public pages, in a headless browser, the moment it was flagged: the
-- post itself and the attacker's account page (which proves the account was public). One row per incident, page
-- and address: a retried job or a second process finds the row and never captures twice. A failed capture keeps
-- only why, so nothing half-stored can pass for the page.
CREATE TABLE page_captures (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id       bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  page              text NOT NULL CHECK (page IN ('post', 'account')),
  url               text NOT NULL,
  state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'captured', 'failed')),
  failure           text CHECK (failure IN
                      ('login-wall', 'removed', 'timed-out', 'too-large', 'refused-address', 'unreachable', 'error')),
  requested_at      timestamptz NOT NULL,
  -- Tries so far: a page that failed for a passing reason (a time-out, the network) is tried a few times.
  attempts          smallint NOT NULL DEFAULT 0,
  -- When the page was loaded (UTC), for a capture or a failure.
  captured_at       timestamptz,
  final_url         text,
  http_status       integer,
  screenshot        bytea,
  screenshot_sha256 text CHECK (screenshot_sha256 ~ '^[0-9a-f]{64}$'),
  html              bytea,
  html_sha256       text CHECK (html_sha256 ~ '^[0-9a-f]{64}$'),
  -- The Internet Archive's copy, when the collective asks for one (off by default).
  archive_url       text,
  -- Is the post still up? Checked again on a schedule after its capture (CAPTURE_RECHECK_DAYS).
  next_check_at     timestamptz,
  checks_done       smallint NOT NULL DEFAULT 0,
  still_up_at       timestamptz,
  gone_at           timestamptz,
  gone_reason       text CHECK (gone_reason IN ('removed', 'login-wall')),
  UNIQUE (incident_id, page, url),
  CONSTRAINT page_captures_captured_whole CHECK ((state = 'captured') = (screenshot IS NOT NULL AND html IS NOT NULL)),
  CONSTRAINT page_captures_hash_with_content CHECK ((screenshot IS NULL) = (screenshot_sha256 IS NULL)
                                                AND (html IS NULL) = (html_sha256 IS NULL)),
  CONSTRAINT page_captures_failure_why CHECK ((state = 'failed') = (failure IS NOT NULL))
);
CREATE INDEX page_captures_rechecks ON page_captures (next_check_at) WHERE next_check_at IS NOT NULL;

-- Two private messages more, sent like the rally's (once per incident, recipient and kind, redrawn on purge):
-- the post could not be captured (to those who flagged it), and the post is gone (to them and the person attacked).
ALTER TABLE rally_messages DROP CONSTRAINT rally_messages_kind_check;
ALTER TABLE rally_messages ADD CONSTRAINT rally_messages_kind_check
  CHECK (kind IN ('alert', 'consent', 'lead-alert', 'outcome', 'check-in', 'capture-failed', 'post-gone'));

-- Down Migration
DELETE FROM rally_messages WHERE kind IN ('capture-failed', 'post-gone');
ALTER TABLE rally_messages DROP CONSTRAINT rally_messages_kind_check;
ALTER TABLE rally_messages ADD CONSTRAINT rally_messages_kind_check
  CHECK (kind IN ('alert', 'consent', 'lead-alert', 'outcome', 'check-in'));
DROP TABLE page_captures;
