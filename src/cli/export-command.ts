import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import type { UserError } from '../core/result.ts';
import { subjectTitle } from '../evidence/evidence-labels.ts';
import { type ExportOptions, parseExportRequest } from '../evidence/export-request.ts';
import { loadEvidence } from '../evidence/load-evidence.ts';
import { packFileName } from '../evidence/pack-file-name.ts';
import { renderPack } from '../evidence/render-pack.ts';
import { sha256Hex } from '../evidence/sha256.ts';
import { writePackFile } from '../evidence/write-pack-file.ts';
import { createPgEvidenceSource } from '../ledger/evidence-records.ts';
import { chooseCollective } from './choose-collective.ts';
import { cliTranslator } from './cli-language.ts';
import { openLedgerForCommand } from './open-ledger.ts';

/** `shieldwall export`: an evidence pack about an offender or one incident, for platforms, police or counsel. */
export function registerExportCommand(program: Command): void {
  const t = cliTranslator();
  program
    .command('export')
    .description(t('cli.help.export'))
    .option('--offender <account>', t('cli.help.export.offender'))
    .option('--incident <reference>', t('cli.help.export.incident'))
    .option('--format <format>', t('cli.help.export.format'), 'pdf')
    .option('--out <file>', t('cli.help.export.out'))
    .option('--reveal-reporters', t('cli.help.export.reveal'))
    .option('--lang <language>', t('cli.help.export.lang'))
    .option('--collective <id>', t('cli.help.collective'))
    .addHelpText(
      'after',
      `\n${t('cli.help.export.after')}\n` +
        '  npx shieldwall export --offender x:sometroll\n' +
        '  npx shieldwall export --incident SW-12 --format json --out sw-12.json\n' +
        '  npx shieldwall export --incident SW-12 --lang fr',
    )
    .action(exportPack);
}

async function exportPack(options: ExportOptions): Promise<void> {
  const problem = await writeEvidencePack(options);
  if (problem) {
    process.stderr.write(`${problem.message}\n`);
    // Not process.exitCode: the embedded server's exit hook ends the process with 0 once the loop is empty.
    process.exit(1);
  }
}

/** Writes the pack and prints its hash, or returns what was wrong with the request (and writes nothing). */
async function writeEvidencePack(options: ExportOptions): Promise<UserError | undefined> {
  // Problems in the collective's language; the pack in --lang, else in that same language.
  const t = cliTranslator();
  const request = parseExportRequest(options, t);
  if (!request.ok) return request.error;
  const config = loadConfig();
  const { database, log } = await openLedgerForCommand(config);
  try {
    const { id, settings } = chooseCollective(config, options.collective, t);
    const pack = await loadEvidence(createPgEvidenceSource(database.pool, id), request.value.subject, {
      reporters: request.value.revealReporters ? 'named' : 'anonymised',
      timezone: settings.timezone,
      collectiveName: settings.collectiveName,
      now: new Date(),
      language: request.value.language,
      t,
      pageImages: request.value.format === 'pdf',
    });
    if (!pack.ok) return pack.error;
    const { format, out } = request.value;
    const bytes = await renderPack(pack.value, format);
    const written = await writePackFile(bytes, out, packFileName(pack.value, format), t);
    if (!written.ok) return written.error;
    // Counts only: the log never holds who or what a pack is about.
    log.info(
      { format, incidents: pack.value.incidents.length, bytes: bytes.length },
      'evidence pack written',
    );
    const said = t('cli.export.written', {
      about: subjectTitle(pack.value, t),
      count: pack.value.incidents.length,
      format: format.toUpperCase(),
    });
    process.stdout.write(`${said}\n`);
    // sha256sum's own format, so `sha256sum -c` can check the file later.
    process.stdout.write(`SHA-256 ${sha256Hex(bytes)}  ${written.value}\n`);
    return undefined;
  } finally {
    await database.close();
  }
}
