import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Seals secrets the ledger must keep but must not show (Slack installations, with their tokens) under
 * SHIELDWALL_INSTALL_KEY, a key kept outside the database: a backup of the ledger alone holds no usable token.
 *
 * Sealed form, version 1: [0x01][12-byte IV][ciphertext][16-byte GCM tag]. The leading byte names the format
 * and key generation, so a later key can be rolled in beside this one and rows resealed one by one.
 */
const VERSION_1 = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES;
const KEY_PATTERN = /^[0-9a-f]{64}$/;

// A fixed text whose HMAC under the key names the key without giving it away (as pseudonym_key_fingerprint).
const FINGERPRINT_LABEL = 'shieldwall install key check';

export class TokenCipherError extends Error {}

export interface TokenCipher {
  /** Seals `plaintext` for the row named by `context`: it opens only with the same key and the same context. */
  seal(plaintext: string, context: string): Buffer;
  /** Opens what `seal` made; throws TokenCipherError for another key, altered bytes or another row's context. */
  open(sealed: Buffer, context: string): string;
  /** Names the key, for the ledger's install_key_check; reveals nothing about it. */
  fingerprint(): string;
}

/** The key from SHIELDWALL_INSTALL_KEY: 64 hex digits (any case, surrounding blanks ignored), or undefined. */
export function parseInstallKey(value: string): Buffer | undefined {
  const hex = value.trim().toLowerCase();
  return KEY_PATTERN.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}

export function createTokenCipher(keyHex: string): TokenCipher {
  const parsed = parseInstallKey(keyHex);
  if (!parsed) throw new TokenCipherError('SHIELDWALL_INSTALL_KEY must be 64 hex digits.');
  // Held only in this closure: the returned object has no property that a logger or inspect() could print.
  const key = parsed;
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(VERSION_1, context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION_1), iv, body, cipher.getAuthTag()]);
    },
    open(sealed, context) {
      if (sealed.length < HEADER_BYTES + TAG_BYTES) throw unopenable('it is too short to be sealed');
      const version = sealed[0] ?? 0;
      if (version !== VERSION_1) throw unopenable(`its format version ${version} is unknown`);
      const iv = sealed.subarray(1, HEADER_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const body = sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(version, context));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // GCM can't tell which of these it was, only that the bytes, key and row don't belong together.
        throw unopenable(
          'it was sealed with another SHIELDWALL_INSTALL_KEY, altered, or moved from another row',
        );
      }
    },
    fingerprint() {
      return createHmac('sha256', key).update(FINGERPRINT_LABEL).digest('hex');
    },
  };
}

/**
 * What each ciphertext is bound to besides the key: its format version (so the version byte can't be swapped)
 * and the row it belongs to (so a ciphertext copied to another row fails to open).
 */
function associatedData(version: number, context: string): Buffer {
  return Buffer.concat([Buffer.of(version), Buffer.from(`shieldwall\0${context}`, 'utf8')]);
}

function unopenable(why: string): TokenCipherError {
  return new TokenCipherError(`A sealed secret in the ledger can't be opened: ${why}.`);
}
