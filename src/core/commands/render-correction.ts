import { profileOffender } from '../frequent-offender.ts';
import type { CorrectionOutcome, OffenderHistory } from '../ledger-port.ts';
import { accountOnPlatform, attackerOnPlatform } from '../post-url/account-on-platform.ts';
import type { AccountRef } from '../post-url/types.ts';
import { incidentReference } from '../reference.ts';
import type { Reply } from '../reply.ts';
import type { FrequentRule } from '../settings.ts';

/** An account the correction touched, with its ledger record before and after (undefined: none). */
export interface AccountBeforeAfter {
  account: AccountRef;
  before: OffenderHistory | undefined;
  after: OffenderHistory | undefined;
}

/**
 * What a correction changed, and how the accounts it moved the incident between stand against the
 * frequent-offender rule now. Who was attacked is never named: the reply may be read over a shoulder.
 */
export function renderCorrection(
  incidentId: number,
  outcome: Extract<CorrectionOutcome, { outcome: 'corrected' }>,
  sameAs: AccountRef | undefined,
  accounts: readonly AccountBeforeAfter[],
  judged: { now: Date; rule: FrequentRule },
): Reply {
  const reference = incidentReference(incidentId);
  const lines: string[] = [];
  if (outcome.attributed) {
    lines.push(
      `Attacker: now ${attackerOnPlatform(outcome.attacker, 'member')}; it was ${attackerOnPlatform(outcome.previous, null)}.`,
    );
  }
  if (outcome.retargeted) {
    lines.push(retargetLine(outcome.rally.status, outcome.rally.consent));
    lines.push(...undoneLines(outcome.undone));
  }
  if (outcome.linked && outcome.attacker && sameAs) {
    lines.push(
      `Linked ${accountOnPlatform(outcome.attacker)} with ${accountOnPlatform(sameAs)} as one person.`,
    );
  }
  const statuses = accounts.map((entry) => frequentStatusLine(entry, judged.now, judged.rule));
  return {
    tone: 'success',
    title: `Corrected ${reference}.`,
    sections: [
      { lines },
      ...(statuses.length > 0 ? [{ heading: 'Frequent-offender rule', lines: statuses }] : []),
      { lines: ['Recorded in the audit log with your reason.'] },
    ],
    incidentId,
  };
}

function retargetLine(status: 'open' | 'resolved', consent: string): string {
  if (status !== 'open') return 'Who was attacked: changed.';
  return consent === 'given'
    ? 'Who was attacked: changed. They flagged it themselves, so colleagues may act as they asked.'
    : 'Who was attacked: changed. They will be asked privately what they want before colleagues act.';
}

/** The choices of the member named before as attacked, undone: they were never theirs to make. */
function undoneLines(undone: { resolution: boolean; wants: boolean }): string[] {
  const lines: string[] = [];
  if (undone.resolution) {
    lines.push(
      'The member named before had resolved it: it is open again, until the person attacked decides.',
    );
  }
  if (undone.wants) lines.push('What the member named before had asked colleagues for no longer applies.');
  return lines;
}

/** "@troll on X now meets the frequent-offender rule (3 incidents against 2 members in 90 days)." */
export function frequentStatusLine(entry: AccountBeforeAfter, now: Date, rule: FrequentRule): string {
  const name = accountOnPlatform(entry.account);
  const was = entry.before ? profileOffender(entry.before, now, rule) : undefined;
  const is = entry.after ? profileOffender(entry.after, now, rule) : undefined;
  if (!is) return `${name} no longer has any incident.`;
  const counts =
    `${plural(is.window.incidents.length, 'incident')} against ${plural(is.window.targets, 'member')} ` +
    `in ${rule.windowDays} days`;
  if (is.frequent)
    return `${name} ${was?.frequent ? 'still meets' : 'now meets'} the frequent-offender rule (${counts}).`;
  if (is.cleared) return `${name} meets the frequent-offender rule (${counts}), but a lead cleared it.`;
  if (is.lapsed) {
    return `${name} met the frequent-offender rule (${counts}), but its latest incident was over ${rule.lapseDays} days ago.`;
  }
  const rest = `(${counts}; it takes ${plural(rule.minIncidents, 'incident')} against ${plural(rule.minTargets, 'member')})`;
  return was?.frequent
    ? `${name} no longer meets the frequent-offender rule ${rest}.`
    : `${name} doesn't meet the frequent-offender rule ${rest}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
