import type pg from 'pg';
import type { TargetWants } from '../core/incident/target-wants.ts';
import type { RallyCandidate } from '../core/rally/choose-responders.ts';
import type { RallyMessage, RallyMessageKind, RallyStore } from '../core/rally/rally-store.ts';
import { DEFAULT_COLLECTIVE_ID } from '../core/settings.ts';
import { inTransaction } from './transaction.ts';

/**
 * Hands newly queued messages to the job queue, inside the transaction that queued them, so a message never
 * exists without its delivery job (or the other way round).
 */
/** Queues delivery jobs for messages of one collective, so that its own adapters send them. */
export type EnqueueDelivery = (
  client: pg.PoolClient,
  messageIds: number[],
  collectiveId: string,
) => Promise<void>;

/** The job queue as the rally store uses it. */
export interface DeliveryJobs {
  enqueue: EnqueueDelivery;
  /** Called once the jobs are committed: this process's delivery workers fetch now, not at their next poll. */
  wake(): void;
}

// "Acted" means a card action or an "I'm on it": the people who showed up, counted once each.
const ACTED = `(SELECT count(*) FROM (
    SELECT member_id FROM incident_actions a WHERE a.incident_id = i.id
    UNION SELECT recipient FROM rally_messages m WHERE m.incident_id = i.id AND m.response = 'on-it') acted)`;

const DUE = `i.collective_id = $COLLECTIVE AND i.status = 'open' AND i.consent = 'given' AND wants_rally(i.target_wants)
  AND (i.rally_wave = 0 OR (i.last_wave_at <= $1::timestamptz - make_interval(mins => $2) AND ${ACTED} < $3))`;

type QueueMessages = (
  incidentId: number,
  recipients: readonly string[],
  kind: RallyMessageKind,
  now: Date,
  wave?: number | null,
) => Promise<void>;

