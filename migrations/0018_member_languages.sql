-- Up Migration

-- The language a member chose with /language. Only a choice is kept: a member who never chose one is spoken to
-- in their platform's language, or the collective's. Nothing else about the member is stored here.
CREATE TABLE member_languages (
  member_id  text PRIMARY KEY,
  language   text NOT NULL CHECK (language IN ('en', 'fr')),
  chosen_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE member_languages;
