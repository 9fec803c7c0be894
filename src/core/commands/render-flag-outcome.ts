import type { Translator } from '../i18n/translator.ts';
import { categoryLabel, severityLabel, wantsLabel } from '../i18n/vocabulary.ts';
import { occurredText, whereAndWho } from '../incident/describe-incident.ts';
import type { TargetNaming } from '../incident/target-name.ts';
import type { IncidentView, RecordedFlag } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import type { Reply, Section } from '../reply.ts';
import type { FlagArgs } from './flag-args.ts';
import { placeOfFlag } from './flag-place.ts';

/**
 * The reporter's confirmation: which incident, what it was filed as, then the guidance. `target` says how the
 * reporter may read the person attacked (see targetNaming): whoever flags the same post is not told the name of
 * a target who flagged it anonymously.
 */
export function renderFlagOutcome(
  { outcome, incident }: RecordedFlag,
  asked: FlagArgs,
  guidance: Section[],
  target: TargetNaming,
  timezone: string,
  t: Translator,
  /** For a member who flagged it as an attack on themselves when it names another: how to make it theirs. */
  claim?: string,
): Reply {
  const reference = incidentReference(incident.id);
  const category = categoryLabel(t, incident.category);
  const severity = severityLabel(t, incident.severity);
  const counted = { reference, count: incident.reporters, kind: incident.kind };
  const title = {
    created: t('flag.title.created', { reference, category, severity }),
    'co-reported': t('flag.title.co_reported', counted),
    'already-reported': t('flag.title.already_reported', counted),
    'repeated-delivery': t('flag.title.repeated', { reference }),
  }[outcome];
  const lines = [
    t('flag.category_line', { category, severity }),
    whereAndWho(incident, t),
    ...(incident.occurredAt
      ? [t('flag.happened', { when: occurredText(incident.occurredAt, timezone, t) })]
      : []),
    ...attackerLines(incident, asked, t),
  ];
  lines.push(...targetLines(target, wantsLabel(t, incident.wants), t));
  if (claim) lines.push(claim);
  if (outcome === 'co-reported' && asked.category && asked.category !== incident.category) {
    lines.push(t(asked.note ? 'flag.first_flagged_as_note' : 'flag.first_flagged_as', { category }));
  }
  return {
    tone: outcome === 'created' || outcome === 'co-reported' ? 'success' : 'info',
    title,
    sections: [{ lines }, ...guidance],
  };
}

/** What the person attacked asked for, and whose the guidance is, spoken to whoever reads it. */
function targetLines(target: TargetNaming, wants: string, t: Translator): string[] {
  switch (target.kind) {
    case 'reader':
      return [t('flag.you_asked_for', { wants })];
    case 'named':
      return [
        t('flag.named_wants', { name: target.name, wants }),
        t('flag.named_steps', { name: target.name }),
      ];
    case 'hidden':
      return [t('flag.hidden_wants', { wants }), t('flag.hidden_steps')];
  }
}

/** When the account is unknown, how to name it; when this flag named another one than the record, who can fix it. */
function attackerLines(incident: IncidentView, asked: FlagArgs, t: Translator): string[] {
  const reference = incidentReference(incident.id);
  if (incident.offender === null) {
    if (incident.kind === 'offline') return [t('flag.name_them_later', { reference })];
    return [t(incident.kind === 'comment' ? 'flag.comment_unnamed' : 'flag.post_unnamed', { reference })];
  }
  const place = placeOfFlag(asked);
  const named = place.ok ? place.value.attacker : null;
  if (named && (named.platform !== incident.offender.platform || named.handle !== incident.offender.handle)) {
    return [t('flag.already_names', { reference, account: incident.offender.display })];
  }
  return [];
}
