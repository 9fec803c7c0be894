-- Up Migration

-- Corrections of an incident's record (/correct): a lead, or the member who first flagged it, sets or corrects
-- who attacked and who was attacked, always with a reason, kept in the audit log beside the incident.
ALTER TABLE audit_log ADD COLUMN incident_id bigint REFERENCES incidents (id) ON DELETE SET NULL;
CREATE INDEX audit_log_incident_idx ON audit_log (incident_id) WHERE incident_id IS NOT NULL;

-- attribute: the incident's attacker was set or changed. offender_id is the account it moved to (NULL: unknown
-- now), other_offender_id the account it moved from (NULL: it was unknown).
-- retarget: who was attacked changed. offender_id is the incident's attacker (NULL: unknown). Who was attacked,
-- before or after, is never written here: the log is read under /offender, about accounts, not members.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('confirm', 'dispute', 'clear', 'link', 'attribute', 'retarget'));
ALTER TABLE audit_log ALTER COLUMN offender_id DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_offender_named
  CHECK (offender_id IS NOT NULL OR action IN ('attribute', 'retarget'));
ALTER TABLE audit_log ADD CONSTRAINT audit_log_attribute_moves
  CHECK (action <> 'attribute' OR offender_id IS DISTINCT FROM other_offender_id);

-- /offender of the account an incident moved away from shows that move too.
CREATE INDEX audit_log_moved_from_idx ON audit_log (other_offender_id, at) WHERE action = 'attribute';

-- Down Migration
DROP INDEX audit_log_moved_from_idx;
DELETE FROM audit_log WHERE action IN ('attribute', 'retarget');
ALTER TABLE audit_log DROP CONSTRAINT audit_log_attribute_moves;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_offender_named;
ALTER TABLE audit_log ALTER COLUMN offender_id SET NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('confirm', 'dispute', 'clear', 'link'));
DROP INDEX audit_log_incident_idx;
ALTER TABLE audit_log DROP COLUMN incident_id;
