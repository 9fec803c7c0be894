import { notAMemberReply } from '../access.ts';
import type { Actor, AnyCommand } from '../command.ts';
import { checkForm } from '../command-form.ts';
import type { Translator } from '../i18n/translator.ts';
import { RESOLVE_CHOICES, type ResolveChoice } from '../incident/outcomes.ts';
import { errorReply, type Reply } from '../reply.ts';
import { unknownCommandReply } from '../run-command.ts';
import type { Conversation } from './conversation.ts';
import type { Answer, ServeDependencies } from './serve-dependencies.ts';
import {
  formGoneReply,
  formProblemsReply,
  noFileDeliveryReply,
  unknownButtonReply,
  unknownFormReply,
} from './serve-replies.ts';
import type { ServeRequest } from './serve-request.ts';

/** Everything up to the answer. Returns undefined when the platform was already answered (a form shown). */
export async function decide(
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
  // Before who is asking is known, the collective's language.
  if (request.kind === 'unknown') {
    const t = await deps.speak(undefined);
    return { reply: request.what === 'form' ? unknownFormReply(t) : unknownButtonReply(t) };
  }
  if (request.kind === 'form' && !command) return { reply: unknownFormReply(await deps.speak(undefined)) };
  if (request.kind === 'reopen' && !request.given)
    return { reply: formGoneReply(request.name, await deps.speak(undefined)) };
  if (request.kind === 'resolve' && !(RESOLVE_CHOICES as readonly string[]).includes(request.outcome))
    return { reply: unknownButtonReply(await deps.speak(undefined)) };

  const actor = await conversation.actor();
  if (!actor) {
    const refusal = notAMemberReply(await deps.speak(undefined));
    if (request.kind === 'form' && forms?.refuseInPlace) {
      await forms.refuseInPlace({ [command?.options[0]?.name ?? 'form']: refusal.title });
      return undefined;
    }
    return { reply: refusal };
  }
  found(actor);

  switch (request.kind) {
    case 'command': {
      if (!command) return { reply: unknownCommandReply(await deps.speak(actor), conversation.helpCommand) };
      const mayUseForm = command.access === 'member' || actor.isLead;
      if (forms?.open && command.form && mayUseForm && !hasFirstOption(command, request)) {
        const given = 'options' in request.input ? request.input.options : {};
        await forms.open({ kind: 'command', name: command.name, given, t: await deps.speak(actor) });
        return undefined;
      }
      await conversation.acknowledge();
      if ('text' in request.input) return run(deps, conversation, actor, command.name, request.input);
      return runWithOptions(deps, conversation, actor, command, request.input.options, false);
    }
    case 'reopen': {
      const t = await deps.speak(actor);
      if (!forms?.open) return { reply: formGoneReply(request.name, t) };
      await forms.open({ kind: 'command', name: request.name, given: request.given ?? {}, t });
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
          return { reply: refusal ?? unknownButtonReply(await deps.speak(actor)) };
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
      const answer = await deps.incidents.resolve(
        actor,
        request.incidentId,
        request.outcome as ResolveChoice,
      );
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
  // A form's problems are said in the member's language (read only when there is a form to check).
  const formT = fromForm ? await deps.speak(actor) : undefined;
  const problems = formT ? checkForm(command, given, formT) : {};
  const people = conversation.checkPeople ? await conversation.checkPeople(given) : {};
  for (const [field, message] of Object.entries(people)) problems[field] ??= message;
  if (Object.keys(problems).length > 0) {
    if (fromForm && conversation.forms?.refuseInPlace) {
      await conversation.forms.refuseInPlace(problems);
      return undefined;
    }
    await conversation.acknowledge();
    const t = formT ?? (await deps.speak(actor));
    if (!fromForm) return { reply: firstProblem(problems, t) };
    return {
      reply: formProblemsReply(command, problems, given, t),
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
    reply.file && !deps.deliversFiles(conversation.delivery.platform)
      ? noFileDeliveryReply(reply, await deps.speak(actor))
      : reply;
  return { reply: deliverable, incidentId: reply.incidentId };
}

function firstProblem(problems: Record<string, string>, t: Translator): Reply {
  const message = Object.values(problems)[0] ?? t('run.invalid_input_fallback');
  return errorReply({ code: 'input.invalid', message });
}

/** Whether a command request already carries what a form would ask first (then it runs without the form). */
function hasFirstOption(command: AnyCommand, request: ServeRequest & { kind: 'command' }): boolean {
  if ('text' in request.input) return request.input.text.trim() !== '';
  const first = command.options[0]?.name;
  return first === undefined || request.input.options[first] !== undefined;
}
