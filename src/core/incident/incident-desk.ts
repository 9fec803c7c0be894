import type { Actor } from '../command.ts';
import { memberLanguageOf } from '../i18n/member-language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { outcomeLabel } from '../i18n/vocabulary.ts';
import type { ActionOutcome, Ledger } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, type Reply, type Section } from '../reply.ts';
import { type CoreLogger, unexpectedFailure } from '../run-command.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { buildIncidentCard, type IncidentCard } from './incident-card.ts';
import { buildMemberHome } from './member-home.ts';
import type { CardAction, Outcome, ResolveChoice } from './outcomes.ts';
import { wantsReplies, wantsReports } from './target-wants.ts';
import { mayReadWording } from './wording-access.ts';

export interface IncidentDeskDependencies {
  ledger: Ledger;
  settings: CollectiveSettings;
  log: CoreLogger;
  now: () => Date;
}

/** What someone pressing a card's button gets: a private reply, and whether the card must be redrawn. */
export interface DeskAnswer {
  reply: Reply;
  cardChanged: boolean;
}

/** The incident card's buttons and the member's home view, platform-free: adapters only draw and deliver. */
export interface IncidentDesk {
  card(incidentId: number): Promise<IncidentCard | undefined>;
  act(actor: Actor, incidentId: number, action: CardAction): Promise<DeskAnswer>;
  /** Checked before a resolve form is shown, so nobody fills in a form they may not submit. */
  mayResolve(actor: Actor, incidentId: number): Promise<Reply | undefined>;
  resolve(actor: Actor, incidentId: number, outcome: ResolveChoice): Promise<DeskAnswer>;
  wording(actor: Actor, incidentId: number): Promise<Reply>;
  home(actor: Actor): Promise<Reply>;
}

const notFound = (incidentId: number, t: Translator) =>
  errorReply({
    code: 'incident.missing',
    message: t('desk.not_found', { reference: incidentReference(incidentId) }),
  });

const resolveRefused = (incidentId: number, t: Translator) =>
  errorReply({
    code: 'incident.resolve_refused',
    message: t('desk.resolve_refused', { reference: incidentReference(incidentId) }),
  });

const wordingRefused = (incidentId: number, t: Translator) =>
  errorReply({
    code: 'incident.wording_private',
    message: t('desk.wording_refused', { reference: incidentReference(incidentId) }),
  });

