import { inflateSync } from 'node:zlib';

/**
 * The text lines of a pdfkit PDF, read back without a PDF library: each content stream is inflated and every
 * `[<hex> kern <hex>] TJ` operator (one drawn line) is decoded from the standard fonts' one-byte encoding.
 */
export function pdfLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) =>
        Buffer.from(hex[1] ?? '', 'hex').toString('latin1'),
      );
      lines.push(pieces.join(''));
    }
  }
  return lines;
}
