-- Up Migration

-- A lead's review of a frequent-offender entry: confirmed, disputed, or cleared (cleared takes the account off
-- the list until it attacks again). The reason and who decided are in audit_log.
ALTER TABLE offenders
  ADD COLUMN review      text CHECK (review IN ('confirmed', 'disputed', 'cleared')),
  ADD COLUMN reviewed_at timestamptz,
  ADD CONSTRAINT offenders_review_dated CHECK ((review IS NULL) = (reviewed_at IS NULL));

-- Two accounts a lead judged to be the same person (stored once, smaller id first).
CREATE TABLE offender_links (
  offender_id bigint NOT NULL REFERENCES offenders (id) ON DELETE CASCADE,
  linked_id   bigint NOT NULL REFERENCES offenders (id) ON DELETE CASCADE,
  linked_at   timestamptz NOT NULL,
  PRIMARY KEY (offender_id, linked_id),
  CHECK (offender_id < linked_id)
);

-- Every change leads make to the ledger's judgement: who, when, what, and why. Never updated or deleted.
CREATE TABLE audit_log (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                timestamptz NOT NULL,
  actor_id          text NOT NULL,
  action            text NOT NULL CHECK (action IN ('confirm', 'dispute', 'clear', 'link')),
  offender_id       bigint NOT NULL REFERENCES offenders (id),
  other_offender_id bigint REFERENCES offenders (id),
  reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000)
);
CREATE INDEX audit_log_offender_idx ON audit_log (offender_id, at);

-- Down Migration
DROP TABLE audit_log;
DROP TABLE offender_links;
ALTER TABLE offenders DROP CONSTRAINT offenders_review_dated, DROP COLUMN reviewed_at, DROP COLUMN review;
