import { notAMemberReply } from '../access.ts';
import type { CommandHandler, PressAnswer } from '../chat-adapter.ts';
import type { Actor, AnyCommand } from '../command.ts';
import { checkForm } from '../command-form.ts';
import type { IncidentDesk } from '../incident/incident-desk.ts';
import { OUTCOMES, type Outcome } from '../incident/outcomes.ts';
import type { MessageSender } from '../rally/rally-engine.ts';
import type { CommandRegistry } from '../registry.ts';
import { errorReply, type Reply } from '../reply.ts';
import { type CoreLogger, describeError, unexpectedFailure, unknownCommandReply } from '../run-command.ts';
import { WorkInFlight } from '../work-in-flight.ts';
import type { Conversation } from './conversation.ts';
import {
  formGoneReply,
  formProblemsReply,
  noFileDeliveryReply,
  stoppingReply,
  unknownButtonReply,
  unknownFormReply,
} from './serve-replies.ts';
import type { ServeRequest } from './serve-request.ts';

export interface ServeDependencies {
  commands: CommandRegistry;
  handle: CommandHandler;
  incidents: IncidentDesk;
  press(actor: Actor, actionId: string): Promise<PressAnswer>;
  /** Posts (on `platform`) or redraws an incident's cards; never throws. */
  redraw(platform: string, incidentId: number): Promise<void>;
  /** Whether `platform` can deliver a reply's file. */
  deliversFiles(platform: string): boolean;
  /** A private message by another way, for an answer the conversation could not carry. */
  sendPrivately: MessageSender;
  log: CoreLogger;
}

export interface Server {
  /** The one way in: the whole sequence of a request, from acknowledging it to redrawing the card. */
  serve(request: ServeRequest, conversation: Conversation): Promise<void>;
  /** Takes no new work (it is answered that nothing changed) and waits for the requests under way. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The answer to give, and the incident whose card it changed. What happens after this never changes it. */
interface Answer {
  reply: Reply;
  incidentId?: number | undefined;
  /** A refused form: what was typed, so the platform can offer it again. */
  refusedForm?: { name: string; given: Record<string, unknown> };
}

export function createServer(deps: ServeDependencies): Server {
  const inFlight = new WorkInFlight();
  let stopping = false;

  return {
    serve(request, conversation) {
      return inFlight.track(() => serveOne(deps, request, once(conversation), stopping));
    },
    async stop(timeoutMs = 30_000) {
      stopping = true;
      if (!(await inFlight.settled(timeoutMs)))
        deps.log.error({ timeoutMs }, 'requests still under way when stopping');
    },
  };
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
      outcome = { reply: stoppingReply() };
    } else {
      const decided = await decide(deps, request, conversation, command, (found) => {
        actor = found;
      });
      if (!decided) return;
      outcome = decided;
    }
  } catch (error) {
    await conversation.acknowledge().catch(() => undefined);
    const where = { request: request.kind, ...(command ? { command: command.name } : {}) };
    outcome = { reply: unexpectedFailure(deps.log, where, error, command?.notDone) };
  }
  // From here on the ledger holds what the answer says: a failed answer is sent another way, never changed.
  await conversation.acknowledge().catch(() => undefined);
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

