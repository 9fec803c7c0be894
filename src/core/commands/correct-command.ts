import type { CommandDefinition } from '../command.ts';
import type { Ledger } from '../ledger-port.ts';
import { sameAccount } from '../post-url/same-account.ts';
import type { AccountRef } from '../post-url/types.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, infoReply } from '../reply.ts';
import { type CorrectArgs, correctArgs, parseCorrectText } from './correct-args.ts';
import { correctionRefusal, nothingToChange, planCorrection, resolveCorrection } from './correct-plan.ts';
import { oneAccount } from './one-account.ts';
import { type AccountBeforeAfter, renderCorrection } from './render-correction.ts';

/**
 * Corrects an incident's record: who attacked (the incident moves to that account), who was attacked (they are
 * asked again what they want), or links its attacker with another account of the same person.
 */
export const correctCommand: CommandDefinition<CorrectArgs> = {
  name: 'correct',
  summary: 'cmd.correct.summary',
  usage: 'cmd.correct.usage',
  examples: [
    'cmd.correct.example.by',
    'cmd.correct.example.unknown',
    'cmd.correct.example.same_as',
    'cmd.correct.example.target',
  ],
  access: 'member',
  options: [
    {
      name: 'incident',
      label: 'cmd.correct.incident.label',
      description: 'cmd.correct.incident.description',
      required: true,
    },
    {
      name: 'by',
      label: 'cmd.correct.by.label',
      description: 'cmd.correct.by.description',
      required: false,
    },
    {
      name: 'target',
      label: 'cmd.correct.target.label',
      description: 'cmd.correct.target.description',
      required: false,
      kind: 'member',
    },
    {
      name: 'same_as',
      label: 'cmd.correct.same_as.label',
      description: 'cmd.correct.same_as.description',
      required: false,
    },
    {
      name: 'reason',
      label: 'cmd.correct.reason.label',
      description: 'cmd.correct.reason.description',
      required: true,
      multiline: true,
    },
  ],
  form: { title: 'cmd.correct.form.title', submit: 'cmd.correct.form.submit' },
  parseText: parseCorrectText,
  args: correctArgs,
  async run(args, { actor, delivery, ledger, now, settings, t, afterRetarget, afterAttackerNamed }) {
    const reference = incidentReference(args.incident);
    const incident = await ledger.getIncident(args.incident);
    if (!incident) {
      return errorReply({
        code: 'correct.unknown',
        message: t('correct.unknown_incident', { reference }),
      });
    }
    const wanted = resolveCorrection(args, actor);
    const refusal = correctionRefusal(actor, incident, wanted, t);
    if (refusal) return errorReply(refusal);
    const plan = planCorrection(incident, wanted, t);
    if (!plan.ok) return errorReply(plan.error);
    const { attacker: asked, target } = plan.value;
    const attacker = asked ? asked.account : incident.offender;
    let sameAs: AccountRef | undefined;
    if (args.same_as !== undefined) {
      const other = await oneAccount(ledger, args.same_as, t);
      if (!other.ok) return errorReply(other.error);
      if (attacker && sameAccount(other.value, attacker)) {
        return errorReply({
          code: 'correct.same',
          message: t('correct.same', { reference }),
        });
      }
      sameAs = other.value;
    }
    // The accounts the incident moves between, judged against the rule before and after.
    const moved = asked?.changes ? [incident.offender, asked.account] : [];
    const accounts = moved.filter((account): account is AccountRef => account !== null);
    const before = await Promise.all(accounts.map((account) => historyOf(ledger, account)));
    const outcome = await ledger.correctIncident({
      incidentId: incident.id,
      delivery,
      ...(asked ? { attacker: asked.account } : {}),
      // The rule was judged against this target: the ledger refuses if another correction changed it since.
      ...(target ? { target, targetWas: incident.target.id } : {}),
      ...(sameAs ? { sameAs } : {}),
      actorId: actor.id,
      reason: args.reason,
      at: now,
    });
    if (outcome.outcome === 'missing') {
      return errorReply({ code: 'correct.unknown', message: t('correct.missing', { reference }) });
    }
    if (outcome.outcome === 'repeated-delivery') {
      return {
        ...infoReply(t('correct.repeated', { reference })),
        incidentId: incident.id,
      };
    }
    if (outcome.outcome === 'target-changed') {
      return errorReply({
        code: 'correct.target_changed',
        message: t('correct.target_changed', { reference }),
      });
    }
    if (outcome.outcome === 'unchanged') {
      return errorReply({ code: 'correct.unchanged', message: nothingToChange(reference, plan.value, t) });
    }
    if (outcome.retargeted) await afterRetarget?.(incident.id, outcome.rally);
    if (asked?.changes && asked.account) await afterAttackerNamed?.(incident.id);
    // The correction is saved by now: if reading the accounts again fails (the database gone right after), the
    // answer says what changed without judging them, rather than that nothing was done.
    const judged: AccountBeforeAfter[] = await Promise.all(
      accounts.map(async (account, index) => ({
        account,
        before: before[index],
        after: await historyOf(ledger, account),
      })),
    ).catch(() => []);
    return renderCorrection(t, incident.id, outcome, sameAs, judged, { now, rule: settings.frequentRule });
  },
};

async function historyOf(ledger: Ledger, account: AccountRef) {
  const found = await ledger.findOffenders({ platform: account.platform, handle: account.handle });
  return found.find((history) => sameAccount(history.account, account));
}
