-- Up Migration

-- One account on one platform. The handle is the normalised key (lower case, or a stable id such as
-- `id:1000123`), so every variant of a link to the same account lands on the same row.
CREATE TABLE offenders (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform    text NOT NULL,
  handle      text NOT NULL,
  display     text NOT NULL,
  profile_url text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT offenders_account_unique UNIQUE (platform, handle)
);

-- One abusive post (or one off-platform act). The canonical URL is the deduplication key: a second flag of the
-- same post adds a co-reporter, never a second incident. Its id is the public reference (SW-<id>).
CREATE TABLE incidents (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  canonical_url     text NOT NULL,
  platform          text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('post', 'profile', 'email')),
  offender_id       bigint REFERENCES offenders (id),
  category          text NOT NULL CHECK (category IN
                      ('threat', 'sexual', 'doxxing', 'hate', 'complaint', 'impersonation', 'pileon', 'harassment')),
  severity          text NOT NULL CHECK (severity IN ('medium', 'high', 'critical')),
  -- The member who was attacked (platform-qualified id, e.g. `slack:T1:U1`). Never shown in digests.
  target_id         text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  first_reported_at timestamptz NOT NULL,
  CONSTRAINT incidents_canonical_url_unique UNIQUE (canonical_url)
);
CREATE INDEX incidents_offender_time_idx ON incidents (offender_id, first_reported_at);
CREATE INDEX incidents_time_idx ON incidents (first_reported_at);
-- `/offender SomeTroll` looks a handle up on every platform, and `user@host` Mastodon handles by prefix.
CREATE INDEX offenders_handle_idx ON offenders (handle text_pattern_ops);

-- Each member who flagged the incident, with the link as they pasted it and their own note (the wording).
CREATE TABLE incident_reports (
  incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  reporter_id text NOT NULL,
  source_url  text NOT NULL,
  note        text,
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, reporter_id)
);

-- Every platform delivery that changed the ledger, recorded once, so that retries and double clicks do nothing
-- twice. Written in the same transaction as the change it caused.
CREATE TABLE deliveries (
  platform    text NOT NULL,
  delivery_id text NOT NULL,
  command     text NOT NULL,
  incident_id bigint REFERENCES incidents (id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, delivery_id)
);

-- Members who opted in to be rallied, and the platforms they are active on.
CREATE TABLE responders (
  member_id  text PRIMARY KEY,
  active     boolean NOT NULL,
  platforms  text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE responders;
DROP TABLE deliveries;
DROP TABLE incident_reports;
DROP TABLE incidents;
DROP TABLE offenders;
