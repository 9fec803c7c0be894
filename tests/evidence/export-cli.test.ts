import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidencePackJsonSchema } from '../../src/evidence/evidence-json-schema.ts';
import { BIN } from '../support/bot-process.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { CALLER, seedEveryKindOfAttack, seedEvidence, TARGET_TRACES } from './seed-evidence.ts';

const t = useFreshLedger();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-export-'));
  await seedEvidence(t.db, t.bot);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `npx shieldwall export …` as a lead runs it, in `dir`, on the test database. */
async function shieldwall(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'export', ...args], {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        SHIELDWALL_PSEUDONYM_KEY: t.db.pseudonymKey,
        SHIELDWALL_TIMEZONE: 'America/Chicago',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SHA_LINE = /^SHA-256 ([0-9a-f]{64}) {2}(.+)$/m;

describe('shieldwall export', () => {
  it('writes a PDF named after the account and the day, and prints its SHA-256', async () => {
    const run = await shieldwall('--offender', 'x:sometroll');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Wrote the evidence pack about @SomeTroll on X (Twitter) (2 incidents, PDF).',
    );
    const [, hash, file] = SHA_LINE.exec(run.stdout) ?? [];
    expect(file).toMatch(/^shieldwall-evidence-x-sometroll-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(await readdir(dir)).toEqual([file]);
    const pdf = await readFile(path.join(dir, file ?? ''));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(hash).toBe(sha256(pdf));

    // A second pack the same day never replaces the first.
    const again = await shieldwall('--offender', 'x:sometroll', '--format', 'csv');
    expect(again.code, again.stderr).toBe(0);
    expect(SHA_LINE.exec(again.stdout)?.[2]).toMatch(
      /^shieldwall-evidence-x-sometroll-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const third = await shieldwall('--offender', 'x:sometroll');
    expect(SHA_LINE.exec(third.stdout)?.[2]).toBe(file?.replace('.pdf', '-2.pdf'));
    expect(await readFile(path.join(dir, file ?? ''))).toEqual(pdf);
  }, 60_000);

  it('writes JSON for one incident where --out says, and never the person attacked', async () => {
    const run = await shieldwall(
      '--incident',
      'SW-1',
      '--format',
      'json',
      '--out',
      'sw-1.json',
      '--reveal-reporters',
    );
    expect(run.code, run.stderr).toBe(0);
    const bytes = await readFile(path.join(dir, 'sw-1.json'));
    expect(SHA_LINE.exec(run.stdout)?.slice(1)).toEqual([sha256(bytes), 'sw-1.json']);
    const json = evidencePackJsonSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(json.incidents.map((incident) => incident.reference)).toEqual(['SW-1']);
    expect(json.reporters).toBe('named');
    for (const name of TARGET_TRACES) expect(bytes.toString('utf8')).not.toContain(name);
  }, 60_000);

  it('writes the pack about a caller known only by name, named after the name', async () => {
    await seedEveryKindOfAttack(t.bot);
    const run = await shieldwall('--offender', `name:${CALLER}`, '--format', 'csv');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote the evidence pack about ${CALLER} (1 incident, CSV).`);
    const file = SHA_LINE.exec(run.stdout)?.[2];
    expect(file).toMatch(/^shieldwall-evidence-name-jo-bloggs-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(path.join(dir, file ?? ''))).toString('utf8');
    expect(csv).toContain('Phone call or text');
    for (const name of TARGET_TRACES) expect(csv).not.toContain(name);
  }, 60_000);

  it.each([
    [['--incident', 'SW-99'], 'There is no incident SW-99 in the ledger.'],
    [['--offender', 'x:nobody'], 'The ledger has no account matching "x:nobody".'],
    [['--offender', 'x:sometroll', '--format', 'docx'], '"docx" is not a format I can write.'],
    [['--incident', 'twelve'], '"twelve" is not an incident reference.'],
    [[], 'Say what the pack is about'],
    [
      ['--incident', 'SW-1', '--out', 'no/such/folder/pack.pdf'],
      'does not exist; create it or choose another --out.',
    ],
  ])(
    'refuses %j kindly, with exit code 1, and writes nothing',
    async (args, message) => {
      const run = await shieldwall(...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
      expect(await readdir(dir)).toEqual([]);
    },
    60_000,
  );
});
