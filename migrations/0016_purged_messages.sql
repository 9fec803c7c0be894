-- Up Migration

-- Where each private message of the rally landed (its platform's reference: a Slack channel and timestamp, a
-- Discord channel and message ids), so a retention purge can redraw it without the incident's details. An
-- alert in a responder's direct messages holds the abusive post's link and the target's own post.
ALTER TABLE rally_messages ADD COLUMN message_ref text;

-- Messages of purged incidents still to redraw: the platform and the reference only, no incident, no member.
-- A row goes once its message is redrawn, or after three failed tries (the message may be gone).
CREATE TABLE purged_messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform    text NOT NULL,
  message_ref text NOT NULL,
  attempts    smallint NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE purged_messages;
ALTER TABLE rally_messages DROP COLUMN message_ref;
