-- Up Migration

-- Each weekly digest sent to each leads' channel, once: the row is claimed before sending and marked sent
-- after, so two bot processes never both send it, and a digest missed while the bot was down is sent later.
CREATE TABLE digests_sent (
  week        text NOT NULL,
  destination text NOT NULL,
  claimed_at  timestamptz NOT NULL,
  sent_at     timestamptz,
  PRIMARY KEY (week, destination)
);

-- Down Migration
DROP TABLE digests_sent;
