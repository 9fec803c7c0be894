/**
 * Fills in each attached file's `content` from its `url` (then drops the address: only the bytes and their
 * hash are kept). A file that can't be fetched keeps its reference, so nothing the member attached is lost.
 */
export async function withContent(
  files: unknown[],
  download: (url: string) => Promise<Uint8Array | undefined>,
): Promise<unknown[]> {
  return Promise.all(
    files.map(async (file) => {
      if (!file || typeof file !== 'object') return file;
      const { url, ...rest } = file as { url?: unknown };
      if (typeof url !== 'string') return rest;
      const content = await download(url);
      return content ? { ...rest, content } : rest;
    }),
  );
}
