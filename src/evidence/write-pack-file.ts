import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { fail, ok, type Result } from '../core/result.ts';

const MAX_NUMBERED = 99;

/**
 * Writes the pack whole or not at all: the bytes go to a temporary file beside the target, which then takes the
 * target's name, so an interrupted export never leaves half a pack that looks like evidence. A file named with
 * --out is replaced, as asked; the default name never replaces an earlier pack, it gets -2, -3… instead.
 */
export async function writePackFile(
  bytes: Buffer,
  out: string | undefined,
  defaultName: string,
  t: Translator = translator('en'),
): Promise<Result<string>> {
  const wanted = out ?? defaultName;
  const folder = path.dirname(path.resolve(wanted));
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) return fail('export.folder', t('evidence.folder', { folder }));
  if (
    out !== undefined &&
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    return fail(
      'export.out_is_folder',
      t('evidence.out_is_folder', { out, example: path.join(out, defaultName) }),
    );
  }
  const temporary = path.join(folder, `.${path.basename(wanted)}.${randomBytes(6).toString('hex')}.tmp`);
  // Private to whoever ran the export: the pack quotes abuse and holds personal data.
  await writeFile(temporary, bytes, { flag: 'wx', mode: 0o600 });
  try {
    if (out !== undefined) {
      await rename(temporary, out);
      return ok(out);
    }
    for (let n = 1; n <= MAX_NUMBERED; n++) {
      const candidate = n === 1 ? defaultName : numbered(defaultName, n);
      try {
        // link() refuses to replace an existing file, where rename() would not.
        await link(temporary, candidate);
        return ok(candidate);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      }
    }
    return fail('export.taken', t('evidence.taken', { name: defaultName, copies: MAX_NUMBERED - 1 }));
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

function numbered(name: string, n: number): string {
  const extension = path.extname(name);
  return `${name.slice(0, name.length - extension.length)}-${n}${extension}`;
}
