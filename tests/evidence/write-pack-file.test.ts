import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackFile } from '../../src/evidence/write-pack-file.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-pack-file-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writing an evidence pack file', () => {
  it('never writes through a link where the pack is to go, even one that points nowhere yet', async () => {
    const elsewhere = path.join(folder, 'elsewhere.txt');
    const nowhere = path.join(folder, 'not-yet.txt');
    await writeFile(elsewhere, 'keep me');
    const wanted = path.join(folder, 'pack.json');
    const dangling = path.join(folder, 'pack-2.json');
    await symlink(elsewhere, wanted);
    await symlink(nowhere, dangling);

    const written = await writePackFile(Buffer.from('{"pack":1}'), undefined, wanted);
    expect(written).toEqual({ ok: true, value: path.join(folder, 'pack-3.json') });
    expect(await readFile(elsewhere, 'utf8')).toBe('keep me');
    await expect(lstat(nowhere)).rejects.toThrow();
    expect((await stat(path.join(folder, 'pack-3.json'))).mode & 0o777).toBe(0o600);

    // --out names a file to replace: a link there is replaced itself, never followed.
    const out = await writePackFile(Buffer.from('{"pack":2}'), wanted, 'unused.json');
    expect(out).toEqual({ ok: true, value: wanted });
    expect((await lstat(wanted)).isSymbolicLink()).toBe(false);
    expect(await readFile(wanted, 'utf8')).toBe('{"pack":2}');
    expect(await readFile(elsewhere, 'utf8')).toBe('keep me');
    // No temporary file is left behind.
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
