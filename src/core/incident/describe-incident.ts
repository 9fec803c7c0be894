import { attackerOn, whereText } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { IncidentView } from '../ledger-port.ts';
import { formatDay, formatInstant } from '../time.ts';
import { isDayOnly } from '../when-it-happened.ts';
import { TARGET_WANTS, type TargetWants } from './target-wants.ts';

/** The card's and the reply's first line: where, and who. */
export function whereAndWho(incident: IncidentView, t: Translator): string {
  // The attacker's platform is said only when it is not the incident's own.
  const values = {
    place: whereText(t, incident),
    account: attackerOn(t, incident.offender, incident.offenderNamedBy, incident.platform),
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