/** Everything up to the answer. Returns undefined when the platform was already answered (a form shown). */
async function decide(
  deps: ServeDependencies,
  request: ServeRequest,
  conversation: Conversation,
  command: AnyCommand | undefined,
  found: (actor: Actor) => void,
): Promise<Answer | undefined> {
  const forms = conversation.forms;
  // Acknowledged first, unless the platform wants something else as the first answer: a form (Discord), or
  // a submitted form's problems shown in the form itself (Slack).
  const formFirst =
    (request.kind === 'command' &&
      forms?.firstAnswer &&
      command?.form &&
      !hasFirstOption(command, request)) ||
    (request.kind === 'card' && request.action === 'resolve' && forms?.firstAnswer) ||
    (request.kind === 'reopen' && request.given && forms?.firstAnswer) ||
    (request.kind === 'form' && forms?.refuseInPlace);
  if (!formFirst) await conversation.acknowledge();
  if (request.kind === 'unknown')
    return { reply: request.what === 'form' ? unknownFormReply() : unknownButtonReply() };
  if (request.kind === 'form' && !command) return { reply: unknownFormReply() };
  if (request.kind === 'reopen' && !request.given) return { reply: formGoneReply(request.name) };
  if (request.kind === 'resolve' && !(OUTCOMES as readonly string[]).includes(request.outcome))
    return { reply: unknownButtonReply() };

  const actor = await conversation.actor();
  if (!actor) {
    if (request.kind === 'form' && forms?.refuseInPlace) {
      await forms.refuseInPlace({ [command?.options[0]?.name ?? 'form']: notAMemberReply().title });
      return undefined;
    }
    return { reply: notAMemberReply() };
  }
  found(actor);

  switch (request.kind) {
    case 'command': {
      if (!command) return { reply: unknownCommandReply(conversation.helpCommand) };
      const mayUseForm = command.access === 'member' || actor.isLead;
      if (forms?.open && command.form && mayUseForm && !hasFirstOption(command, request)) {
        const given = 'options' in request.input ? request.input.options : {};
        await forms.open({ kind: 'command', name: command.name, given });
        return undefined;
      }
      await conversation.acknowledge();
      if ('text' in request.input) return run(deps, conversation, actor, command.name, request.input);
      return runWithOptions(deps, conversation, actor, command, request.input.options, false);
    }
    case 'reopen': {
      if (!forms?.open) return { reply: formGoneReply(request.name) };
      await forms.open({ kind: 'command', name: request.name, given: request.given ?? {} });
      return undefined;
    }
    case 'form':
      // `command` is known here: an unknown form was answered above.
      return runWithOptions(deps, conversation, actor, command as AnyCommand, request.options, true);
    case 'card': {
      const { action, incidentId } = request;
      if (action === 'wording') return { reply: await deps.incidents.wording(actor, incidentId) };
      if (action === 'resolve') {
        const refusal = await deps.incidents.mayResolve(actor, incidentId);
        if (refusal || !forms?.open) {
          await conversation.acknowledge();
          return { reply: refusal ?? unknownButtonReply() };
        }
        await forms.open({ kind: 'resolve', incidentId });
        return undefined;
      }
      const answer = await deps.incidents.act(actor, incidentId, action);
      return { reply: answer.reply, incidentId: answer.cardChanged ? incidentId : undefined };
    }
    case 'press': {
      const answer = await deps.press(actor, request.actionId);
      return { reply: answer.reply, incidentId: answer.cardChanged ? answer.incidentId : undefined };
    }
    case 'resolve': {
      const answer = await deps.incidents.resolve(actor, request.incidentId, request.outcome as Outcome);
      return { reply: answer.reply, incidentId: answer.cardChanged ? request.incidentId : undefined };
    }
    case 'home':
      return { reply: await deps.incidents.home(actor) };
  }
}

/** Named options, from a form or a platform with typed options: the people named are checked first. */
async function runWithOptions(
  deps: ServeDependencies,
  conversation: Conversation,
  actor: Actor,
  command: AnyCommand,
  given: Record<string, unknown>,
  fromForm: boolean,
): Promise<Answer | undefined> {
  const problems = fromForm ? checkForm(command, given) : {};
  const people = conversation.checkPeople ? await conversation.checkPeople(given) : {};
  for (const [field, message] of Object.entries(people)) problems[field] ??= message;
  if (Object.keys(problems).length > 0) {
    if (fromForm && conversation.forms?.refuseInPlace) {
      await conversation.forms.refuseInPlace(problems);
      return undefined;
    }
    await conversation.acknowledge();
    if (!fromForm) return { reply: firstProblem(problems) };
    return {
      reply: formProblemsReply(command, problems, given),
      refusedForm: { name: command.name, given },
    };
  }
  await conversation.acknowledge();
  const options = conversation.prepare ? await conversation.prepare(given, actor) : given;
  return run(deps, conversation, actor, command.name, { options });
}

async function run(
  deps: ServeDependencies,
  conversation: Conversation,
  actor: Actor,
  name: string,
  input: { text: string } | { options: Record<string, unknown> },
): Promise<Answer> {
  const reply = await deps.handle({ actor, delivery: conversation.delivery, request: { name, input } });
  const deliverable =
    reply.file && !deps.deliversFiles(conversation.delivery.platform) ? noFileDeliveryReply(reply) : reply;
  return { reply: deliverable, incidentId: reply.incidentId };
}

function firstProblem(problems: Record<string, string>): Reply {
  const message = Object.values(problems)[0] ?? 'Something in that command is not right.';
  return errorReply({ code: 'input.invalid', message });
}

/** Whether a command request already carries what a form would ask first (then it runs without the form). */
function hasFirstOption(command: AnyCommand, request: ServeRequest & { kind: 'command' }): boolean {
  if ('text' in request.input) return request.input.text.trim() !== '';
  const first = command.options[0]?.name;
  return first === undefined || request.input.options[first] !== undefined;
}

/**
 * The answer goes where the person asked. If that fails (a platform error, an expired token), it is not
 * rewritten into a failure: what the ledger holds stands, and the same answer goes by direct message.
 */
async function answerTruthfully(
  deps: ServeDependencies,
  conversation: Conversation,
  actor: Actor | undefined,
  reply: Reply,
): Promise<void> {
  try {
    await conversation.answer(reply);
    return;
  } catch (error) {
    const errorId = globalThis.crypto.randomUUID().slice(0, 8);
    deps.log.error(
      { errorId, platform: conversation.delivery.platform, err: describeError(error) },
      'answer not delivered; sending it by direct message',
    );
    if (!actor) return;
    await deps
      .sendPrivately(actor.id, reply)
      .catch((again: unknown) =>
        deps.log.error({ errorId, err: describeError(again) }, 'answer lost: the direct message failed too'),
      );
  }
}
