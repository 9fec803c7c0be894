import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../src/capture/find-chromium.ts';
import { ALERT_FLAGS, ALERT_PACING, runAlertLatency, SPACING_MS } from './alert-latency.ts';
import { type BenchDatabase, openBenchDatabase } from './bench-database.ts';
import { CAPTURES, runCaptureCost } from './capture-cost.ts';
import { CONCURRENCY, FLAGS, runFlagThroughput } from './flag-throughput.ts';
import { INCIDENTS, OFFENDERS, seedLargeLedger } from './large-ledger.ts';
import { LOOKUPS, runLedgerQueries } from './ledger-queries.ts';
import { runProcessFootprint } from './process-footprint.ts';
import { ALERTS, BOUND_SECONDS, PACING, PLATFORM_LIMIT, runRallyFanout } from './rally-fanout.ts';
import { COLLECTIVES, countIncidents, LARGEST, MEDIAN, seedSharedLedger } from './shared-ledger.ts';
import { accountsKnownToSeveral, runSharedLedgerQueries } from './shared-ledger-queries.ts';
import { CONCURRENT, runSlackAckLatency } from './slack-ack-latency.ts';
import { runSlackAckWithCapture } from './slack-ack-with-capture.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Run only some benchmarks, e.g. BENCH_ONLY=B3,B4. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((id) => id.trim().toUpperCase());

