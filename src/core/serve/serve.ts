import type { Actor } from '../command.ts';
import { cardWithheldSection } from '../incident/channel-privacy.ts';
import { unexpectedFailure } from '../run-command.ts';
import { WorkInFlight } from '../work-in-flight.ts';
import { answerTruthfully } from './answer-truthfully.ts';
import type { Conversation } from './conversation.ts';
import { decide } from './decide.ts';
import type { Answer, ServeDependencies, Server } from './serve-dependencies.ts';
import { stoppingReply } from './serve-replies.ts';
import type { ServeRequest } from './serve-request.ts';

export type { ServeDependencies, Server } from './serve-dependencies.ts';

/** The one way into the core, for every platform and every kind of request (see decide.ts for the order). */
export function createServer(deps: ServeDependencies): Server {
  const inFlight = new WorkInFlight();
  let stopping = false;

  return {
    serve(request, conversation) {
      return inFlight.track(() => serveOne(deps, request, once(conversation), stopping));
    },
    async idle(timeoutMs = 30_000) {
      await inFlight.settled(timeoutMs);
    },
    async stop(timeoutMs = 30_000) {
      stopping = true;
      if (!(await inFlight.settled(timeoutMs)))
        deps.log.error({ timeoutMs }, 'requests still under way when stopping');
    },
  };
}

/**
 * Something saved whose card can't be shown (the incident channel is no longer private): the person is told so
 * with their answer, never left to think the channel shows it. A failed check fails closed inside cardsShown.
 */
async function withCardNotShown(
  deps: ServeDependencies,
  conversation: Conversation,
  outcome: Answer,
  actor: Actor | undefined,
): Promise<Answer> {
  const shown = await deps.cardsShown(conversation.delivery.platform).catch(() => 'unknown' as const);
  if (shown === 'yes') return outcome;
  // Said to the person who acted, in their language, like the answer it is added to.
  const withheld = cardWithheldSection(shown, await deps.speak(actor));
  return { ...outcome, reply: { ...outcome.reply, sections: [...outcome.reply.sections, withheld] } };
}

/** A conversation whose acknowledgement is sent once, however many steps ask for it. */
function once(conversation: Conversation): Conversation {
  let acknowledged: Promise<void> | undefined;
  return {
    ...conversation,
    acknowledge: () => {
      acknowledged ??= conversation.acknowledge();
      return acknowledged;
    },
  };
}

async function serveOne(
  deps: ServeDependencies,
  request: ServeRequest,
  conversation: Conversation,
  stopping: boolean,
): Promise<void> {
  const command =
    request.kind === 'command' || request.kind === 'form' ? deps.commands.find(request.name) : undefined;
  let actor: Actor | undefined;
  let outcome: Answer;
  // Until the core has the answer, a failure means nothing was done, and the person is told so.
  try {
    if (stopping) {
      await conversation.acknowledge();
      outcome = { reply: stoppingReply(await deps.speak(undefined)) };
    } else {
      const decided = await decide(deps, request, conversation, command, (found) => {
        actor = found;
      });
      if (!decided) return;
      outcome = decided;
    }
  } catch (error) {
    const where = { request: request.kind, ...(command ? { command: command.name } : {}) };
    outcome = { reply: unexpectedFailure(deps.log, where, error, await deps.speak(actor), command?.notDone) };
  }
  // From here on the ledger holds what the answer says: a failed answer is sent another way, never changed.
  await conversation.acknowledge().catch(() => undefined);
  if (outcome.incidentId !== undefined) outcome = await withCardNotShown(deps, conversation, outcome, actor);
  const refused = outcome.refusedForm;
  const answerRefused = conversation.forms?.answerRefused;
  await answerTruthfully(
    deps,
    refused && answerRefused
      ? { ...conversation, answer: (reply) => answerRefused(reply, refused) }
      : conversation,
    actor,
    outcome.reply,
  );
  if (outcome.incidentId !== undefined) await deps.redraw(conversation.delivery.platform, outcome.incidentId);
}
