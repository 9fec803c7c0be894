import { describe, expect, it } from 'vitest';
import { checkForm, checkFormField } from '../../src/core/command-form.ts';
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

  it('refuses a missing link', () => {
    expect(checkFormField(flagCommand, 'url', undefined)).toContain('Paste the link');
  });
});
