import type { PageCaptureView } from '../capture/page-captures.ts';
import {
  CATEGORIES,
  CATEGORY_SEVERITY,
  type Category,
  DEFAULT_CATEGORY,
  maxSeverity,
} from '../categories.ts';
import type { Actor, CommandDefinition } from '../command.ts';
import { buildGuidance } from '../guidance/build-guidance.ts';
import { safetyContacts } from '../guidance/safety-contacts.ts';
import type { Translator } from '../i18n/translator.ts';
import { ATTACK_PLACE_CHOICES, attackPlaceWord } from '../incident/attack-channel.ts';
import { type TargetNaming, targetNaming } from '../incident/target-name.ts';
import { TARGET_WANTS } from '../incident/target-wants.ts';
import { claimHint } from '../incident/who-was-attacked.ts';
import type { Ledger, RecordedFlag } from '../ledger-port.ts';
import { limitedFlagReply } from '../limits/limited-reply.ts';
import { NO_FLAG_LIMITS } from '../limits/member-limits.ts';
import type { Reply } from '../reply.ts';
import { sayError } from '../spoken-error.ts';
import { formatDay } from '../time.ts';
import { resolveWhen } from '../when-it-happened.ts';
import { categoryChoiceLabels, placeChoiceLabels, wantsChoiceLabels } from './choice-labels.ts';
import { type FlagArgs, flagArgs } from './flag-args.ts';
import { type FlagPlace, placeOfFlag } from './flag-place.ts';
import { incidentKey } from './incident-key.ts';
import { parseFlagText } from './parse-flag-text.ts';
import { renderFlagOutcome } from './render-flag-outcome.ts';

export const flagCommand: CommandDefinition<FlagArgs> = {
  name: 'flag',
  summary: 'cmd.flag.summary',
  usage: 'cmd.flag.usage',
  examples: [
    'cmd.flag.example.threat',
    'cmd.flag.example.hate',
    'cmd.flag.example.dm',
    'cmd.flag.example.complaint',
  ],
  access: 'member',
  options: [
    {
      name: 'url',
      label: 'cmd.flag.url.label',
      description: 'cmd.flag.url.description',
      required: false,
    },
    {
      name: 'by',
      label: 'cmd.flag.by.label',
      description: 'cmd.flag.by.description',
      required: false,
    },
    {
      name: 'category',
      label: 'cmd.flag.category.label',
      description: 'cmd.flag.category.description',
      required: false,
      choices: CATEGORIES,
      choiceLabels: categoryChoiceLabels,
    },
    {
      name: 'note',
      label: 'cmd.flag.note.label',
      description: 'cmd.flag.note.description',
      required: false,
      multiline: true,
    },
    {
      name: 'wants',
      label: 'cmd.flag.wants.label',
      description: 'cmd.flag.wants.description',
      required: false,
      choices: TARGET_WANTS,
      choiceLabels: wantsChoiceLabels,
    },
    {
      name: 'channel',
      label: 'cmd.flag.channel.label',
      description: 'cmd.flag.channel.description',
      required: false,
      onlyWithout: 'url',
      choices: ATTACK_PLACE_CHOICES,
      choiceLabels: placeChoiceLabels,
    },
    {
      name: 'target',
      label: 'cmd.flag.target.label',
      description: 'cmd.flag.target.description',
      required: false,
      kind: 'member',
      defaultsToSelf: true,
    },
    {
      name: 'target_post',
      label: 'cmd.flag.target_post.label',
      description: 'cmd.flag.target_post.description',
      required: false,
    },
    {
      name: 'when',
      label: 'cmd.flag.when.label',
      description: 'cmd.flag.when.description',
      required: false,
    },
    {
      name: 'anonymous',
      label: 'cmd.flag.anonymous.label',
      description: 'cmd.flag.anonymous.description',
      required: false,
      kind: 'yes-no',
    },
    {
      name: 'screenshots',
      label: 'cmd.flag.screenshots.label',
      description: 'cmd.flag.screenshots.description',
      required: false,
      kind: 'files',
    },
  ],
  form: { title: 'cmd.flag.form.title', submit: 'cmd.flag.form.submit' },
  parseText: parseFlagText,
  args: flagArgs,
  notDone: { said: 'flag.not_saved', tryAgain: 'flag.not_saved_try_again' },
  async run(args, { actor, delivery, now, ledger, settings, afterFlag, flagLimiter, t }) {
    const place = placeOfFlag(args);
    // The schema judged these already; this only narrows the type.
    if (!place.ok) return refusal(sayError(place.error, t));
    const occurredAt = args.when ? resolveWhen(args.when, now, settings.timezone) : undefined;
    if (occurredAt && !occurredAt.ok) return refusal(sayError(occurredAt.error, t));
    const at = occurredAt?.value ?? null;
    const category = args.category ?? defaultCategory(place.value);
    const severity = maxSeverity(CATEGORY_SEVERITY[category], args.severity ?? 'medium');
    const key = incidentKey(place.value, { delivery, day: formatDay(at ?? now, settings.timezone) });
    const target = args.target ?? { id: actor.id, name: actor.name };
    const admission = await (flagLimiter ?? NO_FLAG_LIMITS).admit({
      member: actor.id,
      colleague: target.id === actor.id ? undefined : target.id,
      critical: severity === 'critical',
      delivery,
    });
    // A retry of a flag another process recorded before the limit was reached gets its first answer.
    if (!admission.admitted && !(await ledger.deliveryRecorded(delivery))) {
      const retryAt = new Date(now.getTime() + admission.retryInMs);
      return limitedFlagReply(admission.reason, target.name, retryAt, settings.safety, settings.timezone, t);
    }
    const recorded = await ledger
      .recordFlag({
        delivery,
        post: key,
        accountNamedBy: place.value.namedBy,
        // An email from a known address is recorded as an email flag (see incidentKey), which has no channel.
        channel: key.kind === 'offline' ? (place.value.place?.channel ?? null) : null,
        occurredAt: at,
        sourceUrl:
          args.url?.raw ?? attackPlaceWord(place.value.place ?? { channel: 'other', platform: null }),
        category,
        severity,
        note: args.note,
        reporter: { id: actor.id, name: actor.name },
        anonymous: args.anonymous ?? false,
        target,
        // Without a public post there is nothing to reply under or report: colleagues support privately.
        wants: args.wants ?? (place.value.post === null ? 'private' : undefined),
        targetPostUrl: args.target_post,
        screenshots: args.screenshots ?? [],
        at: now,
      })
      .catch(async (error: unknown) => {
        if (admission.admitted) await admission.settle('not-saved');
        throw error;
      });
    if (admission.admitted) await admission.settle(recorded.outcome);
    const pageLeads = !admission.admitted || admission.pageLeads;
    await afterFlag?.(recorded, { pageLeads });
    const guidance = buildGuidance(t, {
      incident: recorded.incident,
      noteRecorded: args.note !== undefined,
      safety: settings.safety,
      timezone: settings.timezone,
      ...(settings.pageCapture ? { captures: await capturesSoFar(recorded, ledger) } : {}),
    });
    const { naming, claim } = await howReporterReadsTarget(recorded, actor, args, ledger, t);
    const answer = renderFlagOutcome(recorded, args, guidance, naming, settings.timezone, t, claim);
    const notKept = (args.screenshots ?? []).filter((file) => file.content === undefined).length;
    const notes = [
      ...(notKept > 0 ? [screenshotsNotKept(notKept, t)] : []),
      ...(!pageLeads && recorded.incident.severity === 'critical' && recorded.outcome !== 'repeated-delivery'
        ? [leadsNotPagedAgain(safetyContacts(t, settings.safety).emergency, t)]
        : []),
    ];
    return {
      ...answer,
      sections: [...answer.sections, ...notes],
      incidentId: recorded.incident.id,
    };
  },
};

