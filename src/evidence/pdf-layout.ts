import PDFDocument from 'pdfkit';
import { toWinAnsi } from './pdf-text.ts';

// A4 with 2 cm margins left and right: it also prints whole on US Letter, which is 6 mm wider and 18 mm shorter.
export const PAGE = { size: 'A4' as const, margin: 57, top: 54, bottom: 70 };
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
export const INK = { text: '#1a1a1a', muted: '#555555', rule: '#9aa5b1', fill: '#eef2f6', quote: '#f6f6f4' };
const LINE_GAP = 2;
const FIELD_GAP = 4;
const LABEL_STYLE = { font: FONT.bold, size: 9, color: INK.muted };
const VALUE_STYLE = { size: 10 };

interface Size {
  width: number;
  height: number;
}

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  link?: string | undefined;
}

/**
 * A thin layer over pdfkit that lays text out top to bottom: it measures before it draws, so a labelled field,
 * a box and its text never split across a page break, and every string goes through the font's character set.
 */
export class PdfFlow {
  readonly doc: PDFKit.PDFDocument;
  /** Characters changed to fit the font, since the last reset: the caller says so next to the text. */
  changed = 0;

  constructor(info: PDFKit.DocumentInfo) {
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: { left: PAGE.margin, right: PAGE.margin, top: PAGE.top, bottom: PAGE.bottom },
      bufferPages: true,
      info,
      displayTitle: true,
      lang: 'en',
    });
    this.doc.fillColor(INK.text);
  }

  get left(): number {
    return PAGE.margin;
  }

  get width(): number {
    return this.doc.page.width - 2 * PAGE.margin;
  }

  get bottom(): number {
    return this.doc.page.height - PAGE.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  /** Font-safe text; counts what had to change. */
  safe(text: string): string {
    const folded = toWinAnsi(text);
    this.changed += folded.changed;
    return folded.text;
  }

  height(text: string, width: number, style: TextStyle = {}): number {
    this.apply(style);
    return this.doc.heightOfString(this.safeQuiet(text), { width, lineGap: LINE_GAP });
  }

  /** Starts a new page unless `needed` points fit below the current position. */
  ensureSpace(needed: number): void {
    // At the top of a page already, a new page would only add a blank one.
    if (this.doc.y + needed > this.bottom && this.doc.y > PAGE.top + 1) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** A paragraph across the full width (or `width` from `x`), moving down past it. */
  text(text: string, style: TextStyle = {}, x = this.left, width = this.width): void {
    const h = this.height(text, width, style);
    this.ensureSpace(h);
    const y = this.doc.y;
    this.draw(text, x, y, width, style);
    this.doc.y = y + h;
  }

  /** Draws at a fixed place without moving the flow; the caller has measured. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle = {}): void {
    this.apply(style);
    const link = style.link && /^https?:\/\//i.test(style.link) ? style.link : undefined;
    this.doc.text(this.safe(text), x, y, { width, lineGap: LINE_GAP, ...(link ? { link } : {}) });
  }

  /** A label on the left and its value beside it, kept together on one page. */
  field(label: string, value: string, valueStyle: TextStyle = {}, labelWidth = 118): void {
    const h = this.fieldHeight(label, value, this.width, valueStyle, labelWidth);
    this.ensureSpace(h);
    const y = this.doc.y;
    this.doc.y = y + this.drawField(this.left, y, this.width, label, value, valueStyle, labelWidth);
  }

  fieldHeight(
    label: string,
    value: string,
    width: number,
    valueStyle: TextStyle = {},
    labelWidth = 118,
  ): number {
    const labelHeight = this.height(label, labelWidth - 8, LABEL_STYLE);
    const valueHeight = this.height(value, width - labelWidth, { ...VALUE_STYLE, ...valueStyle });
    return Math.max(labelHeight, valueHeight) + FIELD_GAP;
  }

  /** Draws a field at a fixed place (inside a box) and returns the height it took. */
  drawField(
    x: number,
    y: number,
    width: number,
    label: string,
    value: string,
    valueStyle: TextStyle = {},
    labelWidth = 118,
  ): number {
    const h = this.fieldHeight(label, value, width, valueStyle, labelWidth);
    this.draw(label, x, y + 0.5, labelWidth - 8, LABEL_STYLE);
    this.draw(value, x + labelWidth, y, width - labelWidth, { ...VALUE_STYLE, ...valueStyle });
    return h;
  }

  /** A filled rectangle with a rule on its left edge, and `drawInside` laid out within it. */
  box(
    height: number,
    options: { fill: string; rule?: string; border?: string; padding: number },
    drawInside: (x: number, y: number, width: number) => void,
  ): void {
    const total = height + 2 * options.padding;
    this.ensureSpace(total);
    const y = this.doc.y;
    this.doc.save();
    this.doc.rect(this.left, y, this.width, total).fill(options.fill);
    if (options.border) this.doc.rect(this.left, y, this.width, total).lineWidth(0.75).stroke(options.border);
    if (options.rule) this.doc.rect(this.left, y, 3, total).fill(options.rule);
    this.doc.restore();
    drawInside(
      this.left + options.padding + (options.rule ? 3 : 0),
      y + options.padding,
      this.width - 2 * options.padding - (options.rule ? 3 : 0),
    );
    this.doc.y = y + total;
  }

  /**
   * An image (PNG or JPEG) across the full width, with a thin frame. It goes on the next page when it would fit
   * there but not here; a full-page screenshot taller than a page continues, cut at the page's foot, on as many
   * pages as it needs, never shrunk to an unreadable strip. The image is stored once in the file however many
   * pages show it. Throws when the bytes are no image pdfkit can read.
   */
  image(data: Uint8Array, continued: string): void {
    // pdfkit opens an image once and draws that many times (image() takes what openImage() gives), but its
    // types know only image().
    const doc = this.doc as PDFKit.PDFDocument & { openImage(src: Buffer): Size };
    const image = doc.openImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const opened = image as unknown as Buffer;
    const height = (image.height * this.width) / image.width;
    const page = this.bottom - PAGE.top;
    if (height <= page) this.ensureSpace(height);
    // Less than a fifth of a page left: the slice here would be too thin to read.
    else this.ensureSpace(page / 5);
    let shown = 0;
    while (shown < height) {
      if (shown > 0) {
        this.doc.addPage();
        this.text(continued, { font: FONT.italic, size: 8.5, color: INK.muted });
        this.gap(3);
      }
      const y = this.doc.y;
      // At least a point, so the loop always ends even if the flow was left below the foot of the page.
      const slice = Math.max(1, Math.min(height - shown, this.bottom - y));
      this.doc.save();
      this.doc.rect(this.left, y, this.width, slice).clip();
      this.doc.image(opened, this.left, y - shown, { width: this.width });
      this.doc.restore();
      this.doc.save();
      this.doc.rect(this.left, y, this.width, slice).lineWidth(0.5).stroke(INK.rule);
      this.doc.restore();
      this.doc.y = y + slice;
      shown += slice;
    }
  }

  /** Runs `draw` on every page once the content is laid out (footers with "page n of m"). */
  eachPage(draw: (page: number, pages: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing in the bottom margin would otherwise make pdfkit start a new page.
      const { bottom } = this.doc.page.margins;
      this.doc.page.margins.bottom = 0;
      draw(i - range.start + 1, range.count);
      this.doc.page.margins.bottom = bottom;
    }
  }

  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }

  private apply(style: TextStyle): void {
    this.doc
      .font(style.font ?? FONT.regular)
      .fontSize(style.size ?? 10)
      .fillColor(style.color ?? INK.text);
  }

  private safeQuiet(text: string): string {
    return toWinAnsi(text).text;
  }
}
