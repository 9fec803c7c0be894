import type { EvidenceExporter } from '../core/evidence-port.ts';
import type { EvidenceSource } from '../core/evidence-source.ts';
import { DEFAULT_LANGUAGE } from '../core/i18n/language.ts';
import { translator } from '../core/i18n/translator.ts';
import { ok } from '../core/result.ts';
import type { CollectiveSettings } from '../core/settings.ts';
import { subjectTitle } from './evidence-labels.ts';
import { parseExportRequest } from './export-request.ts';
import { loadEvidence } from './load-evidence.ts';
import { packFileName } from './pack-file-name.ts';
import { renderPack } from './render-pack.ts';
import { sha256Hex } from './sha256.ts';

/** The same packs as `shieldwall export`, for `/export` in chat: built in memory, never written to disk. */
export function createEvidenceExporter(
  source: EvidenceSource,
  settings: CollectiveSettings,
): EvidenceExporter {
  return {
    async export(query) {
      const t = translator(query.askerLanguage ?? DEFAULT_LANGUAGE);
      const request = parseExportRequest(
        {
          ...(query.offender !== undefined ? { offender: query.offender } : {}),
          ...(query.incident !== undefined ? { incident: query.incident } : {}),
          ...(query.lang !== undefined ? { lang: query.lang } : {}),
          format: query.format,
          revealReporters: query.revealReporters,
        },
        t,
      );
      if (!request.ok) return request;
      const pack = await loadEvidence(source, request.value.subject, {
        reporters: request.value.revealReporters ? 'named' : 'anonymised',
        timezone: settings.timezone,
        collectiveName: settings.collectiveName,
        now: new Date(),
        language: request.value.language,
        t,
        pageImages: request.value.format === 'pdf',
      });
      if (!pack.ok) return pack;
      const data = await renderPack(pack.value, request.value.format);
      return ok({
        filename: packFileName(pack.value, request.value.format),
        data,
        sha256: sha256Hex(data),
        // Said in the lead's reply, so in their language, whatever the pack's.
        about: subjectTitle(pack.value, t),
        incidents: pack.value.incidents.length,
        format: request.value.format,
        language: request.value.language,
      });
    },
  };
}
