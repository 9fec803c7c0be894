import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../tests/fakes/discord-permissions.ts';
import { FakeDiscord } from '../tests/fakes/fake-discord.ts';
import { FakeSlack } from '../tests/fakes/fake-slack.ts';
import { freePort } from '../tests/support/wait-until.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/shieldwall.mjs');
const GUILD = '1100000000000000002';
const INCIDENTS = '1200000000000000020';
/** How long the bot sits connected and idle before its memory is read. */
const IDLE_SECONDS = 5;

export interface FootprintRun {
  /** From spawning `shieldwall start` to the first `/readyz` 200, on a data directory used before. */
  startToReadySeconds: number;
  /** The same from an empty data directory: the embedded server's first-time setup (initdb) included. */
  firstStartToReadySeconds: number;
  /** The bot process's resident memory, idle with Slack and Discord connected (the database runs apart). */
  idleRssMB: number;
}

/**
 * B6: the real `shieldwall start` as a person runs it (embedded PostgreSQL on disk), with both adapters
 * switched on by environment variables and connected to fake Slack and Discord on loopback.
 */
export async function runProcessFootprint(): Promise<FootprintRun> {
  const slack = await FakeSlack.start({
    teamId: 'T0BENCH',
    channels: { C0INCIDENT: { isPrivate: true, members: ['UANA'] } },
  });
  const discord = await FakeDiscord.start({
    guildId: GUILD,
    channels: {
      [INCIDENTS]: {
        name: 'incidents',
        permissionOverwrites: [
          { id: GUILD, type: 0, allow: '0', deny: VIEW_CHANNEL },
          { id: '1100000000000000001', type: 1, allow: VIEW_AND_SEND, deny: '0' },
        ],
      },
    },
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-b6-'));
  await chmod(dataDir, 0o755);
  try {
    const port = await freePort();
    const env = {
      ...withoutDatabaseUrl(process.env),
      SHIELDWALL_DATA_DIR: dataDir,
      SHIELDWALL_TIMEZONE: 'UTC',
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-bench-token',
      DISCORD_INCIDENT_CHANNEL: INCIDENTS,
      DISCORD_API_URL: discord.apiUrl,
      LOG_LEVEL: 'warn',
    };
    const first = await startUntilReady(env, port);
    await stop(first.child);
    const second = await startUntilReady(env, port);
    try {
      await sleep(IDLE_SECONDS * 1000);
      const status = await readFile(`/proc/${second.child.pid}/status`, 'utf8');
      const rssKiB = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
      if (!rssKiB) throw new Error('could not read the bot process resident memory');
      return {
        startToReadySeconds: second.seconds,
        firstStartToReadySeconds: first.seconds,
        idleRssMB: rssKiB / 1024,
      };
    } finally {
      await stop(second.child);
    }
  } finally {
    await slack.close();
    await discord.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function startUntilReady(
  env: Record<string, string>,
  port: number,
): Promise<{ child: ChildProcess; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const deadline = started + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`shieldwall start exited (${child.exitCode}): ${errors}`);
    const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (answer?.status === 200) return { child, seconds: (performance.now() - started) / 1000 };
    await sleep(10);
  }
  child.kill('SIGKILL');
  throw new Error(`shieldwall start was not ready within a minute: ${errors}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && key !== 'DATABASE_URL') copy[key] = value;
  return copy;
}