export function createIncidentDesk(deps: IncidentDeskDependencies): IncidentDesk {
  const { ledger, settings, log, now } = deps;
  /** Whoever pressed a button or opened their home is answered in their language. */
  const speakTo = async (actor: Actor) => translator(await memberLanguageOf(ledger, actor, settings));
  /** Every desk answer goes through here: an unexpected failure becomes a kind reply with an error id. */
  const guard = async (
    actor: Actor,
    what: string,
    work: (t: Translator) => Promise<DeskAnswer>,
  ): Promise<DeskAnswer> => {
    const t = await speakTo(actor);
    try {
      return await work(t);
    } catch (error) {
      return { reply: unexpectedFailure(log, { action: what }, error, t), cardChanged: false };
    }
  };
  const replyOnly = async (actor: Actor, what: string, work: (t: Translator) => Promise<Reply>) =>
    (await guard(actor, what, async (t) => ({ reply: await work(t), cardChanged: false }))).reply;

  return {
    async card(incidentId) {
      const incident = await ledger.getIncident(incidentId);
      return incident ? buildIncidentCard(incident, settings) : undefined;
    },

    act: (actor, incidentId, action) =>
      guard(actor, action, async (t) => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return { reply: notFound(incidentId, t), cardChanged: false };
        const reference = incidentReference(incidentId);
        if (action === 'supported' && actor.id === incident.target.id) {
          return {
            reply: errorReply({
              code: 'incident.own_post',
              message: t('desk.own_post'),
            }),
            cardChanged: false,
          };
        }
        const asked =
          action === 'supported'
            ? wantsReplies(incident.wants) || incident.wants === 'private'
            : wantsReports(incident.wants);
        if (!asked && incident.resolution === null) {
          return {
            reply: errorReply({
              code: 'incident.not_asked',
              message: t('desk.not_asked', { reference }),
            }),
            cardChanged: false,
          };
        }
        const outcome = await ledger.recordAction(incidentId, actor.id, action, now());
        return { reply: actionReply(incidentId, action, outcome, t), cardChanged: outcome === 'recorded' };
      }),

    async mayResolve(actor, incidentId) {
      const t = await speakTo(actor);
      try {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return notFound(incidentId, t);
        if (actor.id !== incident.target.id && !actor.isLead) return resolveRefused(incidentId, t);
        return incident.resolution ? alreadyResolved(incidentId, incident.resolution.outcome, t) : undefined;
      } catch (error) {
        return unexpectedFailure(log, { action: 'may-resolve' }, error, t);
      }
    },

    resolve: (actor, incidentId, outcome) =>
      guard(actor, 'resolve', async (t) => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return { reply: notFound(incidentId, t), cardChanged: false };
        if (actor.id !== incident.target.id && !actor.isLead) {
          return { reply: resolveRefused(incidentId, t), cardChanged: false };
        }
        const result = await ledger.resolveIncident(incidentId, outcome, actor.id, now());
        if (result === 'missing') return { reply: notFound(incidentId, t), cardChanged: false };
        if (result === 'already') {
          const current = await ledger.getIncident(incidentId);
          return {
            reply: alreadyResolved(incidentId, current?.resolution?.outcome ?? outcome, t),
            cardChanged: false,
          };
        }
        return {
          reply: {
            tone: 'success',
            title: t('desk.resolved', {
              reference: incidentReference(incidentId),
              outcome: outcomeLabel(t, outcome),
            }),
            sections: [{ lines: [t('desk.resolved_stays')] }],
          },
          cardChanged: true,
        };
      }),

    wording: (actor, incidentId) =>
      replyOnly(actor, 'wording', async (t) => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return notFound(incidentId, t);
        if (!mayReadWording(incident, actor)) return wordingRefused(incidentId, t);
        const notes = await ledger.listNotes(incidentId);
        const reference = incidentReference(incidentId);
        // Leads see who flagged it, including those who asked the channel not to see their name.
        const whoFlagged: Section[] = actor.isLead
          ? [
              {
                heading: t('desk.flagged_by_heading'),
                lines: incident.reportedBy.map((r) =>
                  t(r.anonymous ? 'desk.flagged_by_line_anonymous' : 'desk.flagged_by_line', {
                    name: r.name,
                    at: formatInstant(r.reportedAt, settings.timezone),
                  }),
                ),
              },
            ]
          : [];
        if (notes.length === 0) {
          return { tone: 'info', title: t('desk.no_wording', { reference }), sections: whoFlagged };
        }
        return {
          tone: 'warning',
          title: t('desk.content_warning', { reference }),
          whenTooLong: t(actor.isLead ? 'desk.export_lead' : 'desk.export_member', { reference }),
          sections: [
            ...notes.map((note) => ({
              heading: t(
                !actor.isLead
                  ? 'desk.reported_at'
                  : note.anonymous
                    ? 'desk.reported_at_by_anonymous'
                    : 'desk.reported_at_by',
                { at: formatInstant(note.reportedAt, settings.timezone), name: note.name },
              ),
              lines: note.note.split('\n'),
              verbatim: true,
            })),
            ...whoFlagged,
          ],
        };
      }),

    home: (actor) => replyOnly(actor, 'home', (t) => buildMemberHome(actor, deps, t)),
  };
}

function actionReply(incidentId: number, action: CardAction, outcome: ActionOutcome, t: Translator): Reply {
  const reference = incidentReference(incidentId);
  switch (outcome) {
    case 'recorded':
      return {
        tone: 'success',
        title: t(action === 'supported' ? 'desk.support_counted' : 'desk.report_counted', { reference }),
        sections: [],
      };
    case 'already':
      return { tone: 'info', title: t('desk.already', { reference }), sections: [] };
    case 'resolved':
      return { tone: 'info', title: t('desk.resolved_already', { reference }), sections: [] };
    case 'missing':
      return notFound(incidentId, t);
  }
}

function alreadyResolved(incidentId: number, outcome: Outcome, t: Translator): Reply {
  return {
    tone: 'info',
    title: t('desk.already_resolved', {
      reference: incidentReference(incidentId),
      outcome: outcomeLabel(t, outcome),
    }),
    sections: [],
  };
}
