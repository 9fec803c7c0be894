import type { Actor } from '../../src/core/command.ts';
import type { ChannelMembers } from './channel-members.ts';
import { slackMemberId } from './slack-ids.ts';
import type { UserNames } from './user-names.ts';

/**
 * Who may use Shieldwall on Slack: members of the incident channel, and the leads named in SLACK_LEADS.
 * Anyone else, including people from another workspace, is refused before anything is read or written.
 */
export class SlackAccess {
  constructor(
    private readonly teamId: string,
    private readonly members: ChannelMembers,
    private readonly leads: ReadonlySet<string>,
    private readonly names: UserNames,
  ) {}

  async actor(
    teamId: string | undefined,
    userId: string,
    fallbackName: string | undefined,
  ): Promise<Actor | undefined> {
    if (teamId !== undefined && teamId !== this.teamId) return undefined;
    const isLead = this.leads.has(userId);
    if (!isLead && !(await this.members.has(userId))) return undefined;
    // One users.info call (cached) gives the name and the member's Slack language; failing, it costs only those.
    const profile = await this.names
      .profileOf(userId)
      .catch(() => ({ name: fallbackName ?? 'a member', locale: undefined }));
    const actor: Actor = { id: slackMemberId(this.teamId, userId), name: profile.name, isLead };
    return profile.locale ? { ...actor, locale: profile.locale } : actor;
  }

  /** Leads named in SLACK_LEADS belong to the collective whether or not they are in the channel. */
  isLead(userId: string): boolean {
    return this.leads.has(userId);
  }

  /** Whether a colleague picked in a form belongs to the collective. */
  isMember(userId: string): Promise<boolean> {
    return this.leads.has(userId) ? Promise.resolve(true) : this.members.has(userId);
  }
}
