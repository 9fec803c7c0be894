import { describe, expect, it } from 'vitest';
import { AckFirst } from '../../adapters/slack/ack-first.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('acknowledgements before work', () => {
  it('acknowledges at once, and lets work start only once requests stop arriving', async () => {
    const acks = new AckFirst();
    const events: string[] = [];
    const work = acks
      .ack(async () => {
        events.push('ack');
      })
      .then(() => events.push('work'));
    expect(events).toEqual(['ack']);
    // Three more requests, one per turn of the event loop, as a burst arrives.
    for (let i = 1; i <= 3; i += 1) {
      await nextTurn();
      acks.arrived();
      events.push(`arrival ${i}`);
    }
    await work;
    expect(events).toEqual(['ack', 'arrival 1', 'arrival 2', 'arrival 3', 'work']);
  });

  it('starts the work anyway when requests never stop arriving', async () => {
    const acks = new AckFirst(20);
    let arriving = true;
    const keepArriving = async () => {
      while (arriving) {
        acks.arrived();
        await nextTurn();
      }
    };
    const traffic = keepArriving();
    const started = performance.now();
    await acks.ack(async () => undefined);
    const waited = performance.now() - started;
    arriving = false;
    await traffic;
    expect(waited).toBeGreaterThanOrEqual(19);
  });
});
