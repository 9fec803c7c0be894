import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/**
 * One Shieldwall process per data directory: a second one would stop the first one's embedded server. The lock
 * is a pid file created exclusively; a file left by a dead process is taken over.
 */
export async function acquireInstanceLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'shieldwall.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new Error(
          `Another Shieldwall (process ${owner}) is already running on ${dataDir}. Stop it first, or set ` +
            'SHIELDWALL_DATA_DIR to another directory.',
        );
      }
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock file ${file}; check that the directory is writable.`);
}