/** The rally's state for one collective: its incidents, its responders, its messages. */
export function createPgRallyStore(
  pool: pg.Pool,
  jobs: DeliveryJobs,
  collectiveId: string = DEFAULT_COLLECTIVE_ID,
): RallyStore {
  const due = (parameter: number) => DUE.replace('$COLLECTIVE', `$${parameter}`);
  const insertMessages = async (
    client: pg.PoolClient,
    incidentId: number,
    recipients: readonly string[],
    kind: RallyMessageKind,
    now: Date,
    wave: number | null,
  ): Promise<number[]> => {
    if (recipients.length === 0) return [];
    const inserted = await client.query(
      `INSERT INTO rally_messages (incident_id, recipient, kind, wave, created_at)
       SELECT $1, recipient, $3, $4, $5 FROM unnest($2::text[]) AS recipient
       ON CONFLICT (incident_id, recipient, kind) DO NOTHING RETURNING id`,
      [incidentId, recipients, kind, wave, now],
    );
    const ids = inserted.rows.map((row) => Number(row.id));
    if (ids.length > 0) await jobs.enqueue(client, ids, collectiveId);
    return ids;
  };

  /** A transaction that may queue messages; if it did, the workers are woken once it has committed. */
  const queueing = async <T>(
    work: (client: pg.PoolClient, queue: QueueMessages) => Promise<T>,
  ): Promise<T> => {
    let queued = false;
    const result = await inTransaction(pool, (client) =>
      work(client, async (incidentId, recipients, kind, now, wave = null) => {
        const ids = await insertMessages(client, incidentId, recipients, kind, now, wave);
        if (ids.length > 0) queued = true;
      }),
    );
    if (queued) jobs.wake();
    return result;
  };

  return {
    askConsent: (incidentId, targetId, deadline, now) =>
      queueing(async (client, queue) => {
        const asked = await client.query(
          `UPDATE incidents SET consent = 'asked', consent_deadline = $2
           WHERE id = $1 AND collective_id = $3 AND consent = 'pending'`,
          [incidentId, deadline, collectiveId],
        );
        if (asked.rowCount !== 1) return false;
        await queue(incidentId, [targetId], 'consent', now);
        return true;
      }),

    async giveConsent(incidentId, memberId, wants: TargetWants) {
      const given = await pool.query(
        `UPDATE incidents SET consent = 'given', target_wants = $3
         WHERE id = $1 AND target_id = $2 AND collective_id = $4 AND status = 'open' RETURNING 1`,
        [incidentId, memberId, wants, collectiveId],
      );
      return given.rowCount === 1;
    },

    async expireConsents(now) {
      const expired = await pool.query(
        `UPDATE incidents SET consent = 'defaulted', target_wants = 'document'
         WHERE collective_id = $2 AND consent = 'asked' AND consent_deadline <= $1 AND status = 'open'
         RETURNING id`,
        [now, collectiveId],
      );
      return expired.rows.map((row) => Number(row.id));
    },

    async incidentsDueForWave(now, gapMinutes, enoughActors) {
      const found = await pool.query(`SELECT i.id FROM incidents i WHERE ${due(4)} ORDER BY i.id`, [
        now,
        gapMinutes,
        enoughActors,
        collectiveId,
      ]);
      return found.rows.map((row) => Number(row.id));
    },

    runWave: (incidentId, now, gapMinutes, enoughActors, choose) =>
      queueing(async (client, queue) => {
        // The row lock makes concurrent ticks (two processes) take turns; the second finds it no longer due.
        const locked = await client.query(
          `SELECT i.id, i.platform, i.target_id, i.rally_wave FROM incidents i
           WHERE i.id = $4 AND ${due(5)} FOR UPDATE`,
          [now, gapMinutes, enoughActors, incidentId, collectiveId],
        );
        const incident = locked.rows[0] as
          | { platform: string; target_id: string; rally_wave: number }
          | undefined;
        if (!incident) return undefined;
        const candidates = await client.query(
          `SELECT r.member_id, r.timezone, r.quiet_start, r.quiet_end, r.daily_cap,
                  (SELECT count(*) FROM rally_messages m WHERE m.recipient = r.member_id AND m.kind = 'alert'
                     AND m.created_at > $3::timestamptz - interval '24 hours')::int AS recent_alerts
           FROM rally_candidates($1, $2, $4) r`,
          [incidentId, incident.platform, now, incident.target_id],
        );
        const chosen = await choose(candidates.rows.map(toCandidate));
        const wave = incident.rally_wave + 1;
        await queue(incidentId, chosen, 'alert', now, wave);
        // The wave counts even when nobody could be alerted (quiet hours, caps): the next try is a gap later.
        await client.query('UPDATE incidents SET rally_wave = $2, last_wave_at = $3 WHERE id = $1', [
          incidentId,
          wave,
          now,
        ]);
        return chosen.length;
      }),

    queueMessages: (incidentId, recipients, kind, now) =>
      queueing(async (_client, queue) => {
        await queue(incidentId, recipients, kind, now);
      }),

    async respond(incidentId, memberId, response, now) {
      const result = await pool.query(
        `WITH alert AS (
           SELECT m.id, m.response, i.status FROM rally_messages m JOIN incidents i ON i.id = m.incident_id
           WHERE m.incident_id = $1 AND m.recipient = $2 AND m.kind = 'alert' AND i.collective_id = $5),
         updated AS (
           UPDATE rally_messages m SET response = $3, responded_at = $4 FROM alert
           WHERE m.id = alert.id AND alert.response IS NULL AND alert.status = 'open' RETURNING 1)
         SELECT (SELECT status FROM alert) AS status, (SELECT response FROM alert) AS previous,
                EXISTS (SELECT 1 FROM updated) AS updated`,
        [incidentId, memberId, response, now, collectiveId],
      );
      const row = result.rows[0] as { status: string | null; previous: string | null; updated: boolean };
      if (row.status === null) return 'not-alerted';
      if (row.updated) return 'recorded';
      return row.status === 'resolved' ? 'resolved' : 'already';
    },

    async actorsOf(incidentId) {
      const result = await pool.query(
        `SELECT member_id FROM incident_actions WHERE incident_id = $1
         UNION SELECT recipient FROM rally_messages WHERE incident_id = $1 AND response = 'on-it'`,
        [incidentId],
      );
      return result.rows.map((row) => String(row.member_id));
    },

    deliver: (messageId, now, send) =>
      inTransaction(pool, async (client) => {
        // SKIP LOCKED: if another worker is sending this message right now, leave it to them.
        const found = await client.query(
          `SELECT m.id, m.incident_id, m.recipient, m.kind FROM rally_messages m
           WHERE m.id = $1 AND m.status = 'pending'
             AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = m.incident_id AND i.collective_id = $2)
           FOR UPDATE OF m SKIP LOCKED`,
          [messageId, collectiveId],
        );
        const row = found.rows[0];
        if (!row) return false;
        const message: RallyMessage = {
          id: Number(row.id),
          incidentId: Number(row.incident_id),
          recipient: String(row.recipient),
          kind: row.kind as RallyMessageKind,
        };
        const landed = await send(message);
        await client.query(
          `UPDATE rally_messages SET status = 'sent', sent_at = $2, message_ref = $3 WHERE id = $1`,
          [messageId, now, landed ?? null],
        );
        return true;
      }),

    async pendingMessages(limit) {
      const result = await pool.query(
        `SELECT m.id FROM rally_messages m JOIN incidents i ON i.id = m.incident_id
         WHERE m.status = 'pending' AND i.collective_id = $2 ORDER BY m.id LIMIT $1`,
        [limit, collectiveId],
      );
      return result.rows.map((row) => Number(row.id));
    },
  };
}

function toCandidate(row: Record<string, unknown>): RallyCandidate {
  const start = row.quiet_start as number | null;
  const end = row.quiet_end as number | null;
  return {
    memberId: String(row.member_id),
    timezone: (row.timezone as string | null) ?? null,
    quietHours: start !== null && end !== null ? { start, end } : null,
    dailyCap: Number(row.daily_cap),
    recentAlerts: Number(row.recent_alerts),
  };
}
