import { createHash } from 'node:crypto';

/** Lower-case hex, as `sha256sum` prints it, so a recipient can check the pack with the tools they have. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
