import type { RespondFn } from '@slack/bolt';
import type { Actor } from '../../src/core/command.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import type { Conversation, ConversationForms } from '../../src/core/serve/conversation.ts';
import { buildCommandModal } from './command-modal.ts';
import { replyAfterModal, respondPrivately, sendFilePrivately } from './private-reply.ts';
import { buildResolveModal } from './resolve-modal.ts';
import { slackResponseUrl } from './response-url.ts';
import type { SlackEdge } from './slack-edge.ts';
import { formViewId, slackUserOf } from './slack-ids.ts';

/** Who sent a request, as every Slack payload says it. */
export interface SlackPerson {
  teamId: string | undefined;
  userId: string;
  userName: string | undefined;
}

/**
 * A slash command or a button: acknowledged at once, answered through the response URL. Forms are modals opened
 * with the request's trigger id, which Slack accepts for three seconds, so they follow the acknowledgement.
 */
export function slackConversation(
  edge: SlackEdge,
  request: {
    ack: () => Promise<void>;
    respond: RespondFn;
    person: SlackPerson;
    deliveryId: string;
    triggerId: string;
    responseUrl: string | undefined;
  },
): Conversation {
  const { person } = request;
  const forms: ConversationForms = {
    firstAnswer: false,
    open: async (form) => {
      const privateMetadata = (extra: object) =>
        JSON.stringify({ ...extra, ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}) });
      if (form.kind === 'resolve') {
        const view = buildResolveModal(
          form.incidentId,
          privateMetadata({ incidentId: form.incidentId }),
          await speakTo(edge, person),
        );
        await edge.client.views.open({ trigger_id: request.triggerId, view });
        return;
      }
      const command = edge.bot.commands.find(form.name);
      if (!command) return;
      const view = buildCommandModal(command, {
        callbackId: formViewId(command.name),
        privateMetadata: privateMetadata({}),
        userId: person.userId,
        t: form.t,
      });
      await edge.client.views.open({ trigger_id: request.triggerId, view });
    },
  };
  return {
    delivery: { platform: 'slack', id: `${edge.teamId}:${request.deliveryId}` },
    acknowledge: () => edge.ackFirst(request.ack),
    actor: () => actorOf(edge, person),
    answer: async (reply) => {
      await respondPrivately(request.respond, reply, await speakTo(edge, person));
      await sendFilePrivately(edge.client, person.userId, reply);
    },
    helpCommand: '/shieldwall',
    forms,
  };
}

/**
 * A submitted modal. There is no conversation to answer in: the answer goes to where the command was typed
 * (its response URL) or by direct message. A wrong field is shown in the modal itself, so nothing typed is lost.
 */
export function modalConversation(
  edge: SlackEdge,
  request: {
    ack: (answer?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;
    person: SlackPerson;
    viewId: string;
    responseUrl: string | undefined;
  },
): Conversation {
  const { person } = request;
  // Read back from the modal's metadata: a URL that isn't Slack's is dropped and the answer goes by direct message.
  const responseUrl = slackResponseUrl(request.responseUrl, edge.responseUrlOrigins);
  if (request.responseUrl !== undefined && responseUrl === undefined)
    edge.log.warn(
      { viewId: request.viewId },
      "A modal's response URL is not Slack's; answering by direct message",
    );
  return {
    delivery: { platform: 'slack', id: `${edge.teamId}:view:${request.viewId}` },
    acknowledge: () => edge.ackFirst(() => request.ack()),
    actor: () => actorOf(edge, person),
    answer: async (reply) =>
      replyAfterModal(edge.client, person.userId, responseUrl, reply, await speakTo(edge, person)),
    forms: {
      firstAnswer: false,
      refuseInPlace: (problems) => request.ack({ response_action: 'errors', errors: problems }),
    },
    checkPeople: async (options): Promise<Record<string, string>> => {
      const target = targetUserOf(edge, options);
      if (!target || (await edge.access.isMember(target))) return {};
      return { target: (await speakTo(edge, person))('slack.target_not_member') };
    },
    prepare: async (options, actor) => {
      const prepared = { ...options };
      const target = targetUserOf(edge, options);
      if (target) {
        const name =
          target === person.userId ? actor.name : await edge.names.nameOf(target).catch(() => 'a colleague');
        prepared.target = { id: (options.target as { id: string }).id, name };
      }
      if (Array.isArray(options.screenshots))
        prepared.screenshots = await edge.fetchScreenshots(options.screenshots);
      return prepared;
    },
  };
}

/**
 * The person's language, for what the adapter says itself (their /language choice, else their Slack locale, else
 * the collective's). Slack's deadlines are short, so a slow answer gives way to the collective's language.
 */
export async function speakTo(edge: SlackEdge, person: SlackPerson, waitMs = 500): Promise<Translator> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  const own = actorOf(edge, person)
    .then((actor) => edge.bot.speak(actor))
    .catch(() => undefined);
  try {
    return (await Promise.race([own, late])) ?? (await edge.bot.speak(undefined));
  } finally {
    clearTimeout(timer);
  }
}

function actorOf(edge: SlackEdge, person: SlackPerson): Promise<Actor | undefined> {
  return edge.access.actor(person.teamId, person.userId, person.userName);
}

function targetUserOf(edge: SlackEdge, options: Record<string, unknown>): string | undefined {
  const target = options.target as { id?: unknown } | undefined;
  return typeof target?.id === 'string' ? slackUserOf(target.id, edge.teamId) : undefined;
}
