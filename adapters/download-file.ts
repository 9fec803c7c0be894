/**
 * Fetches an attached file, refusing anything but the platform's own file hosts (a bot token must never be
 * sent elsewhere) and stopping at `maxBytes`. Returns undefined when it can't: the reference is still kept.
 */
export async function downloadFile(
  url: string,
  allowedOrigins: readonly string[],
  maxBytes: number,
  headers: Record<string, string> = {},
): Promise<Uint8Array | undefined> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  if (!allowedOrigins.includes(origin)) return undefined;
  const response = await fetch(url, {
    headers,
    redirect: 'error',
    signal: AbortSignal.timeout(30_000),
  }).catch(() => undefined);
  if (!response?.ok || !response.body) return undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) return undefined;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
