import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/** What Slack says of a member: the name colleagues know them by, and the language their Slack is set to. */
export interface SlackProfile {
  name: string;
  /** `fr-FR`, `en-US`…; undefined when Slack did not say. */
  locale: string | undefined;
}

/**
 * Members' display names and languages, looked up once each with the same users.info call: a card names people
 * without pinging them, and the core answers each member in their Slack language unless they chose another.
 */
export class UserNames {
  private readonly profiles = new Map<string, Promise<SlackProfile>>();

  constructor(private readonly client: WebClient) {}

  async nameOf(userId: string): Promise<string> {
    return (await this.profileOf(userId)).name;
  }

  profileOf(userId: string): Promise<SlackProfile> {
    let profile = this.profiles.get(userId);
    if (!profile) {
      profile = this.lookUp(userId);
      this.profiles.set(userId, profile);
      // A failed lookup is not remembered, so the next card tries again.
      profile.catch(() => this.profiles.delete(userId));
    }
    return profile;
  }

  private async lookUp(userId: string): Promise<SlackProfile> {
    const { user } = await this.client.users.info({ user: userId, include_locale: true });
    return {
      name: user?.profile?.display_name || user?.real_name || user?.name || 'a member',
      locale: user?.locale || undefined,
    };
  }
}
