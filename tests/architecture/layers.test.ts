import { describe, expect, it } from 'vitest';
import { importSpecifiers, resolveImport, sourceFilesUnder } from '../support/import-graph.ts';
import { checkLayers, within } from './check-layers.ts';
import { ALLOWED_IMPORTS, LAYER_RULES, LAYERS } from './layer-rules.ts';

const files = sourceFilesUnder('src', 'adapters');

describe('reading imports', () => {
  it('finds every kind of import, and none in comments or strings', () => {
    const source = [
      "import type { A } from './a.ts';",
      'import {\n  b,\n} from "../b.ts";',
      "export * from './c.ts';",
      "import './d.ts';",
      "const e = await import('./e.ts');",
      "// import f from './f.ts';",
      'const g = "import g from \'./g.ts\'";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
  });

  it('resolves a relative import from where the importing file sits, however it gets there', () => {
    expect(resolveImport('src/core/post-url/platforms/x.ts', '../../../ledger/rows.ts')).toEqual({
      kind: 'ours',
      path: 'src/ledger/rows.ts',
    });
    expect(resolveImport('src/evidence/load-evidence.ts', '../core/../ledger/rows.ts')).toEqual({
      kind: 'ours',
      path: 'src/ledger/rows.ts',
    });
    expect(resolveImport('adapters/slack/listeners/buttons.ts', '../../../src/core/reply.ts')).toEqual({
      kind: 'ours',
      path: 'src/core/reply.ts',
    });
    expect(resolveImport('src/core/bot.ts', 'pg/lib/client')).toEqual({
      kind: 'package',
      name: 'pg/lib/client',
    });
  });
});

describe('the layers', () => {
  it('has source files to check, each in a known layer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((file) => file.path).filter((file) => !within(file, LAYERS))).toEqual([]);
  });

  it.each(LAYER_RULES.map((rule) => [rule.name, rule] as const))(
    'catches made-up breaks of: %s',
    (_name, rule) => {
      for (const example of rule.breaks) {
        const { violations } = checkLayers([example], [rule], ALLOWED_IMPORTS);
        expect(violations, `${example.path}: ${example.text}`).not.toEqual([]);
      }
    },
  );

  it('no file in src/ or adapters/ breaks a rule', () => {
    const { violations } = checkLayers(files, LAYER_RULES, ALLOWED_IMPORTS);
    expect(violations.map((v) => `${v.from} -> ${v.to} (${v.rule})`)).toEqual([]);
  });

  it('every allowed exception is still needed', () => {
    const { used } = checkLayers(files, LAYER_RULES, ALLOWED_IMPORTS);
    expect(ALLOWED_IMPORTS.filter((allowance) => !used.has(allowance))).toEqual([]);
  });
});
