import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenImports } from '../support/forbidden-imports.ts';

const CORE = path.resolve(import.meta.dirname, '../../src/core');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('the core stays platform-free', () => {
  it('recognises a forbidden import when it sees one', () => {
    expect(forbiddenImports("import { App } from '@slack/bolt';\nimport pg from 'pg';")).toEqual([
      '@slack/bolt',
      'pg',
    ]);
    expect(forbiddenImports("import { x } from '../../ledger/pg-ledger.ts';")).toEqual([
      '../../ledger/pg-ledger.ts',
    ]);
    expect(forbiddenImports("import { z } from 'zod';")).toEqual([]);
  });

  it('no file in src/core imports a platform library, the driver or an outer layer', () => {
    const offenders = filesUnder(CORE)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        forbiddenImports(readFileSync(file, 'utf8')).map((spec) => `${path.relative(CORE, file)}: ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