/**
 * The naming rule needs who flagged it and how; only a colleague who joined an existing incident could be told a
 * name the target hid, so only then is the incident read again. A member who flagged it as an attack on
 * themselves, when it names someone else, is told how to make it theirs (`claim`).
 */
async function howReporterReadsTarget(
  { outcome, incident }: RecordedFlag,
  reporter: Actor,
  args: FlagArgs,
  ledger: Ledger,
  t: Translator,
): Promise<{ naming: TargetNaming; claim?: string }> {
  if (outcome === 'created' || reporter.id === incident.target.id) {
    return { naming: targetNaming({ target: incident.target, reportedBy: [] }, reporter) };
  }
  const claimsIt = (args.target?.id ?? reporter.id) === reporter.id;
  if (reporter.isLead && !claimsIt) {
    return { naming: targetNaming({ target: incident.target, reportedBy: [] }, reporter) };
  }
  // The flag is saved by now: a read that fails (the database gone right after) hides the name rather than
  // turning the answer into "not saved".
  const details = await ledger.getIncident(incident.id).catch(() => undefined);
  if (!details) return { naming: { kind: 'hidden' } };
  const claim = claimsIt && outcome !== 'repeated-delivery' ? claimHint(details, reporter, t) : undefined;
  return { naming: targetNaming(details, reporter), ...(claim ? { claim } : {}) };
}

/** A critical flag past its member's limit of pages to the leads: recorded, on the card, not paged again. */
function leadsNotPagedAgain(emergency: string, t: Translator): Reply['sections'][number] {
  return { lines: [t('flag.leads_not_paged_again', { emergency })] };
}

/** Screenshots the bot could not fetch (busy, or the file was unreachable): the member keeps their own copy. */
function screenshotsNotKept(count: number, t: Translator): Reply['sections'][number] {
  return { lines: [t('flag.screenshots_not_kept', { count })] };
}

function refusal(message: string): Reply {
  return { tone: 'error', title: message, sections: [] };
}

/** A complaint to an employer or college is filed as one; other attacks default to harassment. */
function defaultCategory(place: FlagPlace): Category {
  return place.place?.channel === 'complaint' ? 'complaint' : DEFAULT_CATEGORY;
}

/** A new incident's pages are being captured as it is answered; an existing one's may be done. */
async function capturesSoFar(
  recorded: RecordedFlag,
  ledger: Ledger,
): Promise<readonly PageCaptureView[] | 'starting'> {
  if (recorded.outcome === 'created' || recorded.incident.channel !== null) return 'starting';
  const captures = await ledger.pageCaptures(recorded.incident.id);
  return captures.length > 0 ? captures : 'starting';
}
