import { describe, expect, it } from 'vitest';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createTestBot } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';

const t = useFreshLedger();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 20, minute));

describe("a form's stashed values", () => {
  it('are taken once, whichever ledger handle takes them', async () => {
    await createPgLedger(t.db.pool).stashForm(
      'discord:1',
      { owner: 'a', options: { anonymous: true } },
      at(15),
      at(0),
    );
    const other = createPgLedger(t.db.pool);
    expect(await other.takeForm('discord:1', at(1))).toEqual({ owner: 'a', options: { anonymous: true } });
    expect(await other.takeForm('discord:1', at(2))).toBeUndefined();
  });

  it('are ignored once expired, and cleared when the next form is stashed', async () => {
    const ledger = createPgLedger(t.db.pool);
    await ledger.stashForm('discord:old', { owner: 'a', options: {} }, at(15), at(0));
    await ledger.stashForm('discord:late', { owner: 'b', options: {} }, at(15), at(0));
    expect(await ledger.takeForm('discord:late', at(16))).toBeUndefined();
    await ledger.stashForm('discord:new', { owner: 'c', options: {} }, at(31), at(16));
    const keys = await t.db.pool.query('SELECT key FROM form_stash ORDER BY key');
    expect(keys.rows).toEqual([{ key: 'discord:new' }]);
  });

  it('never hold the bytes of a file, only what names it', async () => {
    const bot = createTestBot(t.db);
    await bot.forms.stash('discord:shot', {
      owner: 'a',
      options: {
        screenshots: [{ id: 'f1', name: 'shot.png', url: 'https://cdn/x', content: new Uint8Array([1, 2]) }],
      },
    });
    expect(await bot.forms.take('discord:shot')).toEqual({
      owner: 'a',
      options: { screenshots: [{ id: 'f1', name: 'shot.png', url: 'https://cdn/x' }] },
    });
  });
});
