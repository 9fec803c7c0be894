import type { AccountRef } from './types.ts';

/** One account on one platform, however its display spelling differs. */
export function sameAccount(a: AccountRef, b: AccountRef): boolean {
  return a.platform === b.platform && a.handle === b.handle;
}
