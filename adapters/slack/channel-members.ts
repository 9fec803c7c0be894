import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

// Membership changes are also pushed by member_joined/left events; the TTL covers events that never came.
const FRESH_FOR_MS = 5 * 60_000;
// Someone just invited and not yet in the cache gets one refresh, but a stranger can't make us hammer the API.
const MIN_REFRESH_GAP_MS = 10_000;

/**
 * Who is in the incident channel, from `conversations.members`, cached. Members of that channel are the
 * collective's members; everyone else is refused.
 */
export class ChannelMembers {
  private members = new Set<string>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly client: WebClient,
    readonly channelId: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async has(userId: string): Promise<boolean> {
    const age = this.clock() - this.fetchedAt;
    if (age > FRESH_FOR_MS || (!this.members.has(userId) && age > MIN_REFRESH_GAP_MS)) await this.refresh();
    return this.members.has(userId);
  }

  joined(userId: string): void {
    this.members.add(userId);
  }

  left(userId: string): void {
    this.members.delete(userId);
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.fetchAll().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async fetchAll(): Promise<void> {
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.members({ channel: this.channelId, limit: 500, cursor });
      for (const id of page.members ?? []) members.add(id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.members = members;
    this.fetchedAt = this.clock();
  }
}
