/** However busy it is, a request's work waits no longer than this after its acknowledgement. */
const MAX_WAIT_MS = 250;

/**
 * Acknowledgements before work. Slack gives each request three seconds to be acknowledged; the work behind it
 * (recording a flag, posting its card) can wait a moment. In a burst (a pile-on flagged by fifty colleagues at
 * once) the first requests' work would otherwise slow the acknowledgement of the last (B2 in `npm run bench`).
 * So once a request is acknowledged, its work waits for a turn of the event loop in which no new request
 * arrived, or MAX_WAIT_MS, so that steady traffic never holds work back for long.
 */
export class AckFirst {
  private arrivals = 0;

  constructor(private readonly maxWaitMs = MAX_WAIT_MS) {}

  /** Called as each request reaches the app (its first middleware). */
  arrived(): void {
    this.arrivals += 1;
  }

  async ack(ack: () => Promise<void>): Promise<void> {
    await ack();
    const deadline = performance.now() + this.maxWaitMs;
    let seen: number;
    do {
      seen = this.arrivals;
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (this.arrivals !== seen && performance.now() < deadline);
  }
}
