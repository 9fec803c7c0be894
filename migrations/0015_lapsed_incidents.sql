-- Up Migration

-- An open incident nobody touches for as long as retention allows (RETENTION_IDLE_DAYS) is closed by the bot
-- as `lapsed`, and its personal data purged: a flag left "documented only" must not keep its wording and
-- screenshots forever. Only the retention run writes this outcome; people resolve with the other five.
ALTER TABLE incidents DROP CONSTRAINT incidents_outcome_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_outcome_check
  CHECK (outcome IN ('removed', 'suspended', 'no-action', 'duplicate', 'settled', 'lapsed'));

-- Down Migration
UPDATE incidents SET outcome = 'settled' WHERE outcome = 'lapsed';
ALTER TABLE incidents DROP CONSTRAINT incidents_outcome_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_outcome_check
  CHECK (outcome IN ('removed', 'suspended', 'no-action', 'duplicate', 'settled'));
