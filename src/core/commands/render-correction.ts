import { profileOffender } from '../frequent-offender.ts';
import { accountOn, attackerOn } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import type { CorrectionOutcome, OffenderHistory } from '../ledger-port.ts';
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
  t: Translator,
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
      t('correct.attacker_now', {
        now: attackerOn(t, outcome.attacker, 'member'),
        was: attackerOn(t, outcome.previous, null),
      }),
    );
  }
  if (outcome.retargeted) {
    lines.push(retargetLine(t, outcome.rally.status, outcome.rally.consent));
    lines.push(...undoneLines(t, outcome.undone));
  }
  if (outcome.linked && outcome.attacker && sameAs) {
    lines.push(t('correct.linked', { account: accountOn(t, outcome.attacker), other: accountOn(t, sameAs) }));
  }
  const statuses = accounts.map((entry) => frequentStatusLine(t, entry, judged.now, judged.rule));
  return {
    tone: 'success',
    title: t('correct.done', { reference }),
    sections: [
      { lines },
      ...(statuses.length > 0 ? [{ heading: t('correct.rule_heading'), lines: statuses }] : []),
      { lines: [t('audit.recorded')] },
    ],
    incidentId,
  };
}

function retargetLine(t: Translator, status: 'open' | 'resolved', consent: string): string {
  if (status !== 'open') return t('correct.retargeted');
  return consent === 'given' ? t('correct.retargeted_consent') : t('correct.retargeted_ask');
}

/** The choices of the member named before as attacked, undone: they were never theirs to make. */
function undoneLines(t: Translator, undone: { resolution: boolean; wants: boolean }): string[] {
  const lines: string[] = [];
  if (undone.resolution) lines.push(t('correct.undone_resolution'));
  if (undone.wants) lines.push(t('correct.undone_wants'));
  return lines;
}

/** "@troll on X now meets the frequent-offender rule (3 incidents against 2 members in 90 days)." */
export function frequentStatusLine(
  t: Translator,
  entry: AccountBeforeAfter,
  now: Date,
  rule: FrequentRule,
): string {
  const account = accountOn(t, entry.account);
  const was = entry.before ? profileOffender(entry.before, now, rule) : undefined;
  const is = entry.after ? profileOffender(entry.after, now, rule) : undefined;
  if (!is) return t('correct.rule.gone', { account });
  const counts = t('correct.rule.counts', {
    incidents: is.window.incidents.length,
    members: is.window.targets,
    days: rule.windowDays,
  });
  if (is.frequent) {
    return t(was?.frequent ? 'correct.rule.still_meets' : 'correct.rule.now_meets', { account, counts });
  }
  if (is.cleared) return t('correct.rule.cleared', { account, counts });
  if (is.lapsed) return t('correct.rule.lapsed', { account, counts, days: rule.lapseDays });
  const takes = { account, counts, minIncidents: rule.minIncidents, minTargets: rule.minTargets };
  return t(was?.frequent ? 'correct.rule.no_longer' : 'correct.rule.does_not', takes);
}
