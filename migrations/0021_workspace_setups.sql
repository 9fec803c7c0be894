-- Up Migration

-- Collectives set up in chat: a Slack workspace that installed the app ("Add to Slack") becomes a collective
-- when its admin runs /setup in the private incident channel. Collectives of SHIELDWALL_CONFIG are configured in
-- the file instead; this holds only those set up in chat, one per workspace.
CREATE TABLE workspace_setups (
  team_id          text PRIMARY KEY CHECK (team_id ~ '^T[A-Z0-9]{2,}$'),
  collective_id    text NOT NULL UNIQUE REFERENCES collectives (id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  incident_channel text NOT NULL CHECK (incident_channel ~ '^[CG][A-Z0-9]{2,}$'),
  leads_channel    text CHECK (leads_channel ~ '^[CG][A-Z0-9]{2,}$'),
  leads            text[] NOT NULL DEFAULT '{}',
  language         text NOT NULL CHECK (language IN ('en', 'fr')),
  timezone         text NOT NULL,
  set_up_by        text NOT NULL,
  set_up_at        timestamptz NOT NULL,
  -- Set when the workspace removes the app (app_uninstalled, tokens_revoked): it is no longer served, and its
  -- incidents stay under retention like any other's. Installing again and running /setup serves it again.
  uninstalled_at   timestamptz
);

-- Down Migration
DROP TABLE workspace_setups;
