import { describe, expect, it } from 'vitest';
import { checkForm, checkFormField, fieldLimits } from '../../src/core/command-form.ts';
import { MAX_NOTE_LENGTH, MAX_URL_LENGTH } from '../../src/core/commands/flag-args.ts';
import { flagCommand } from '../../src/core/commands/flag-command.ts';

describe('checking a command form field by field', () => {
  it('points at each wrong field of a flag form, with the kind message for it', () => {
    const errors = checkForm(flagCommand, {
      url: 'file:///etc/passwd',
      category: 'spam',
      note: 'x'.repeat(3000),
    });
    expect(Object.keys(errors).sort()).toEqual(['category', 'note', 'url']);
    expect(errors.category).toContain('Choose one of these categories');
    expect(errors.note).toContain('3000 characters');
  });

  it('accepts a good form, with category aliases and empty optional fields', () => {
    expect(checkForm(flagCommand, { url: 'https://x.com/a/status/1', category: 'Doxing', note: '' })).toEqual(
      {},
    );
    expect(checkFormField(flagCommand, 'category', undefined)).toBeUndefined();
  });

  it('refuses a form with neither a link nor where it happened, on the link field', () => {
    expect(checkFormField(flagCommand, 'url', undefined)).toBeUndefined();
    expect(checkForm(flagCommand, {}).url).toContain('Paste the link');
    expect(checkForm(flagCommand, { channel: 'phone' })).toEqual({});
  });
});

describe("a form field's limits", () => {
  const option = (name: string) => {
    const found = flagCommand.options.find((o) => o.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  it("are read from the command's own schema, through its optional and transformed wrappers", () => {
    expect(fieldLimits(flagCommand, option('note'))).toEqual({ required: false, maxLength: MAX_NOTE_LENGTH });
    expect(fieldLimits(flagCommand, option('url'))).toEqual({ required: false, maxLength: MAX_URL_LENGTH });
    expect(fieldLimits(flagCommand, option('target_post'))).toEqual({
      required: false,
      maxLength: MAX_URL_LENGTH,
    });
    expect(fieldLimits(flagCommand, option('category'))).toEqual({ required: false });
  });

  it('refuse one character more than they allow, and accept the limit itself', () => {
    const max = fieldLimits(flagCommand, option('note')).maxLength ?? 0;
    expect(checkFormField(flagCommand, 'note', 'x'.repeat(max))).toBeUndefined();
    expect(checkFormField(flagCommand, 'note', 'x'.repeat(max + 1))).toContain('please keep it under');
  });
});
