-- Up Migration

-- What the person attacked wants from colleagues, whose post colleagues should reply to, and how it ended.
-- The names are the members' chat names at the time, so a card can be drawn without asking the platform.
ALTER TABLE incidents
  ADD COLUMN target_wants    text NOT NULL DEFAULT 'both'
    CHECK (target_wants IN ('replies', 'reports', 'both', 'document', 'private')),
  ADD COLUMN target_name     text,
  ADD COLUMN target_post_url text,
  ADD COLUMN outcome         text CHECK (outcome IN ('removed', 'suspended', 'no-action', 'duplicate', 'settled')),
  ADD COLUMN resolved_by     text,
  ADD COLUMN resolved_at     timestamptz,
  ADD CONSTRAINT incidents_resolution_complete
    CHECK ((status = 'resolved') = (outcome IS NOT NULL AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL));
CREATE INDEX incidents_target_idx ON incidents (target_id);

-- A reporter may ask that the channel not see their name; leads still can.
ALTER TABLE incident_reports
  ADD COLUMN reporter_name text,
  ADD COLUMN anonymous     boolean NOT NULL DEFAULT false;
CREATE INDEX incident_reports_reporter_idx ON incident_reports (reporter_id);

-- "I replied with support" and "I reported it", once per member and incident: a double click is one action.
CREATE TABLE incident_actions (
  incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  member_id   text NOT NULL,
  action      text NOT NULL CHECK (action IN ('supported', 'reported')),
  acted_at    timestamptz NOT NULL,
  PRIMARY KEY (incident_id, member_id, action)
);

-- The card of each incident in each incident channel (`slack:T1:C1`, `discord:G1:C1`). The row is claimed
-- before the card is posted, so two processes never post two cards; message_id is filled in once it exists.
CREATE TABLE incident_cards (
  incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  destination text NOT NULL,
  message_id  text,
  claimed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, destination)
);

-- Screenshots attached to a flag, as the platform holds them. Downloading and hashing them is a later step.
CREATE TABLE incident_files (
  incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  reporter_id text NOT NULL,
  platform    text NOT NULL,
  file_id     text NOT NULL,
  name        text NOT NULL,
  mimetype    text,
  size_bytes  bigint,
  PRIMARY KEY (incident_id, platform, file_id)
);

-- Down Migration
DROP TABLE incident_files;
DROP TABLE incident_cards;
DROP TABLE incident_actions;
DROP INDEX incident_reports_reporter_idx;
ALTER TABLE incident_reports DROP COLUMN anonymous, DROP COLUMN reporter_name;
DROP INDEX incidents_target_idx;
ALTER TABLE incidents
  DROP CONSTRAINT incidents_resolution_complete,
  DROP COLUMN resolved_at,
  DROP COLUMN resolved_by,
  DROP COLUMN outcome,
  DROP COLUMN target_post_url,
  DROP COLUMN target_name,
  DROP COLUMN target_wants;
