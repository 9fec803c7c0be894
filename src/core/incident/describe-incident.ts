import type { Translator } from '../i18n/translator.ts';
import type { IncidentView, NamedBy } from '../ledger-port.ts';
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
  t: Translator,
  incidentPlatform?: Platform,
): string {
  if (account === null) return t('flag.account_unknown');
  const elsewhere =
    incidentPlatform !== undefined && account.platform !== incidentPlatform && account.platform !== 'offline';
  const shown = elsewhere
    ? t('flag.account_elsewhere', { account: account.display, platform: platformLabel(account.platform) })
    : account.display;
  return namedBy === 'member' ? t('flag.account_named_by_member', { account: shown }) : shown;
}

/** Where it happened: the platform of a post, or the channel of an attack with no link. */
export function placeText(incident: Pick<IncidentView, 'platform' | 'channel'>, t: Translator): string {
  return incident.channel === null
    ? platformLabel(incident.platform)
    : attackPlaceText(incident.channel, incident.platform, t);
}

/** The card's and the reply's first line: where, and who. */
export function whereAndWho(incident: IncidentView, t: Translator): string {
  const values = {
    place: placeText(incident, t),
    account: accountText(incident.offender, incident.offenderNamedBy, t, incident.platform),
  };
  return incident.channel === null ? t('flag.where_who_post', values) : t('flag.where_who_place', values);
}

/** When it happened, when a member said: the day alone, or the instant. */
export function occurredText(at: Date, timezone: string, t: Translator): string {
  return isDayOnly(at, timezone)
    ? t('flag.day_in_zone', { day: formatDay(at, timezone), timezone })
    : formatInstant(at, timezone);
}

/** With no public post there is nothing to reply under or report: only private support, or documenting it. */
export function wantsChoicesFor(incident: Pick<IncidentView, 'kind'>): readonly TargetWants[] {
  return incident.kind === 'offline' ? ['private', 'document'] : TARGET_WANTS;
}
