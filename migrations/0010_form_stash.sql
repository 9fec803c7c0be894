-- Up Migration

-- What a Discord form carries between the slash command (or a refused submission) and the form's submission:
-- the options a form can't hold, or what was typed. In the ledger, so that after a restart, or on another
-- process, the form still completes. Each entry is taken once; after Discord's 15 minutes it is useless, and
-- expired entries are deleted as new ones arrive.
CREATE TABLE form_stash (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX form_stash_expires_idx ON form_stash (expires_at);

-- Down Migration
DROP TABLE form_stash;
