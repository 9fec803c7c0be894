import { describe, expect, it } from 'vitest';
import { flagArgs } from '../../src/core/commands/flag-args.ts';
import { parseFlagText } from '../../src/core/commands/parse-flag-text.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import { sayIssue } from '../../src/core/spoken-error.ts';

const url = 'https://x.com/SomeTroll/status/123';
const parsed = (text: string) => {
  const raw = parseFlagText(text, translator('en'));
  if (!raw.ok) return raw;
  const args = flagArgs.safeParse(raw.value);
  return args.success
    ? { ok: true as const, value: args.data }
    : { ok: false as const, issue: args.error.issues[0] && sayIssue(args.error.issues[0], translator('en')) };
};

describe('reading /flag text', () => {
  it('takes a category keyword after the link, and the rest as the note', () => {
    expect(parsed(`${url} threat he said he'd find me after my shift`)).toEqual({
      ok: true,
      value: {
        url: { raw: url, post: expect.objectContaining({ canonicalUrl: 'https://x.com/i/status/123' }) },
        category: 'threat',
        note: "he said he'd find me after my shift",
      },
    });
  });

  it('leaves the category unset when the word after the link is the start of the note', () => {
    expect(parsed(`${url} he keeps posting about me`)).toMatchObject({
      ok: true,
      value: { category: undefined, note: 'he keeps posting about me' },
    });
  });

  it('accepts aliases and any case for categories', () => {
    expect(parsed(`${url} Doxing`)).toMatchObject({ ok: true, value: { category: 'doxxing' } });
    expect(parsed(`${url} pile-on`)).toMatchObject({ ok: true, value: { category: 'pileon' } });
    expect(parsed(`${url} racist`)).toMatchObject({ ok: true, value: { category: 'hate' } });
  });

  it('refuses a near-miss category with a suggestion instead of filing it wrongly', () => {
    const result = parseFlagText(`${url} thraet he said`, translator('en'));
    expect(result).toMatchObject({ ok: false, error: { code: 'flag.category_unknown' } });
    expect(!result.ok && result.error.message).toContain('Did you mean threat?');
  });

  it('refuses an explicit unknown category', () => {
    expect(parseFlagText(`${url} category:spam`, translator('en'))).toMatchObject({
      ok: false,
      error: { code: 'flag.category_unknown' },
    });
  });

  it('raises severity with !high or !critical, and refuses anything else', () => {
    expect(parsed(`${url} harassment !critical at my clinic`)).toMatchObject({
      ok: true,
      value: { category: 'harassment', severity: 'critical', note: 'at my clinic' },
    });
    expect(parsed(`${url} hate !medium`)).toMatchObject({
      ok: false,
      issue: expect.stringContaining('high or critical'),
    });
  });

  it('asks for the link when there is none', () => {
    expect(parseFlagText('   ', translator('en'))).toMatchObject({
      ok: false,
      error: { code: 'flag.url_missing' },
    });
  });

  it('refuses a 10,000-character note and says how long it may be', () => {
    const result = parsed(`${url} threat ${'a'.repeat(10_000)}`);
    expect(result).toMatchObject({ ok: false, issue: expect.stringContaining('10000 characters') });
    expect(result.ok ? '' : JSON.stringify(result)).toContain('under 2000');
  });

  it('refuses control characters and bidirectional overrides in the note', () => {
    expect(parsed(`${url} threat bad\u0007bell`)).toMatchObject({
      ok: false,
      issue: expect.stringContaining('control characters'),
    });
    expect(parsed(`${url} threat \u202Eevil`)).toMatchObject({
      ok: false,
      issue: expect.stringContaining('control characters'),
    });
  });

  it('keeps emoji with zero-width joiners in a note', () => {
    expect(parsed(`${url} hate 👩‍⚕️ go back`)).toMatchObject({ ok: true, value: { note: '👩‍⚕️ go back' } });
  });

  it('files a comment link as a comment that names nobody, never the owner of the post under it', () => {
    const comment = 'https://www.facebook.com/DrJaneDoe/posts/123?comment_id=9';
    expect(parsed(`${comment} threat`)).toMatchObject({
      ok: true,
      value: {
        url: {
          raw: comment,
          post: {
            kind: 'comment',
            canonicalUrl: 'https://facebook.com/drjanedoe/posts/123?comment_id=9',
            account: null,
          },
        },
        category: 'threat',
      },
    });
  });

  it("accepts the target's own comment as the place to reply, keeping its comment id", () => {
    const raw = parseFlagText(url, translator('en'));
    if (!raw.ok) throw new Error('the flag text should parse');
    const args = flagArgs.safeParse({
      ...raw.value,
      target_post: 'https://www.tiktok.com/@drjane/video/123?comment_id=789',
    });
    expect(args.success && args.data.target_post).toBe('https://tiktok.com/@drjane/video/123?comment_id=789');
  });
});
