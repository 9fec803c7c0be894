import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/** Where Debian, Ubuntu and Google put the browser; we never download one. */
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive: CHROMIUM_PATH when set (it must be there), else the first known one installed. */
export async function findChromium(envPath?: string): Promise<{ path: string } | { missing: string }> {
  if (envPath) {
    return (await isExecutable(envPath))
      ? { path: envPath }
      : { missing: `CHROMIUM_PATH is ${envPath}, but no executable is there` };
  }
  for (const path of KNOWN_PATHS) {
    if (await isExecutable(path)) return { path };
  }
  return {
    missing: `no Chromium at ${KNOWN_PATHS.join(', ')}; install Debian's chromium package or set CHROMIUM_PATH`,
  };
}
