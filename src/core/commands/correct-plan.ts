import type { Actor } from '../command.ts';
import { accountOn } from '../i18n/place-words.ts';
import type { Translator } from '../i18n/translator.ts';
import { retargetRefusal } from '../incident/who-was-attacked.ts';
import type { IncidentDetails, MemberRef } from '../ledger-port.ts';
import { resolveAttacker } from '../post-url/parse-attacker.ts';
import { sameAccount } from '../post-url/same-account.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';
import { incidentReference } from '../reference.ts';
import { fail, ok, type Result, type UserError } from '../result.ts';
import { sayError } from '../spoken-error.ts';
import type { CorrectArgs } from './correct-args.ts';

/** What a correction asks for; absent parts stay as they are. */
export interface CorrectionPlan {
  /** The attacker's account asked for (null: unknown), and whether the incident names another now. */
  attacker?: { account: AccountRef | null; changes: boolean };
  target?: MemberRef;
  /** What the incident already says of what was asked, for the answer when nothing changes. */
  alreadySo: string[];
}

/** A correction's parts as the handler resolved them: `target:me` is the member correcting it. */
export interface ResolvedCorrection {
  by?: CorrectArgs['by'];
  target?: MemberRef;
  same_as?: string;
}

/** `target:me` is whoever typed it; a member picked in a form is taken as picked. */
export function resolveCorrection(args: CorrectArgs, actor: Actor): ResolvedCorrection {
  const { target, ...rest } = args;
  if (target === undefined) return rest;
  return { ...rest, target: target === 'me' ? { id: actor.id, name: actor.name } : target };
}

/**
 * A lead may correct any incident; the member who first flagged it may correct its attacker. Who was attacked
 * follows its own rule (retargetRefusal): the person attacked may claim it too. Linking accounts of one person
 * stays with leads, as on /review.
 */
export function correctionRefusal(
  actor: Actor,
  incident: IncidentDetails,
  args: Pick<ResolvedCorrection, 'same_as' | 'target' | 'by'>,
  t: Translator,
): UserError | undefined {
  const reference = incidentReference(incident.id);
  const firstFlagger = incident.reportedBy[0]?.id === actor.id;
  const onlyTarget = args.by === undefined && args.same_as === undefined && args.target !== undefined;
  if (!actor.isLead && !firstFlagger && !onlyTarget) {
    return {
      code: 'correct.not_allowed',
      message: t('correct.not_allowed', { reference }),
    };
  }
  if (args.same_as !== undefined && !actor.isLead) {
    return {
      code: 'correct.link_lead_only',
      message: t('correct.link_lead_only'),
    };
  }
  if (args.target !== undefined && incident.purged) {
    return {
      code: 'correct.purged',
      message: t('correct.purged', { reference }),
    };
  }
  if (args.target === undefined) return undefined;
  const refusal = retargetRefusal(actor, incident, args.target);
  return refusal && { code: refusal.code, message: retargetMessage(t, refusal, reference) };
}

/** retargetRefusal's answers, said in the reader's language. */
function retargetMessage(t: Translator, refusal: UserError, reference: string): string {
  if (refusal.code === 'correct.not_allowed') return t('correct.retarget_not_allowed', { reference });
  if (refusal.code === 'correct.target_claimed') return t('correct.target_claimed', { reference });
  return refusal.message;
}

/**
 * What a correction asks for, judged against the incident as it is: the attacker is read by the same rules as
 * on /flag, against the incident's platform. Whether anything changes at all is the ledger's to say, under its
 * lock, after it has checked for a repeated delivery.
 */
export function planCorrection(
  incident: IncidentDetails,
  args: Pick<ResolvedCorrection, 'by' | 'target' | 'same_as'>,
  t: Translator,
): Result<CorrectionPlan> {
  const reference = incidentReference(incident.id);
  const plan: CorrectionPlan = { alreadySo: [] };
  if (args.by !== undefined) {
    const attacker = resolveAttacker(args.by, attackerPlatform(incident.platform));
    if (!attacker.ok) {
      return fail(
        attacker.error.code,
        t('correct.attacker_problem', { problem: sayError(attacker.error, t) }),
      );
    }
    const current = incident.offender;
    const account = attacker.value;
    const same = account === null ? current === null : current !== null && sameAccount(account, current);
    plan.attacker = { account, changes: !same };
    if (same) {
      plan.alreadySo.push(
        current
          ? t('correct.already_names', { reference, account: accountOn(t, current) })
          : t('correct.already_unknown', { reference }),
      );
    }
  }
  if (args.target !== undefined) {
    plan.target = args.target;
    if (args.target.id === incident.target.id)
      plan.alreadySo.push(t('correct.already_target', { reference }));
  }
  const attacker = plan.attacker ? plan.attacker.account : incident.offender;
  if (args.same_as !== undefined && attacker === null) {
    return fail('correct.no_attacker', t('correct.no_attacker', { reference }));
  }
  return ok(plan);
}

/** The answer when the ledger found nothing to change. */
export function nothingToChange(reference: string, plan: CorrectionPlan, t: Translator): string {
  return plan.alreadySo.length > 0
    ? t('correct.nothing_to_change', { already: plan.alreadySo.join('; ') })
    : t('correct.nothing_to_change_all', { reference });
}

/**
 * The platform an attacker's account must be on: the post's, or a direct message's; none for an email or an
 * attack off any platform (a call, a letter), where any account or a person's name may have done it.
 */
function attackerPlatform(platform: Platform): Platform | null {
  return platform === 'email' || platform === 'offline' ? null : platform;
}
