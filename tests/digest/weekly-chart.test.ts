import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/categories.ts';
import { CHART_WIDTH, renderWeeklyChart, type WeekCounts } from '../../src/digest/weekly-chart.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Twelve ISO weeks with a varied mix of categories, and one quiet week in the middle. */
function sampleWeeks(seed = 0): WeekCounts[] {
  return Array.from({ length: 12 }, (_, i) => ({
    label: `2026-W${36 + i}`,
    counts: i === 5 ? {} : Object.fromEntries(CATEGORIES.map((c, j) => [c, (i * 7 + j * 3 + seed) % 5])),
  }));
}

const sha = (png: Buffer) => createHash('sha256').update(png).digest('hex');
// The IHDR chunk follows the signature: 4-byte length, 'IHDR', then width and height as big-endian u32.
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('renderWeeklyChart', () => {
  it('renders a PNG of the chart width', async () => {
    const png = await renderWeeklyChart(sampleWeeks());
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(size(png).width).toBe(CHART_WIDTH);
    expect(size(png).height).toBeGreaterThan(300);
  });

  it('draws different pictures for different data, and the same for the same', async () => {
    const a = await renderWeeklyChart(sampleWeeks(0));
    const again = await renderWeeklyChart(sampleWeeks(0));
    const b = await renderWeeklyChart(sampleWeeks(1));
    expect(sha(again)).toBe(sha(a));
    expect(sha(b)).not.toBe(sha(a));
  });

  it('draws its text: a different title gives a different picture', async () => {
    // resvg silently drops text when it finds no font; this catches a machine without one.
    const a = await renderWeeklyChart(sampleWeeks(), { title: 'Incidents per week' });
    const b = await renderWeeklyChart(sampleWeeks(), { title: 'Something else entirely' });
    expect(sha(b)).not.toBe(sha(a));
  });

  it('still renders when every week is empty', async () => {
    const png = await renderWeeklyChart(sampleWeeks().map((w) => ({ ...w, counts: {} })));
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(size(png).width).toBe(CHART_WIDTH);
  });
});
