import type { EvidencePack } from './evidence-pack.ts';
import type { ExportFormat } from './export-request.ts';
import { renderCsv } from './render-csv.ts';
import { renderJson } from './render-json.ts';
import { renderPdf } from './render-pdf.ts';

/** The pack's bytes in the format asked for; nothing is written until all of them exist. */
export async function renderPack(pack: EvidencePack, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(pack);
    case 'json':
      return renderJson(pack);
    case 'csv':
      return renderCsv(pack);
  }
}
