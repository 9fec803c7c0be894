import type { CardButtonAction } from '../../src/core/incident/incident-card.ts';

/** Member ids carry their platform and server: `discord:G1:U1`. Only this adapter builds or reads them. */
export function discordMemberId(guildId: string, userId: string): string {
  return `discord:${guildId}:${userId}`;
}

export function discordUserOf(memberId: string, guildId: string): string | undefined {
  const prefix = `discord:${guildId}:`;
  return memberId.startsWith(prefix) ? memberId.slice(prefix.length) : undefined;
}

export function discordChannelDestination(guildId: string, channelId: string): string {
  return `discord:${guildId}:${channelId}`;
}

// Custom ids travel through Discord and come back with every click; they hold only an action and a number.
const CARD_BUTTON = /^sw:card:(supported|reported|wording|resolve):(\d{1,15})$/;
const RESOLVE_MENU = /^sw:resolve:(\d{1,15})$/;
const FORM = /^sw:form:([a-z][a-z0-9-]{0,31}):(\d{1,25})$/;

export function cardButtonId(action: CardButtonAction, incidentId: number): string {
  return `sw:card:${action}:${incidentId}`;
}

export function readCardButton(
  customId: string,
): { action: CardButtonAction; incidentId: number } | undefined {
  const match = CARD_BUTTON.exec(customId);
  return match ? { action: match[1] as CardButtonAction, incidentId: Number(match[2]) } : undefined;
}

export function resolveMenuId(incidentId: number): string {
  return `sw:resolve:${incidentId}`;
}

export function readResolveMenu(customId: string): number | undefined {
  const match = RESOLVE_MENU.exec(customId);
  return match ? Number(match[1]) : undefined;
}

export function formModalId(commandName: string): string {
  return `sw:form:${commandName}`;
}

/** The command and the key of its stashed options, from a submitted form's custom id. */
export function readFormModal(customId: string): { command: string; stashKey: string } | undefined {
  const match = FORM.exec(customId);
  return match?.[1] && match[2] ? { command: match[1], stashKey: match[2] } : undefined;
}

const FORM_AGAIN = /^sw:form-again:([a-z][a-z0-9-]{0,31}):(\d{1,25})$/;

/** The button under a refused form: it opens the form again with what was typed, kept under `stashKey`. */
export function formAgainId(commandName: string, stashKey: string): string {
  return `sw:form-again:${commandName}:${stashKey}`;
}

export function readFormAgain(customId: string): { command: string; stashKey: string } | undefined {
  const match = FORM_AGAIN.exec(customId);
  return match?.[1] && match[2] ? { command: match[1], stashKey: match[2] } : undefined;
}

// The server whose bot sent it rides at the end: a direct message comes from no server, and one person may be in
// several collectives' servers.
const REPLY_ACTION = /^sw:act:([a-z-]+:[a-z-]+:\d{1,15})(?::(\d{5,20}))?$/;

/** A button on a private message carries the core's action id (`rally:on-it:12`), and the server it is from. */
export function replyActionId(actionId: string, guildId?: string): string {
  return guildId ? `sw:act:${actionId}:${guildId}` : `sw:act:${actionId}`;
}

export function readReplyAction(customId: string): string | undefined {
  return REPLY_ACTION.exec(customId)?.[1];
}

/** The server a private message's button was sent from; undefined for buttons sent before servers were named. */
export function readReplyActionGuild(customId: string): string | undefined {
  return REPLY_ACTION.exec(customId)?.[2];
}
