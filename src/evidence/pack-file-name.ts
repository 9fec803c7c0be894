import { incidentReference } from '../core/reference.ts';
import type { EvidencePack } from './evidence-pack.ts';
import { localDay } from './evidence-time.ts';
import type { ExportFormat } from './export-request.ts';

/**
 * `shieldwall-evidence-x-sometroll-2026-11-21.pdf` or `shieldwall-evidence-SW-12-2026-11-21.pdf`: what it is
 * about and the collective's day, in characters every file system and email client accepts.
 */
export function packFileName(pack: EvidencePack, format: ExportFormat): string {
  const about =
    pack.subject.kind === 'offender'
      ? `${pack.subject.account.platform}-${pack.subject.account.handle}`
      : incidentReference(pack.subject.id);
  const safe = about
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `shieldwall-evidence-${safe}-${localDay(pack.generatedAt, pack.timezone)}.${format}`;
}
