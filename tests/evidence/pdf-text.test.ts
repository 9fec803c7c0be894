import { describe, expect, it } from 'vitest';
import { toWinAnsi } from '../../src/evidence/pdf-text.ts';

describe('text for the PDF fonts', () => {
  it('keeps Latin-1 and typographic marks as they are', () => {
    expect(toWinAnsi('Médecins “Québec” — Straße, naïve, 5 €')).toEqual({
      text: 'Médecins “Québec” — Straße, naïve, 5 €',
      changed: 0,
    });
  });

  it('folds letters the font lacks to their base letter, and counts them', () => {
    expect(toWinAnsi('Dvořák in Łódź')).toEqual({ text: 'Dvorák in Lódz', changed: 3 });
  });

  it('shows what it cannot draw as one "?" each, emoji sequences included, instead of garbage', () => {
    expect(toWinAnsi('you 🔪️ are 👍🏽 next, Привет')).toEqual({
      text: 'you ? are ? next, ??????',
      changed: 8,
    });
  });

  it('keeps line breaks, drops invisible characters, and draws look-alike dashes plainly', () => {
    expect(toWinAnsi('a\u200bb\r\nc\u2212d\te')).toEqual({ text: 'ab\nc-d    e', changed: 0 });
  });
});
