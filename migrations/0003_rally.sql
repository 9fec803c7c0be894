-- Up Migration

-- A responder's limits: their time zone and quiet hours (minutes after local midnight), how many alerts a day
-- at most, and a pause ("I need a break") that stops every alert until they come back.
ALTER TABLE responders
  ADD COLUMN timezone    text,
  ADD COLUMN quiet_start smallint CHECK (quiet_start BETWEEN 0 AND 1439),
  ADD COLUMN quiet_end   smallint CHECK (quiet_end BETWEEN 0 AND 1439),
  ADD COLUMN daily_cap   smallint NOT NULL DEFAULT 5 CHECK (daily_cap BETWEEN 1 AND 50),
  ADD COLUMN paused      boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT responders_quiet_pair CHECK ((quiet_start IS NULL) = (quiet_end IS NULL));

-- The target decides. pending: not asked yet; asked: waiting for the target's answer until consent_deadline;
-- given: the target chose (a self-flag counts); defaulted: no answer in time, so it stays documented only.
ALTER TABLE incidents
  ADD COLUMN consent          text NOT NULL DEFAULT 'pending'
    CHECK (consent IN ('pending', 'asked', 'given', 'defaulted')),
  ADD COLUMN consent_deadline timestamptz,
  ADD COLUMN rally_wave       smallint NOT NULL DEFAULT 0,
  ADD COLUMN last_wave_at     timestamptz;
-- The rally tick looks only at open incidents that may still need something.
CREATE INDEX incidents_rally_idx ON incidents (status, consent) WHERE status = 'open';

-- Every private message the rally sends (alerts, the consent question, lead alerts, outcomes, check-ins), at
-- most once per incident, recipient and kind: the unique key is what stops a second alert, whichever process
-- or retry tries to send it. Delivery itself is a pg-boss job created in the same transaction.
CREATE TABLE rally_messages (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  recipient    text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('alert', 'consent', 'lead-alert', 'outcome', 'check-in')),
  wave         smallint,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz,
  response     text CHECK (response IN ('on-it', 'cant')),
  responded_at timestamptz,
  CONSTRAINT rally_messages_once UNIQUE (incident_id, recipient, kind)
);
-- Daily caps count a responder's recent alerts.
CREATE INDEX rally_messages_recipient_idx ON rally_messages (recipient, created_at) WHERE kind = 'alert';

-- Down Migration
DROP TABLE rally_messages;
DROP INDEX incidents_rally_idx;
ALTER TABLE incidents
  DROP COLUMN last_wave_at,
  DROP COLUMN rally_wave,
  DROP COLUMN consent_deadline,
  DROP COLUMN consent;
ALTER TABLE responders
  DROP CONSTRAINT responders_quiet_pair,
  DROP COLUMN paused,
  DROP COLUMN daily_cap,
  DROP COLUMN quiet_end,
  DROP COLUMN quiet_start,
  DROP COLUMN timezone;
