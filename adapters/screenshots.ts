import type { ScreenshotBudget } from './screenshot-budget.ts';

/**
 * Fills in each attached file's `content` from its `url` (then drops the address: only the bytes and their
 * hash are kept). A file that can't be fetched, or that finds no room in the process's screenshot budget, keeps
 * its reference, so nothing the member attached is lost from the record.
 *
 * Each file reserves the size the platform declared (which both platforms state exactly), or `maxBytes` when it
 * declared none, and the download stops past what was reserved.
 */
export async function withContent(
  files: unknown[],
  download: (url: string, maxBytes: number) => Promise<Uint8Array | undefined>,
  budget: ScreenshotBudget,
  maxBytes: number,
): Promise<unknown[]> {
  return Promise.all(
    files.map(async (file) => {
      if (!file || typeof file !== 'object') return file;
      const { url, ...rest } = file as { url?: unknown; size?: unknown };
      if (typeof url !== 'string') return rest;
      const declared = typeof rest.size === 'number' && rest.size > 0 ? rest.size : maxBytes;
      const reserved = Math.min(declared, maxBytes);
      const lease = budget.reserve(reserved);
      if (!lease) return rest;
      const content = await download(url, reserved);
      lease.shrinkTo(content?.byteLength ?? 0);
      return content ? { ...rest, content } : rest;
    }),
  );
}
