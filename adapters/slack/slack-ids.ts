import type { CardButtonAction } from '../../src/core/incident/incident-card.ts';

/** Member ids carry their platform and workspace: `slack:T1:U1`. Only this adapter builds or reads them. */
export function slackMemberId(teamId: string, userId: string): string {
  return `slack:${teamId}:${userId}`;
}

/** The Slack user behind a member id of this workspace, or undefined for anyone else (another platform). */
export function slackUserOf(memberId: string, teamId: string): string | undefined {
  const prefix = `slack:${teamId}:`;
  return memberId.startsWith(prefix) ? memberId.slice(prefix.length) : undefined;
}

export function slackChannelDestination(teamId: string, channelId: string): string {
  return `slack:${teamId}:${channelId}`;
}

const CARD_ACTION_PREFIX = 'sw_card_';

export function cardActionId(action: CardButtonAction): string {
  return `${CARD_ACTION_PREFIX}${action}`;
}

export const CARD_ACTION_PATTERN = /^sw_card_(supported|reported|wording|resolve)$/;

export function cardActionFrom(actionId: string): CardButtonAction | undefined {
  const match = CARD_ACTION_PATTERN.exec(actionId);
  return match ? (match[1] as CardButtonAction) : undefined;
}

export const RESOLVE_VIEW = 'sw_resolve';

const FORM_VIEW_PREFIX = 'sw_form_';

export function formViewId(commandName: string): string {
  return `${FORM_VIEW_PREFIX}${commandName}`;
}

export const FORM_VIEW_PATTERN = /^sw_form_([a-z][a-z0-9-]{0,31})$/;
