import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/** Members' display names, looked up once each: a card names people without pinging them. */
export class UserNames {
  private readonly names = new Map<string, Promise<string>>();

  constructor(private readonly client: WebClient) {}

  remember(userId: string, name: string): void {
    if (name) this.names.set(userId, Promise.resolve(name));
  }

  nameOf(userId: string): Promise<string> {
    let name = this.names.get(userId);
    if (!name) {
      name = this.lookUp(userId);
      this.names.set(userId, name);
      // A failed lookup is not remembered, so the next card tries again.
      name.catch(() => this.names.delete(userId));
    }
    return name;
  }

  private async lookUp(userId: string): Promise<string> {
    const { user } = await this.client.users.info({ user: userId });
    return user?.profile?.display_name || user?.real_name || user?.name || 'a member';
  }
}
