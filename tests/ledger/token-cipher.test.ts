import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { envSchema, SECRET_VARIABLES } from '../../src/config/config-schema.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createTokenCipher, parseInstallKey, TokenCipherError } from '../../src/ledger/token-cipher.ts';

const KEY = randomBytes(32).toString('hex');
const OTHER_KEY = randomBytes(32).toString('hex');
const SECRET = '{"bot":{"token":"xoxb-1111-2222-sEcReTtOkEn"}}';

function openError(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the sealed secret not to open');
}

describe('token cipher (AES-256-GCM under SHIELDWALL_INSTALL_KEY)', () => {
  it('opens what it sealed, for the same row', () => {
    const cipher = createTokenCipher(KEY);
    expect(cipher.open(cipher.seal(SECRET, 'slack_installations:T1'), 'slack_installations:T1')).toBe(SECRET);
    expect(cipher.open(cipher.seal('', 'x'), 'x')).toBe('');
  });

  it('seals with a version byte, a fresh 12-byte IV and a 16-byte tag, never the plaintext', () => {
    const cipher = createTokenCipher(KEY);
    const first = cipher.seal(SECRET, 'T1');
    const second = cipher.seal(SECRET, 'T1');
    expect(first[0]).toBe(1);
    expect(first.length).toBe(1 + 12 + Buffer.byteLength(SECRET) + 16);
    expect(first.subarray(1, 13).equals(second.subarray(1, 13))).toBe(false);
    expect(first.equals(second)).toBe(false);
    expect(first.includes('sEcReTtOkEn')).toBe(false);
  });

  it('refuses another key with an error that names neither the key nor the secret', () => {
    const sealed = createTokenCipher(KEY).seal(SECRET, 'T1');
    const error = openError(() => createTokenCipher(OTHER_KEY).open(sealed, 'T1'));
    expect(error).toBeInstanceOf(TokenCipherError);
    expect(error.message).toMatch(/can't be opened: it was sealed with another SHIELDWALL_INSTALL_KEY/);
    for (const secret of [KEY, OTHER_KEY, 'sEcReTtOkEn']) expect(error.message).not.toContain(secret);
  });

  it('refuses a ciphertext with any one byte altered, the version byte included', () => {
    const cipher = createTokenCipher(KEY);
    const sealed = cipher.seal(SECRET, 'T1');
    for (let at = 0; at < sealed.length; at += 1) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(() => cipher.open(tampered, 'T1'), `byte ${at}`).toThrow(TokenCipherError);
    }
    expect(() => cipher.open(sealed.subarray(0, sealed.length - 1), 'T1')).toThrow(TokenCipherError);
    expect(() => cipher.open(sealed.subarray(0, 20), 'T1')).toThrow(/too short/);
  });

  it('refuses a ciphertext moved to another row', () => {
    const cipher = createTokenCipher(KEY);
    const sealed = cipher.seal(SECRET, 'slack_installations:T1');
    expect(() => cipher.open(sealed, 'slack_installations:T2')).toThrow(/moved from another row/);
  });

  it('takes a key of 64 hex digits in either case, and nothing else', () => {
    expect(parseInstallKey(` ${KEY.toUpperCase()}\n`)?.toString('hex')).toBe(KEY);
    for (const wrong of ['', KEY.slice(2), `${KEY}00`, `${KEY.slice(1)}g`]) {
      expect(parseInstallKey(wrong)).toBeUndefined();
      expect(() => createTokenCipher(wrong)).toThrow(/SHIELDWALL_INSTALL_KEY must be 64 hex digits/);
    }
    const upper = createTokenCipher(KEY.toUpperCase());
    expect(createTokenCipher(KEY).open(upper.seal(SECRET, 'T1'), 'T1')).toBe(SECRET);
  });

  it('fingerprints a key without showing it, and shows it nowhere else', () => {
    const cipher = createTokenCipher(KEY);
    expect(cipher.fingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.fingerprint()).toBe(createTokenCipher(KEY).fingerprint());
    expect(cipher.fingerprint()).not.toBe(createTokenCipher(OTHER_KEY).fingerprint());
    expect(cipher.fingerprint()).not.toContain(KEY);
    expect(`${inspect(cipher, { showHidden: true, depth: 5 })}${JSON.stringify(cipher)}`).not.toContain(KEY);
  });

  it('is configured by SHIELDWALL_INSTALL_KEY, lower-cased, a secret never echoed', () => {
    expect(SECRET_VARIABLES.has('SHIELDWALL_INSTALL_KEY')).toBe(true);
    expect(envSchema.parse({}).SHIELDWALL_INSTALL_KEY).toBeUndefined();
    expect(envSchema.parse({ SHIELDWALL_INSTALL_KEY: ` ${KEY.toUpperCase()} ` }).SHIELDWALL_INSTALL_KEY).toBe(
      KEY,
    );
    const error = openError(() => loadConfig({ SHIELDWALL_INSTALL_KEY: `${KEY}zz` }));
    expect(error.message).toMatch(/SHIELDWALL_INSTALL_KEY must be 64 hex digits/);
    expect(error.message).not.toContain(KEY);
  });
});
