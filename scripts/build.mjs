// Bundles the TypeScript into dist/ with esbuild, so `shieldwall start` loads one prebuilt module graph instead
// of transpiling some two hundred modules through tsx at every start: measured in `npm run bench` (B6), it
// starts faster and stays smaller. Runs on `npm install`/`npm ci` (prepare), `npm start`, `npm run bench` and
// `npm run build`; bin/shieldwall.mjs uses dist/ only while it is newer than every source file, and tsx otherwise.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'src/cli/main.ts');
const dist = path.join(root, 'dist');
// Installing the dependencies alone (the container's first stage) has no sources to build yet.
if (existsSync(entry)) {
  // Built aside, then moved in file by file (a rename replaces a file at once), chunks before main.js: a bot
  // starting meanwhile reads the old bundle or the new one, never half of one. Old chunks stay, because a bot
  // already running loads its chunks (the PDF, the chart) later, by the names it was built with.
  const staging = path.join(dist, `.build-${process.pid}`);
  mkdirSync(dist, { recursive: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { main: entry, 'capture-worker': path.join(root, 'src/capture/capture-worker-main.ts') },
      bundle: true,
      // Modules the code imports only when needed (the PDF, the chart, the embedded server) stay separate
      // files, loaded only when needed, as they are when running from the sources.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outdir: staging,
      logLevel: 'warning',
    });
    const files = readdirSync(staging).sort((a, b) => Number(a === 'main.js') - Number(b === 'main.js'));
    for (const file of files) renameSync(path.join(staging, file), path.join(dist, file));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
