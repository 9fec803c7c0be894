import type { IncidentView, NamedBy } from '../ledger-port.ts';
import { NAMED_BY_MEMBER } from '../post-url/account-on-platform.ts';
import { platformLabel } from '../post-url/platform-label.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';
import { formatDay, formatInstant } from '../time.ts';
import { isDayOnly } from '../when-it-happened.ts';
import { attackPlaceText } from './attack-place-text.ts';
import { TARGET_WANTS, type TargetWants } from './target-wants.ts';

/**
 * The attacker as every message shows them: plainly unknown when nobody could say, and marked when a member
 * named them rather than the link (the link is evidence; a member's word is a lead's to weigh).
 */
export function accountText(
  account: AccountRef | null,
  namedBy: NamedBy | null,
  incidentPlatform?: Platform,
): string {
  if (account === null) return 'unknown';
  const elsewhere =
    incidentPlatform !== undefined && account.platform !== incidentPlatform && account.platform !== 'offline'
      ? ` on ${platformLabel(account.platform)}`
      : '';
  return `${account.display}${elsewhere}${namedBy === 'member' ? ` ${NAMED_BY_MEMBER}` : ''}`;
}

/** Where it happened: the platform of a post, or the channel of an attack with no link. */
export function placeText(incident: Pick<IncidentView, 'platform' | 'channel'>): string {
  return incident.channel === null
    ? platformLabel(incident.platform)
    : attackPlaceText(incident.channel, incident.platform);
}

/** The card's and the reply's first line: where, and who. */
export function whereAndWho(incident: IncidentView): string {
  const who = accountText(incident.offender, incident.offenderNamedBy, incident.platform);
  return incident.channel === null
    ? `Platform: ${placeText(incident)} · Account: ${who}`
    : `Where: ${placeText(incident)} · Attacker: ${who}`;
}

/** When it happened, when a member said: the day alone, or the instant. */
export function occurredText(at: Date, timezone: string): string {
  return isDayOnly(at, timezone) ? `${formatDay(at, timezone)} (${timezone})` : formatInstant(at, timezone);
}

/** With no public post there is nothing to reply under or report: only private support, or documenting it. */
export function wantsChoicesFor(incident: Pick<IncidentView, 'kind'>): readonly TargetWants[] {
  return incident.kind === 'offline' ? ['private', 'document'] : TARGET_WANTS;
}
