// Bundles the TypeScript into dist/ with esbuild, so `shieldwall start` loads one prebuilt module graph instead
// of transpiling some two hundred modules through tsx at every start: measured in `npm run bench` (B6), it
// starts faster and stays smaller. Runs on `npm install`/`npm ci` (prepare) and `npm run build`; bin/shieldwall.mjs
// uses dist/ only while it is newer than every source file, and tsx otherwise.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'src/cli/main.ts');
// Installing the dependencies alone (the container's first stage) has no sources to build yet.
if (existsSync(entry)) {
  // Chunk names carry content hashes: a build starts from an empty folder so old chunks do not pile up.
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: entry },
    bundle: true,
    // Modules the code imports only when needed (the PDF, the chart, the embedded server) stay separate files,
    // loaded only when needed, as they are when running from the sources.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: path.join(root, 'dist'),
    logLevel: 'warning',
  });
}
