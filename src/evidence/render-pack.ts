import type { EvidencePack } from './evidence-pack.ts';
import type { ExportFormat } from './export-request.ts';
import { renderJson } from './render-json.ts';

/**
 * The pack's bytes in the format asked for; nothing is written until all of them exist. The PDF and CSV
 * libraries are loaded on the first export that needs them: most days nobody exports, and the running bot
 * stays smaller without them (B6 in `npm run bench`).
 */
export async function renderPack(pack: EvidencePack, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return (await import('./render-pdf.ts')).renderPdf(pack);
    case 'json':
      return renderJson(pack);
    case 'csv':
      return (await import('./render-csv.ts')).renderCsv(pack);
  }
}
