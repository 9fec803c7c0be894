import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '../../src/ledger/embedded-server.ts';
import { createLogger } from '../../src/log/logger.ts';
import { assertTestDatabaseUrl } from './test-database-name.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

/**
 * One PostgreSQL for the whole run: the server in TEST_DATABASE_URL when set (CI), otherwise an embedded server
 * in a temporary directory. Each test file then makes its own database on it (see test-database.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertTestDatabaseUrl(serverUrl);
    project.provide('adminDatabaseUrl', serverUrl);
    project.provide('databaseKind', 'server');
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-test-'));
  await chmod(dir, 0o755); // as root the server runs as `postgres`, which must be able to enter it
  const server = await startEmbeddedServer(dir, createLogger('silent'));
  project.provide('adminDatabaseUrl', server.url);
  project.provide('databaseKind', 'embedded');
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
