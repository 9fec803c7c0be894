#!/usr/bin/env node
// Runs the bundle in dist/ (see scripts/build.mjs) while it is newer than every source file; otherwise, after an
// edit without a rebuild, the TypeScript sources themselves through tsx. Either way there is no step to forget.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// `capture-worker` is the bot's own capture process (src/capture/capture-process.ts): a small entry of its own,
// without the platforms' libraries.
const worker = process.argv[2] === 'capture-worker';
const bundle = path.join(root, 'dist', worker ? 'capture-worker.js' : 'main.js');

function newestSource() {
  let newest = 0;
  for (const dir of ['src', 'adapters']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(worker ? '../src/capture/capture-worker-main.ts' : '../src/cli/main.ts');
}
