import { createHash } from 'node:crypto';
import type { AccountRef } from '../core/post-url/types.ts';
import { incidentReference } from '../core/reference.ts';
import type { EvidencePack } from './evidence-pack.ts';
import { localDay } from './evidence-time.ts';
import type { ExportFormat } from './export-request.ts';

/**
 * `shieldwall-evidence-x-sometroll-2026-11-21.pdf`, `shieldwall-evidence-name-jo-bloggs-2026-11-21.pdf` or
 * `shieldwall-evidence-SW-12-2026-11-21.pdf`: what it is about and the collective's day, in characters every
 * file system and email client accepts.
 */
export function packFileName(pack: EvidencePack, format: ExportFormat): string {
  const about =
    pack.subject.kind === 'offender' ? accountPart(pack.subject.account) : incidentReference(pack.subject.id);
  return `shieldwall-evidence-${about}-${localDay(pack.generatedAt, pack.timezone)}.${format}`;
}

function accountPart(account: AccountRef): string {
  // A person known by name is asked for as name:…, so the file says so too.
  const prefix = account.platform === 'offline' ? 'name' : account.platform;
  const handle = safe(account.handle);
  // A name in another script leaves nothing once folded to ASCII: a short hash of it keeps two names apart.
  const key = handle === '' ? createHash('sha256').update(account.handle).digest('hex').slice(0, 10) : handle;
  return `${prefix}-${key}`.slice(0, 80).replace(/[-.]+$/, '');
}

function safe(text: string): string {
  return (
    text
      // Accents fold to their letter (Zoë becomes zoe) rather than splitting the name at them.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
  );
}
