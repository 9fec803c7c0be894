import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n/translator.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderWeeklyChart, weeklyChartDescription } from '../../src/digest/weekly-chart.ts';
import { createEvidenceExporter } from '../../src/evidence/evidence-exporter.ts';
import { CSV_COLUMNS } from '../../src/evidence/render-csv.ts';
import { sendDueDigests } from '../../src/jobs/weekly-digest.ts';
import { createPgEvidenceSource } from '../../src/ledger/evidence-records.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { pdfLines } from '../evidence/pdf-lines.ts';
import { seedEvidence } from '../evidence/seed-evidence.ts';
import { BIN } from '../support/bot-process.ts';
import { createHarness, lead, member, replyText, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { ENGLISH_WORDS, strayWords } from './stop-words.ts';

const ledger = useFreshLedger();
const french = { ...testSettings, language: 'fr' as const };

// What members and attackers wrote in the seeded ledger: quoted as they wrote it, in whatever language.
const QUOTED = ['he said', 'He wrote', 'see you soon', 'I saw it too', 'go back to', 'not about SomeTroll'];

/** The PDF's drawn lines, with Windows-1252's typographic marks read back as themselves, quotes left out. */
async function pdfProse(data: Uint8Array): Promise<string> {
  const marks: Record<string, string> = { '\x92': '’', '\x93': '“', '\x94': '”', '\x85': '…', '\x97': '—' };
  return pdfLines(Buffer.from(data))
    .map((line) => line.replace(/[\x85\x92-\x97]/g, (c) => marks[c] ?? c))
    .filter((line) => !QUOTED.some((quote) => line.includes(quote)))
    .join('\n');
}

async function flagWeek(run: ReturnType<typeof createHarness>['run'], clock: { now: Date }) {
  const flag = async (at: string, who: string, text: string) => {
    clock.now = new Date(at);
    await run(member(who), 'flag', text);
  };
  await flag('2026-11-10T15:00:00Z', 'ana', 'https://x.com/escalator/status/1 hate');
  await flag('2026-11-17T15:00:00Z', 'ben', 'https://x.com/escalator/status/2 hate');
  await flag('2026-11-17T16:00:00Z', 'cy', 'https://x.com/escalator/status/3 hate');
  await flag('2026-11-17T17:00:00Z', 'ana', 'https://x.com/newcomer/status/6 threat');
  await flag('2026-11-18T15:00:00Z', 'ben', 'phone by:"Jo Bloggs" threat he said he knows where I park');
  await flag('2026-11-19T16:00:00Z', 'dee', 'dm:instagram by:racistguy hate');
}

describe('the digest in the collective’s French', () => {
  it('/digest speaks French throughout, with no English sentence', async () => {
    const { run, clock } = createHarness(ledger.db, { settings: french });
    await flagWeek(run, clock);
    clock.now = new Date('2026-11-23T15:00:00Z');
    const reply = await run(lead('lea'), 'digest', '2026-W47');
    const text = replyText(reply);
    expect(text).toContain('Bilan de la semaine 2026-W47 (du 2026-11-16 au 2026-11-22) : 5 incidents.');
    expect(text).toContain(
      'Semaine précédente (2026-W46) : 1 incident (+4 par rapport à la semaine précédente).',
    );
    expect(text).toContain('Par catégorie');
    expect(text).toContain('Haine / propos racistes : 3 (+2 par rapport à la semaine précédente)');
    expect(text).toContain('Hors plateforme : 1');
    expect(text).toContain('@escalator sur X (Twitter) : 3 incidents visant 3 membres, dont 2 cette semaine');
    expect(text).toContain('Menace violente · Appel ou texto · ouvert depuis');
    expect(text).toContain('Menace violente sur X (Twitter) · ouvert depuis 5 jours');
    expect(text).toContain('Mobilisation');
    expect(strayWords(text, ENGLISH_WORDS)).toEqual([]);
    // The English digest is unchanged for an English collective.
    const english = createHarness(ledger.db);
    english.clock.now = new Date('2026-11-23T15:00:00Z');
    expect(replyText(await english.run(lead('lee'), 'digest', '2026-W47'))).toContain(
      'Digest for 2026-W47 (2026-11-16 to 2026-11-22): 5 incidents.',
    );
  });

  it('the scheduled digest and its chart are in French, with a French description for screen readers', async () => {
    const { run, clock } = createHarness(ledger.db, { settings: french });
    await flagWeek(run, clock);
    const sent: Reply[] = [];
    await sendDueDigests({
      ledger: createPgLedger(ledger.db.pool),
      settings: { ...french, timezone: 'UTC' },
      cron: '0 9 * * 1',
      now: () => new Date('2026-11-23T09:00:30Z'),
      destinations: () => ['test:local:leads'],
      send: async (_to, reply) => {
        sent.push(reply);
      },
    });
    const [reply] = sent;
    expect(reply?.title).toMatch(/^Bilan de la semaine 2026-W47/);
    expect(reply?.image?.description).toBe(
      'Incidents par semaine et par catégorie, les 12 semaines jusqu’à 2026-W47',
    );
    expect(strayWords(replyText(reply as Reply), ENGLISH_WORDS)).toEqual([]);
    expect(strayWords(weeklyChartDescription(translator('fr'), '2026-W47'), ENGLISH_WORDS)).toEqual([]);
    // The legend and title change with the language, so the pictures differ.
    const weeks = [{ label: '2026-W47', counts: { hate: 2, threat: 1 } }];
    const en = await renderWeeklyChart(weeks);
    const fr = await renderWeeklyChart(weeks, { t: translator('fr') });
    expect(fr.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(fr.equals(en)).toBe(false);
  });
});

describe('evidence packs in the language the lead asks for', () => {
  it('/export … --lang fr writes a French PDF, and answers the lead in their own language', async () => {
    await seedEvidence(ledger.db, ledger.bot);
    const reply = await ledger.bot.run(lead('lee'), 'export', 'x:sometroll pdf --lang fr');
    expect(reply.tone, reply.title).toBe('success');
    expect(reply.title).toMatch(/^The evidence pack about @SomeTroll on X \(Twitter\) \(2 incidents, PDF\)/);
    // Language-neutral file names.
    expect(reply.file?.filename).toMatch(/^shieldwall-evidence-x-sometroll-\d{4}-\d{2}-\d{2}\.pdf$/);
    const prose = await pdfProse(reply.file?.data ?? new Uint8Array());
    for (const words of [
      'DOSSIER DE PREUVES',
      'Attaques en ligne visant',
      'Comment lire ce',
      'Menace violente',
      'Gravité',
      'Réglé : Publication retirée',
      'Signalant 1',
      'Premier signalement',
      'Avertissement : propos injurieux (Menace violente)',
      'Captures d’écran',
      'Page 1 sur',
    ])
      expect(prose).toContain(words);
    expect(prose).toContain('2026-11-18 15:00:00 UTC');
    expect(strayWords(prose, ENGLISH_WORDS)).toEqual([]);
  });

  it('CSV and JSON keep their column names and keys, with French labels', async () => {
    await seedEvidence(ledger.db, ledger.bot);
    const frLead = lead('lea');
    await ledger.bot.run(frLead, 'language', 'fr');
    // A French lead gets a French pack without asking.
    const csvReply = await ledger.bot.run(frLead, 'export', 'x:sometroll csv');
    expect(csvReply.title).toMatch(/^Le dossier de preuves sur @SomeTroll sur X \(Twitter\)/);
    expect(strayWords(replyText(csvReply), ENGLISH_WORDS)).toEqual([]);
    const rows: Record<string, string>[] = parse(Buffer.from(csvReply.file?.data ?? []), {
      bom: true,
      columns: true,
    });
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row.category)).toContain('Menace violente');
    expect(rows.map((row) => row.outcome)).toContain('Publication retirée');
    expect(rows.map((row) => row.reporter)).toContain('Signalant 1');
    const labels = rows
      .flatMap((row) => [row.category, row.outcome, row.platform, row.screenshots])
      .join('\n');
    expect(strayWords(labels, ENGLISH_WORDS)).toEqual([]);

    const jsonReply = await ledger.bot.run(frLead, 'export', 'SW-1 json --lang fr');
    const json = JSON.parse(Buffer.from(jsonReply.file?.data ?? []).toString('utf8'));
    expect(json.format).toBe('shieldwall-evidence-pack');
    expect(json.incidents[0].category).toBe('threat');
    expect(json.incidents[0].categoryLabel).toBe('Menace violente');
    expect(json.incidents[0].resolution.outcomeLabel).toBe('Publication retirée');
    expect(json.generatedAt.utc).toMatch(/Z$/);
    // An English pack for an English-speaking platform, asked for by the French lead.
    const en = await ledger.bot.run(frLead, 'export', 'SW-1 json --lang en');
    const enJson = JSON.parse(Buffer.from(en.file?.data ?? []).toString('utf8'));
    expect(enJson.incidents[0].categoryLabel).toBe('Violent threat');
    expect(en.title).toMatch(/^Le dossier de preuves sur incident SW-1/);
  });

  it('refuses an unknown --lang in the lead’s language, and exports nothing', async () => {
    await seedEvidence(ledger.db, ledger.bot);
    const frLead = lead('lea');
    await ledger.bot.run(frLead, 'language', 'fr');
    const refused = await ledger.bot.run(frLead, 'export', 'x:sometroll --lang de');
    expect(refused.tone).toBe('error');
    expect(refused.file).toBeUndefined();
    expect(replyText(refused)).toContain(
      '« de » n’est pas une langue dans laquelle je peux produire un dossier. Utilisez --lang fr pour le français ou --lang en pour l’anglais.',
    );
    const english = await ledger.bot.run(lead('lee'), 'export', 'x:sometroll --lang klingon');
    expect(english.file).toBeUndefined();
    expect(replyText(english)).toContain('"klingon" is not a language I can write a pack in.');
    // The exporter refuses it too, for an option that did not come through the text parser.
    const exporter = createEvidenceExporter(createPgEvidenceSource(ledger.db.pool), testSettings);
    const direct = await exporter.export({
      incident: 'SW-1',
      format: 'pdf',
      revealReporters: false,
      lang: 'de',
      askerLanguage: 'fr',
    });
    expect(direct.ok).toBe(false);
    if (!direct.ok) expect(direct.error.message).toMatch(/^« de » n’est pas une langue/);
  });

  it('shieldwall export --lang fr writes a French pack, and refuses --lang xx in SHIELDWALL_LANGUAGE', async () => {
    await seedEvidence(ledger.db, ledger.bot);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-export-fr-'));
    const shieldwall = async (env: Record<string, string>, ...args: string[]) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'export', ...args], {
          cwd: dir,
          env: {
            ...process.env,
            DATABASE_URL: ledger.db.url,
            SHIELDWALL_PSEUDONYM_KEY: ledger.db.pseudonymKey,
            SHIELDWALL_TIMEZONE: 'America/Chicago',
            LOG_LEVEL: 'silent',
            ...env,
          },
          encoding: 'utf8',
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
      }
    };
    try {
      const written = await shieldwall({}, '--incident', 'SW-1', '--format', 'json', '--lang', 'fr');
      expect(written.stderr).toBe('');
      expect(written.stdout).toContain('Wrote the evidence pack about incident SW-1 (1 incident, JSON).');
      const [file] = await readdir(dir);
      expect(file).toMatch(/^shieldwall-evidence-SW-1-\d{4}-\d{2}-\d{2}\.json$/);
      const json = JSON.parse(await readFile(path.join(dir, file ?? ''), 'utf8'));
      expect(json.incidents[0].categoryLabel).toBe('Menace violente');
      await rm(path.join(dir, file ?? ''));

      const refused = await shieldwall({ SHIELDWALL_LANGUAGE: 'fr' }, '--incident', 'SW-1', '--lang', 'xx');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        '« xx » n’est pas une langue dans laquelle je peux produire un dossier.',
      );
      expect(await readdir(dir)).toEqual([]);

      // Commander's own words too: the help's titles, its help option and "default:".
      const help = await shieldwall({ SHIELDWALL_LANGUAGE: 'fr' }, '--help');
      expect(help.stdout).toContain('Syntaxe : shieldwall export [options]');
      expect(help.stdout).toContain('Options :');
      expect(help.stdout).toContain('(par défaut : "pdf")');
      expect(help.stdout).toContain('afficher l’aide de la commande');
      expect(strayWords(help.stdout, ENGLISH_WORDS)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