interface Figure {
  id: string;
  database: string;
  measured: string;
  /** The figure the goal is about, as a ratio: to the side-by-side baseline, or to the goal's own bound. */
  ratio: number;
  goal: string;
  met: boolean;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const wanted = (id: string) => !ONLY || ONLY.includes(id);
/** B2c (B2 with page capture on) runs with B2, and B8 on its own; both need a browser, and are left out without one. */
const haveBrowser = !('missing' in (await findChromium(process.env.CHROMIUM_PATH)));
if (!haveBrowser && (wanted('B2') || wanted('B2C') || wanted('B8')))
  console.warn('No Chromium (see CHROMIUM_PATH): B2c and B8 are left out.');

async function repeat<T>(work: (run: number) => Promise<T>): Promise<T[]> {
  const runs: T[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await work(run));
  return runs;
}

async function onDatabase(database: BenchDatabase): Promise<Figure[]> {
  const figures: Figure[] = [];
  const on = database.label;
  if (wanted('B1')) {
    const runs = await repeat((run) => runFlagThroughput(database, run));
    const ratio = median(runs.map((r) => r.ratio));
    figures.push({
      id: 'B1',
      database: on,
      measured:
        `${FLAGS} flags, ${CONCURRENCY} at once: core ${median(runs.map((r) => r.coreFlagsPerSecond)).toFixed(0)}/s, ` +
        `raw INSERT ${median(runs.map((r) => r.rawInsertsPerSecond)).toFixed(0)}/s`,
      ratio: round(ratio),
      goal: 'core/raw ≥ 0.5',
      met: ratio >= 0.5,
    });
  }
  if (wanted('B2')) {
    const runs = await repeat((run) => runSlackAckLatency(database, run));
    const p50 = median(runs.map((r) => r.shieldwall.p50));
    const p99 = median(runs.map((r) => r.shieldwall.p99));
    const bareP99 = median(runs.map((r) => r.bare.p99));
    const ratio = median(runs.map((r) => r.shieldwall.p99 / r.bare.p99));
    figures.push({
      id: 'B2',
      database: on,
      measured:
        `/flag ack, ${CONCURRENT} at once: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
        `bare Bolt p99 ${bareP99.toFixed(0)} ms; p99 ÷ bare by run ` +
        runs.map((r) => (r.shieldwall.p99 / r.bare.p99).toFixed(2)).join(', '),
      ratio: round(ratio),
      goal: 'p99 ≤ 300 ms and ≤ 1.5 × bare',
      met: p99 <= 300 && ratio <= 1.5,
    });
  }
  if (haveBrowser && (wanted('B2') || wanted('B2C'))) {
    const runs = await repeat((run) => runSlackAckWithCapture(database, run));
    const byRun = runs.map((r) => r.on.p99 / r.off.p99);
    const ratio = median(byRun);
    const onP99 = median(runs.map((r) => r.on.p99));
    figures.push({
      id: 'B2c',
      database: on,
      measured:
        `/flag ack, ${CONCURRENT} at once, page capture off vs on (2 captures a flag, the browser working ` +
        `through them): p99 off ${median(runs.map((r) => r.off.p99)).toFixed(0)} ms, ` +
        `on ${onP99.toFixed(0)} ms (p50 ${median(runs.map((r) => r.off.p50)).toFixed(0)}/` +
        `${median(runs.map((r) => r.on.p50)).toFixed(0)} ms); on ÷ off by run ` +
        `${byRun.map((r) => r.toFixed(2)).join(', ')}; captured by run's end ` +
        runs.map((r) => `${r.captured}/${r.requested}`).join(', '),
      ratio: round(ratio),
      goal: 'p99 on ÷ off ≤ 1.1',
      met: ratio <= 1.1,
    });
  }
  // Before B5: its 500 responders would otherwise be B7's candidates too.
  if (wanted('B7')) {
    const runs = await repeat((run) => runAlertLatency(database, run));
    const p50 = median(runs.map((r) => r.p50));
    const p99 = median(runs.map((r) => r.p99));
    figures.push({
      id: 'B7',
      database: on,
      measured:
        `/flag to its first alert at the fake Slack, ${ALERT_FLAGS} self-flags one at a time ` +
        `(≥ ${SPACING_MS} ms apart, pacing ${ALERT_PACING}/s): p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
        `p50/p99 by run ${runs.map((r) => `${r.p50.toFixed(0)}/${r.p99.toFixed(0)}`).join(', ')}`,
      ratio: round(p99 / 100),
      goal: 'p99 ≤ 100 ms',
      met: p99 <= 100,
    });
  }
  if (wanted('B5')) {
    const runs = await repeat((run) => runRallyFanout(database, run));
    const seconds = median(runs.map((r) => r.seconds));
    figures.push({
      id: 'B5',
      database: on,
      measured:
        `${ALERTS} alerts at a fake limit of ${PLATFORM_LIMIT}/s (pacing ${PACING}/s): ${seconds.toFixed(2)} s, ` +
        `${Math.max(...runs.map((r) => r.rateLimited))} rate-limited`,
      ratio: round(seconds / BOUND_SECONDS),
      goal: `≤ 1.15 × ${BOUND_SECONDS} s`,
      met: seconds / BOUND_SECONDS <= 1.15,
    });
  }
  if (wanted('B3') || wanted('B4')) {
    const started = performance.now();
    await seedLargeLedger(database.pool);
    const seedSeconds = (performance.now() - started) / 1000;
    const runs = await repeat(() => runLedgerQueries(database));
    const lookupP99 = median(runs.map((r) => r.lookupP99Ms));
    const digest = median(runs.map((r) => r.digestMedianMs));
    const size = `${(INCIDENTS / 1e6).toFixed(1)}M incidents, ${(OFFENDERS / 1e3).toFixed(0)}k offenders (seeded in ${seedSeconds.toFixed(0)} s)`;
    figures.push({
      id: 'B3',
      database: on,
      measured: `/offender, ${LOOKUPS} random accounts, ${size}: p50 ${median(runs.map((r) => r.lookupP50Ms)).toFixed(1)} ms, p99 ${lookupP99.toFixed(1)} ms`,
      ratio: round(lookupP99 / 5),
      goal: 'p99 ≤ 5 ms',
      met: lookupP99 <= 5,
    });
    figures.push({
      id: 'B4',
      database: on,
      measured: `/digest for this week, ${size}: ${digest.toFixed(0)} ms`,
      ratio: round(digest / 1000),
      goal: '≤ 1000 ms',
      met: digest <= 1000,
    });
  }
  return figures;
}

const millions = (n: number) => `${(n / 1e6).toFixed(n < 1e6 ? 2 : 1)}M`;
/** B9's goal that a digest's cost follows its collective's week: the same week, ten times the shared ledger. */
const GROWTH_BOUND = 1.25;
/** B9's /offender asks are spread over this many accounts, chosen at random at each size. */
const LOOKUP_ACCOUNTS = 500;

/**
 * B9 on a fresh database of its own: fifty collectives sharing one ledger, measured at the smaller size, then
 * grown to the full size around the same measured collectives' incidents and measured again.
 */
async function onSharedLedger(database: BenchDatabase): Promise<Figure[]> {
  const on = database.label;
  let started = performance.now();
  const ledger = await seedSharedLedger(database.pool);
  const smallSeed = (performance.now() - started) / 1000;
  const small = await countIncidents(database.pool);
  // Accounts the median collective met and several others know at each size, as its lead would look them up.
  let accounts = 0;
  const measure = async () => {
    const handles = await accountsKnownToSeveral(database.pool, MEDIAN, LOOKUP_ACCOUNTS);
    accounts = handles.length;
    return repeat(() => runSharedLedgerQueries(database, MEDIAN, handles, [MEDIAN, LARGEST]));
  };
  const before = await measure();
  started = performance.now();
  await ledger.grow();
  const growSeed = (performance.now() - started) / 1000;
  const full = await countIncidents(database.pool);
  const after = await measure();
  const sizes = `${millions(small)} → ${millions(full)} incidents`;
  const p99 = (runs: typeof after) => median(runs.map((r) => r.lookupP99Ms));
  const p50 = (runs: typeof after) => median(runs.map((r) => r.lookupP50Ms));
  const figures: Figure[] = [
    {
      id: 'B9',
      database: on,
      measured:
        `/offender via ${MEDIAN}'s bot, ${LOOKUPS} asks of ${accounts} accounts known to ≥ 3 of ` +
        `${COLLECTIVES} collectives (seeded in ${smallSeed.toFixed(0)} + ${growSeed.toFixed(0)} s): at ` +
        `${millions(full)} p50 ${p50(after).toFixed(1)} ms, p99 ${p99(after).toFixed(1)} ms; at ${millions(small)} ` +
        `p50 ${p50(before).toFixed(1)} ms, p99 ${p99(before).toFixed(1)} ms`,
      ratio: round(p99(after) / 5),
      goal: 'p99 ≤ 5 ms',
      met: p99(after) <= 5,
    },
  ];
  for (const [label, id] of [
    ['median', MEDIAN],
    ['largest', LARGEST],
  ] as const) {
    const own = await countIncidents(database.pool, id);
    const ms = (runs: typeof after) => median(runs.map((r) => r.digestMs[id] ?? Number.NaN));
    const byRun = after.map(
      (r, i) => (r.digestMs[id] ?? Number.NaN) / (before[i]?.digestMs[id] ?? Number.NaN),
    );
    const growth = median(byRun);
    figures.push({
      id: 'B9',
      database: on,
      measured:
        `digest of last week, ${label} collective ${id} (${(own / 1e3).toFixed(0)}k incidents), ${sizes}: ` +
        `${ms(before).toFixed(0)} → ${ms(after).toFixed(0)} ms; ÷ by run ${byRun.map((r) => r.toFixed(2)).join(', ')}`,
      ratio: round(ms(after) / 500),
      goal: `≤ 500 ms, and ≤ ${GROWTH_BOUND} × at ${millions(small)}`,
      met: ms(after) <= 500 && growth <= GROWTH_BOUND,
    });
  }
  return figures;
}

/**
 * `npm run bench`: each figure a median over several runs, printed as a table and written as JSON. Goals
 * against a baseline are ratios measured side by side in the same run, so a busy machine moves both sides.
 * On the embedded PostgreSQL, and on the server in BENCH_DATABASE_URL when it is set.
 */
async function main(): Promise<void> {
  const figures: Figure[] = [];
  const databases = [undefined, process.env.BENCH_DATABASE_URL].filter((url, i) => i === 0 || url);
  for (const url of databases) {
    const database = await openBenchDatabase(url);
    try {
      figures.push(...(await onDatabase(database)));
    } finally {
      await database.close();
    }
    if (wanted('B9')) {
      const shared = await openBenchDatabase(url);
      try {
        figures.push(...(await onSharedLedger(shared)));
      } finally {
        await shared.close();
      }
    }
  }
  if (wanted('B6')) {
    const runs = await repeat(() => runProcessFootprint());
    const rss = median(runs.map((r) => r.idleRssMB));
    const ready = median(runs.map((r) => r.startToReadySeconds));
    const firstReady = median(runs.map((r) => r.firstStartToReadySeconds));
    figures.push({
      id: 'B6',
      database: 'embedded',
      measured: `idle with Slack and Discord connected: ${rss.toFixed(0)} MB resident`,
      ratio: round(rss / 150),
      goal: '≤ 150 MB',
      met: rss <= 150,
    });
    figures.push({
      id: 'B6',
      database: 'embedded',
      measured: `start to ready: ${ready.toFixed(2)} s (first start, with initdb: ${firstReady.toFixed(2)} s)`,
      ratio: round(ready / 2),
      goal: '≤ 2 s',
      met: ready <= 2,
    });
  }
  if (haveBrowser && wanted('B8')) {
    const runs = await repeat((run) => runCaptureCost(run));
    const p50 = median(runs.map((r) => r.p50Seconds));
    const p90 = median(runs.map((r) => r.p90Seconds));
    const peak = median(runs.map((r) => r.peak.pssMB));
    const first = runs[0];
    const page = first
      ? `${first.pageKB.toFixed(0)} KB page, ${first.screenshot.width}×${first.screenshot.height} PNG of ` +
        `${first.screenshot.kB.toFixed(0)} KB`
      : '';
    figures.push({
      id: 'B8',
      database: 'none',
      measured:
        `capture of a post page on loopback (${page}), ${CAPTURES} one after another: p50 ${p50.toFixed(2)} s, ` +
        `p90 ${p90.toFixed(2)} s; longest event-loop stall ` +
        `${median(runs.map((r) => r.eventLoopMaxMs)).toFixed(0)} ms; p50/p90 by run ` +
        runs.map((r) => `${r.p50Seconds.toFixed(2)}/${r.p90Seconds.toFixed(2)}`).join(', '),
      ratio: round(p90 / 5),
      goal: 'p90 ≤ 5 s',
      met: p90 <= 5,
    });
    figures.push({
      id: 'B8',
      database: 'none',
      measured:
        `browser memory, PSS summed over its processes: peak while capturing ${peak.toFixed(0)} MB ` +
        `(RSS summed ${median(runs.map((r) => r.peak.rssMB)).toFixed(0)} MB), warm and idle ` +
        `${median(runs.map((r) => r.idle.pssMB)).toFixed(0)} MB (RSS ${median(runs.map((r) => r.idle.rssMB)).toFixed(0)} MB)`,
      ratio: round(peak / 400),
      goal: 'peak PSS ≤ 400 MB',
      met: peak <= 400,
    });
  }
  console.table(figures);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((load) => round(load, 2)),
  };
  const file = path.resolve('bench-results.json');
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, machine, figures }, null, 2)}\n`,
  );
  console.log(`Written to ${file}`);
}

await main();
process.exit(0);
