import { describe, expect, it } from 'vitest';
import { type Bot, fleetOf } from '../../src/core/chat-adapter.ts';

/** Only what the fleet uses of a bot: its collective, and whether it was stopped. */
function botOf(collectiveId: string, stopped: string[]): Bot {
  return {
    collectiveId,
    stop: async () => {
      stopped.push(collectiveId);
    },
  } as unknown as Bot;
}

describe('a fleet of collectives’ bots', () => {
  it('closing stops every bot, and a bot that joins afterwards is stopped as it joins', async () => {
    const stopped: string[] = [];
    const fleet = fleetOf([botOf('ontario', stopped), botOf('alberta', stopped)]);
    fleet.add(botOf('michigan', stopped));
    expect(stopped).toEqual([]);
    await fleet.close();
    expect(stopped.sort()).toEqual(['alberta', 'michigan', 'ontario']);
    // A workspace set up in chat while the process stops: its new bot takes no request.
    fleet.add(botOf('manitoba', stopped));
    expect(stopped).toContain('manitoba');
    expect(fleet.bot('manitoba')).toBeDefined();
  });

  it('refuses two bots for one collective', () => {
    const fleet = fleetOf([botOf('ontario', [])]);
    expect(() => fleet.add(botOf('ontario', []))).toThrow(/two bots serve the same collective/);
  });
});
