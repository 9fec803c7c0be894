import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

/** Replies under the post: the page several screens tall, as a post with a thread under it is. */
const REPLIES = 20;
/**
 * Entries of the state a platform's page carries inline for its script (X's is a JSON blob of the thread and
 * its users): most of a real post page's few hundred KB of HTML, never shown.
 */
const STATE_ENTRIES = 700;
const AVATARS = 4;

/**
 * A site on loopback standing in for x.com in the capture benchmarks: every `/x.com/...` path answers a post page
 * shaped like a real one (a long thread, a stylesheet, a script, a banner and avatars from the same site), so a
 * capture downloads, lays out and screenshots about what it would on the platform. Its assets are built once.
 */
export class CaptureSite {
  readonly html: string;
  private readonly assets: Map<string, { type: string; body: Buffer }>;
  private constructor(private readonly server: http.Server) {
    this.html = postPage();
    this.assets = new Map([
      ['/static/site.css', { type: 'text/css', body: Buffer.from(STYLESHEET) }],
      ['/static/app.js', { type: 'text/javascript', body: Buffer.from(SCRIPT) }],
      ['/static/banner.png', { type: 'image/png', body: png(1200, 400, 1) }],
      ...Array.from({ length: AVATARS }, (_, i) => [
        `/static/avatar-${i}.png`,
        { type: 'image/png', body: png(96, 96, i + 2) },
      ]),
    ] as [string, { type: string; body: Buffer }][]);
  }

  static async start(): Promise<CaptureSite> {
    const site: CaptureSite = new CaptureSite(
      http.createServer((req, res) => site.answer(req.url ?? '', res)),
    );
    await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
    return site;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Bytes one capture of a page downloads: the HTML and every asset. */
  get pageBytes(): number {
    let bytes = Buffer.byteLength(this.html);
    for (const asset of this.assets.values()) bytes += asset.body.length;
    return bytes;
  }

  /** `https://x.com/i/status/1` → `http://127.0.0.1:port/x.com/i/status/1` (see CaptureWork.addressFor). */
  addressFor = (url: string): string => {
    const parsed = new URL(url);
    return `${this.origin}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
  };

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(url: string, res: http.ServerResponse): void {
    const asset = this.assets.get(url);
    if (asset) {
      res.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length });
      return void res.end(asset.body);
    }
    if (url.startsWith('/x.com/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(this.html);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such file');
  }
}

const STYLESHEET = `
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #fff; color: #0f1419; }
header { position: sticky; top: 0; background: #fffc; border-bottom: 1px solid #eff3f4; padding: 12px 16px; }
main { max-width: 600px; margin: 0 auto; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
.banner { width: 100%; height: auto; display: block; }
article { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
article img { width: 40px; height: 40px; border-radius: 50%; flex: none; }
article .name { font-weight: 700; } article .handle { color: #536471; }
article.post p { font-size: 23px; line-height: 1.3; }
.stats { color: #536471; display: flex; gap: 24px; margin-top: 8px; }
`;

// A little script, as on every platform page, that changes the page after it loads.
const SCRIPT = `
document.querySelectorAll('.stats').forEach((el, i) => { el.dataset.seen = String(i); });
document.body.classList.add('ready');
`;

/** Deterministic words, so every run lays out the same page. */
function words(seed: number, count: number): string {
  const vocabulary =
    'health vaccine study doctor nurse evidence data trial clinic public risk people claim source paper ' +
    'report read think thread reply share again never always really because about their would could ' +
    'measles dose immune answer question why how what when where agree wrong right lie truth';
  const list = vocabulary.split(' ');
  let state = seed * 2_654_435_761;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    out.push(list[state % list.length] as string);
  }
  return out.join(' ');
}

function postPage(): string {
  const reply = (i: number) =>
    `<article><img src="/static/avatar-${i % AVATARS}.png" alt=""><div>` +
    `<span class="name">Reader ${i}</span> <span class="handle">@reader${i}</span>` +
    `<p>${words(i + 1, 60)}</p><div class="stats"><span>${i * 3} replies</span><span>${i * 7} reposts</span>` +
    `<span>${i * 13} likes</span></div></div></article>`;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>BenchTroll on X</title>' +
    '<link rel="stylesheet" href="/static/site.css"><script defer src="/static/app.js"></script></head><body>' +
    '<header><strong>Post</strong></header><main><img class="banner" src="/static/banner.png" alt="">' +
    `<article class="post"><img src="/static/avatar-0.png" alt=""><div><span class="name">BenchTroll</span> ` +
    `<span class="handle">@benchtroll</span><p>${words(0, 60)}</p></div></article>` +
    Array.from({ length: REPLIES }, (_, i) => reply(i)).join('') +
    '</main><script type="application/json" id="initial-state">' +
    JSON.stringify(
      Array.from({ length: STATE_ENTRIES }, (_, i) => ({
        id: `18${String(i).padStart(17, '0')}`,
        user: { handle: `reader${i}`, name: `Reader ${i}`, followers: i * 37 },
        text: words(i + 1000, 50),
      })),
    ) +
    '</script></body></html>'
  );
}

/** An RGB PNG of gradients and noise: compresses about as badly as a photo, so it weighs what a real one does. */
function png(width: number, height: number, seed: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let state = seed;
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      const noise = state % 48;
      raw[row + 1 + x * 3] = ((x * 255) / width + noise) & 255;
      raw[row + 2 + x * 3] = ((y * 255) / height + noise) & 255;
      raw[row + 3 + x * 3] = ((seed * 60 + noise * 2) & 255) as number;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
