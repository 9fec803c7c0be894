import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * Every module a TypeScript source names: imports (type-only too), re-exports, `import()` and `require()`.
 * TypeScript's own scanner reads them, so text in comments and strings that looks like an import is not one.
 */
export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/**
 * Where an import leads. A relative specifier is resolved against the importing file into a path from the
 * repository's root, so `../core/../ledger/x.ts` is `src/ledger/x.ts`, however deep the importer sits.
 */
export type ImportTarget = { kind: 'ours'; path: string } | { kind: 'package'; name: string };

export function resolveImport(importer: string, specifier: string): ImportTarget {
  if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return { kind: 'package', name: specifier };
  const absolute = path.resolve(REPO, path.dirname(importer), specifier);
  return { kind: 'ours', path: path.relative(REPO, absolute).split(path.sep).join('/') };
}

export interface SourceFile {
  /** From the repository's root, with `/`. */
  path: string;
  text: string;
}

/** Every `.ts` file under these folders of the repository. */
export function sourceFilesUnder(...folders: string[]): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
      const child = `${dir}/${entry.name}`;
      return entry.isDirectory() ? walk(child) : [child];
    });
  return folders
    .flatMap(walk)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ path: file, text: readFileSync(path.join(REPO, file), 'utf8') }));
}
