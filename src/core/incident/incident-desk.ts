import type { Actor } from '../command.ts';
import { collectiveLanguage } from '../i18n/member-language.ts';
import { translator } from '../i18n/translator.ts';
import type { ActionOutcome, Ledger } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, type Reply, type Section } from '../reply.ts';
import { type CoreLogger, unexpectedFailure } from '../run-command.ts';
import type { CollectiveSettings } from '../settings.ts';
import { formatInstant } from '../time.ts';
import { buildIncidentCard, type IncidentCard } from './incident-card.ts';
import { buildMemberHome } from './member-home.ts';
import { type CardAction, OUTCOME_LABEL, type Outcome, type ResolveChoice } from './outcomes.ts';
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

const notFound = (incidentId: number) =>
  errorReply({
    code: 'incident.missing',
    message: `I can't find ${incidentReference(incidentId)} in the ledger. It may have been removed by a lead.`,
  });

const resolveRefused = (incidentId: number) =>
  errorReply({
    code: 'incident.resolve_refused',
    message: `Only the person whose post was attacked, or a lead, can resolve ${incidentReference(incidentId)}.`,
  });

const wordingRefused = (incidentId: number) =>
  errorReply({
    code: 'incident.wording_private',
    message:
      `The wording of ${incidentReference(incidentId)} is kept private: in a doxxing it is the personal ` +
      'information that was exposed, so only the person attacked and leads can read it. Thank you for looking ' +
      'out for them; the card says what they would like colleagues to do.',
  });

export function createIncidentDesk(deps: IncidentDeskDependencies): IncidentDesk {
  const { ledger, settings, log, now } = deps;
  const collectiveTranslator = translator(collectiveLanguage(settings));
  /** Every desk answer goes through here: an unexpected failure becomes a kind reply with an error id. */
  const guard = async (what: string, work: () => Promise<DeskAnswer>): Promise<DeskAnswer> => {
    try {
      return await work();
    } catch (error) {
      return {
        reply: unexpectedFailure(log, { action: what }, error, collectiveTranslator),
        cardChanged: false,
      };
    }
  };
  const replyOnly = async (what: string, work: () => Promise<Reply>) =>
    (await guard(what, async () => ({ reply: await work(), cardChanged: false }))).reply;

  return {
    async card(incidentId) {
      const incident = await ledger.getIncident(incidentId);
      return incident ? buildIncidentCard(incident, settings) : undefined;
    },

    act: (actor, incidentId, action) =>
      guard(action, async () => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return { reply: notFound(incidentId), cardChanged: false };
        const reference = incidentReference(incidentId);
        if (action === 'supported' && actor.id === incident.target.id) {
          return {
            reply: errorReply({
              code: 'incident.own_post',
              message:
                'This is about your own post, so please stay out of the replies: colleagues will answer for you. ' +
                'Block or mute the account, and step away if you can.',
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
              message: `The person attacked didn't ask for that on ${reference}; please follow what the card asks.`,
            }),
            cardChanged: false,
          };
        }
        const outcome = await ledger.recordAction(incidentId, actor.id, action, now());
        return { reply: actionReply(incidentId, action, outcome), cardChanged: outcome === 'recorded' };
      }),

    async mayResolve(actor, incidentId) {
      try {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return notFound(incidentId);
        if (actor.id !== incident.target.id && !actor.isLead) return resolveRefused(incidentId);
        return incident.resolution ? alreadyResolved(incidentId, incident.resolution.outcome) : undefined;
      } catch (error) {
        return unexpectedFailure(log, { action: 'may-resolve' }, error, collectiveTranslator);
      }
    },

    resolve: (actor, incidentId, outcome) =>
      guard('resolve', async () => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return { reply: notFound(incidentId), cardChanged: false };
        if (actor.id !== incident.target.id && !actor.isLead) {
          return { reply: resolveRefused(incidentId), cardChanged: false };
        }
        const result = await ledger.resolveIncident(incidentId, outcome, actor.id, now());
        if (result === 'missing') return { reply: notFound(incidentId), cardChanged: false };
        if (result === 'already') {
          const current = await ledger.getIncident(incidentId);
          return {
            reply: alreadyResolved(incidentId, current?.resolution?.outcome ?? outcome),
            cardChanged: false,
          };
        }
        return {
          reply: {
            tone: 'success',
            title: `${incidentReference(incidentId)} is resolved: ${OUTCOME_LABEL[outcome]}.`,
            sections: [{ lines: ["It stays in the ledger, and counts towards the account's record."] }],
          },
          cardChanged: true,
        };
      }),

    wording: (actor, incidentId) =>
      replyOnly('wording', async () => {
        const incident = await ledger.getIncident(incidentId);
        if (!incident) return notFound(incidentId);
        if (!mayReadWording(incident, actor)) return wordingRefused(incidentId);
        const notes = await ledger.listNotes(incidentId);
        const reference = incidentReference(incidentId);
        // Leads see who flagged it, including those who asked the channel not to see their name.
        const whoFlagged: Section[] = actor.isLead
          ? [
              {
                heading: 'Flagged by (shown to leads only)',
                lines: incident.reportedBy.map(
                  (r) =>
                    `${r.name}${r.anonymous ? ' (anonymous to the channel)' : ''}, ` +
                    formatInstant(r.reportedAt, settings.timezone),
                ),
              },
            ]
          : [];
        if (notes.length === 0) {
          return { tone: 'info', title: `No wording was given for ${reference} yet.`, sections: whoFlagged };
        }
        return {
          tone: 'warning',
          title: `Content warning: the abusive wording reported for ${reference}. Only you can see this.`,
          whenTooLong: actor.isLead
            ? `Export all of it as an evidence pack: /export ${reference}.`
            : `A lead can export all of it as an evidence pack (/export ${reference}).`,
          sections: [
            ...notes.map((note) => ({
              heading:
                `Reported ${formatInstant(note.reportedAt, settings.timezone)}` +
                (actor.isLead
                  ? ` by ${note.name}${note.anonymous ? ' (anonymous to the channel)' : ''}`
                  : ''),
              lines: note.note.split('\n'),
              verbatim: true,
            })),
            ...whoFlagged,
          ],
        };
      }),

    home: (actor) => replyOnly('home', () => buildMemberHome(actor, deps)),
  };
}

function actionReply(incidentId: number, action: CardAction, outcome: ActionOutcome): Reply {
  const reference = incidentReference(incidentId);
  switch (outcome) {
    case 'recorded': {
      const what = action === 'supported' ? 'Your support is counted' : 'Your report is counted';
      return { tone: 'success', title: `${what} on ${reference}. Thank you for showing up.`, sections: [] };
    }
    case 'already':
      return { tone: 'info', title: `You already told me that for ${reference}. Thank you.`, sections: [] };
    case 'resolved':
      return {
        tone: 'info',
        title: `${reference} is resolved already; thank you all the same.`,
        sections: [],
      };
    case 'missing':
      return notFound(incidentId);
  }
}

function alreadyResolved(incidentId: number, outcome: Outcome): Reply {
  return {
    tone: 'info',
    title: `${incidentReference(incidentId)} is already resolved: ${OUTCOME_LABEL[outcome]}.`,
    sections: [],
  };
}
