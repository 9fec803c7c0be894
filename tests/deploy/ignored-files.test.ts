import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SECRET_AND_PRIVATE = ['.env', '.env.production', 'shieldwall-evidence-SW-12-2026-11-21.pdf'];

describe('secrets and evidence packs stay out of git and the container image', () => {
  it.each(SECRET_AND_PRIVATE)('git ignores %s', (file) => {
    // check-ignore exits 0 and prints the path when a pattern ignores it (the file need not exist).
    expect(execFileSync('git', ['check-ignore', '--no-index', file], { encoding: 'utf8' }).trim()).toBe(file);
  });

  it('the image build context leaves them out', () => {
    const patterns = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const pattern of ['.env', '.env.*', 'shieldwall-evidence-*']) expect(patterns).toContain(pattern);
  });
});
