-- Up Migration

-- Slack workspaces that added the app ("Add to Slack"), one row per installation, so one deployment can serve
-- several collectives. Each row is keyed as Bolt looks installations up: by the enterprise id for an org-wide
-- install (one token serves every workspace of the org), else by the team id. Slack's ids carry their kind in
-- their first letter (T… teams, E… enterprises), so the two never collide in one column.
--
-- The whole installation as Slack gave it (bot token, refresh token, user token, webhook URL) is kept only in
-- `sealed`: AES-256-GCM under SHIELDWALL_INSTALL_KEY, a key kept outside the database, bound to this row's
-- installation_key. In clear are only the ids needed to find and list an installation; never a token.
CREATE TABLE slack_installations (
  installation_key      text PRIMARY KEY,
  team_id               text,
  enterprise_id         text,
  is_enterprise_install boolean NOT NULL,
  bot_user_id           text,
  app_id                text,
  sealed                bytea NOT NULL,
  installed_at          timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  -- The key is not chosen freely: it is the id Bolt will ask for.
  CHECK (installation_key IS NOT DISTINCT FROM
         CASE WHEN is_enterprise_install THEN enterprise_id ELSE team_id END)
);

-- Which SHIELDWALL_INSTALL_KEY sealed the rows above, as an HMAC of a fixed text under it (see token-cipher.ts):
-- a process started with another key refuses to start instead of failing on every request. The migration
-- can't know the key, so the first process that starts with one records it.
CREATE TABLE install_key_check (
  only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  fingerprint text NOT NULL,
  since       timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE install_key_check;
DROP TABLE slack_installations;
