import { importSpecifiers, resolveImport, type SourceFile } from '../support/import-graph.ts';

/**
 * One rule of the layering. Paths are from the repository's root; one ending in `/` is a folder and everything
 * under it, any other is one file.
 */
export interface LayerRule {
  /** What the rule keeps true, as a failure names it. */
  name: string;
  /** The importing files it applies to. */
  files: string[];
  exceptFiles?: string[];
  /** Whitelist: the only code of ours these files may import. */
  mayImport?: string[];
  /** Blacklist: code of ours these files must not import. */
  mustNotImport?: string[];
  /** Packages they must not import: a name (and its subpaths), or a scope ending in `/`. */
  packagesForbidden?: string[];
  /** Made-up sources that break the rule, to prove that the check can fail. */
  breaks: SourceFile[];
}

/** An import that breaks a rule and stays, with the reason. `to` is a path of ours or a package name. */
export interface Allowance {
  from: string;
  to: string;
  why: string;
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

export function within(file: string, places: readonly string[]): boolean {
  return places.some((place) => (place.endsWith('/') ? file.startsWith(place) : file === place));
}

function packageMatches(name: string, forbidden: string): boolean {
  return forbidden.endsWith('/')
    ? name.startsWith(forbidden)
    : name === forbidden || name.startsWith(`${forbidden}/`);
}

function breaksRule(rule: LayerRule, from: string, specifier: string): string | undefined {
  const target = resolveImport(from, specifier);
  if (target.kind === 'package') {
    return rule.packagesForbidden?.some((forbidden) => packageMatches(target.name, forbidden))
      ? target.name
      : undefined;
  }
  if (rule.mayImport && !within(target.path, rule.mayImport)) return target.path;
  if (rule.mustNotImport && within(target.path, rule.mustNotImport)) return target.path;
  return undefined;
}

/** Every import in `files` that breaks one of `rules`, leaving out the allowed ones; and the allowances used. */
export function checkLayers(
  files: readonly SourceFile[],
  rules: readonly LayerRule[],
  allowed: readonly Allowance[],
): { violations: Violation[]; used: Set<Allowance> } {
  const violations: Violation[] = [];
  const used = new Set<Allowance>();
  for (const file of files) {
    const applying = rules.filter(
      (rule) => within(file.path, rule.files) && !within(file.path, rule.exceptFiles ?? []),
    );
    if (applying.length === 0) continue;
    for (const specifier of importSpecifiers(file.text)) {
      for (const rule of applying) {
        const to = breaksRule(rule, file.path, specifier);
        if (to === undefined) continue;
        const allowance = allowed.find((a) => a.from === file.path && a.to === to);
        if (allowance) used.add(allowance);
        else violations.push({ rule: rule.name, from: file.path, to });
      }
    }
  }
  return { violations, used };
}
