import {
  ButtonStyle,
  ComponentType,
  type GuildMember,
  type MessageComponentInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Actor } from '../../src/core/command.ts';
import type { Translator } from '../../src/core/i18n/translator.ts';
import { outcomeLabel } from '../../src/core/i18n/vocabulary.ts';
import { RESOLVE_CHOICES } from '../../src/core/incident/outcomes.ts';
import { incidentReference } from '../../src/core/reference.ts';
import type { Conversation, ConversationForms } from '../../src/core/serve/conversation.ts';
import { modalOptions } from './discord-commands.ts';
import type { DiscordEdge } from './discord-edge.ts';
import { buildFormModal } from './discord-form.ts';
import { discordUserOf, formAgainId, resolveMenuId } from './discord-ids.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { acknowledgePrivately, answerPrivately, followUpPrivately } from './private-reply.ts';
import { renderReply } from './render-embed.ts';

/** An interaction as the core's conversation: a private "thinking…", then a private answer. */
export function discordConversation(edge: DiscordEdge, interaction: RepliableInteraction): Conversation {
  return {
    delivery: { platform: 'discord', id: interaction.id },
    acknowledge: () => acknowledgePrivately(interaction),
    actor: () => actorOf(edge, interaction),
    answer: async (reply) =>
      answerPrivately(interaction, reply, await edge.bot.speak(await actorOf(edge, interaction))),
    checkPeople: async (options): Promise<Record<string, string>> => {
      if (!(await targetOutsideCollective(edge, options))) return {};
      const t = await edge.bot.speak(await actorOf(edge, interaction));
      return { target: t('discord.target_not_member') };
    },
    prepare: async (options) =>
      Array.isArray(options.screenshots)
        ? { ...options, screenshots: await edge.fetchScreenshots(options.screenshots) }
        : options,
  };
}

/** A slash command or a card button: forms are a modal (a command's) or a private menu (how it ended). */
export function withDiscordForms(
  edge: DiscordEdge,
  interaction: RepliableInteraction & { showModal: MessageComponentInteraction['showModal'] },
  conversation: Conversation,
): Conversation {
  const forms: ConversationForms = {
    // A modal must be the interaction's first answer: it can't follow a deferred reply.
    firstAnswer: true,
    open: async (form) => {
      if (form.kind === 'resolve') {
        const t = await edge.bot.speak(await actorOf(edge, interaction));
        await interaction.reply({
          content: t('discord.resolve_question', { reference: incidentReference(form.incidentId) }),
          flags: MessageFlags.Ephemeral,
          allowedMentions: NO_MENTIONS,
          components: [resolveMenu(form.incidentId, t)],
        });
        return;
      }
      const command = edge.bot.commands.find(form.name);
      const actor = await actorOf(edge, interaction);
      if (!command || !actor) return;
      // What a modal can't hold (a member, an attachment) waits for the modal to come back, for this member only.
      const fields = new Set(modalOptions(command).map((option) => option.name));
      await edge.stash.put(interaction.id, {
        owner: actor.id,
        options: Object.fromEntries(Object.entries(form.given).filter(([name]) => !fields.has(name))),
      });
      await interaction.showModal(buildFormModal(command, form.given, interaction.id, form.t));
    },
  };
  return { ...conversation, forms };
}

/**
 * A submitted form: a modal can't show its errors, so the answer lists them, with a button that opens the form
 * again filled in with what was typed.
 */
export function submissionConversation(edge: DiscordEdge, interaction: RepliableInteraction): Conversation {
  return {
    ...discordConversation(edge, interaction),
    forms: {
      firstAnswer: false,
      answerRefused: async (reply, form) => {
        const actor = await actorOf(edge, interaction);
        if (!actor) return answerPrivately(interaction, reply, await edge.bot.speak(undefined));
        await edge.stash.put(interaction.id, { owner: actor.id, options: form.given });
        const t = await edge.bot.speak(actor);
        await answerPrivately(interaction, reply, t, [changeMyAnswers(form.name, interaction.id, t)]);
      },
    },
  };
}

function changeMyAnswers(commandName: string, stashKey: string, t: Translator) {
  return {
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.Button as const,
        custom_id: formAgainId(commandName, stashKey),
        label: t('discord.change_answers'),
        style: ButtonStyle.Primary as const,
      },
    ],
  };
}

function resolveMenu(incidentId: number, t: Translator) {
  return {
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.StringSelect as const,
        custom_id: resolveMenuId(incidentId),
        placeholder: t('discord.choose_outcome'),
        options: RESOLVE_CHOICES.map((outcome) => ({ label: outcomeLabel(t, outcome), value: outcome })),
      },
    ],
  };
}

/** The private resolve menu: acknowledged by updating it, and answered in its place. */
export function menuConversation(
  edge: DiscordEdge,
  interaction: MessageComponentInteraction & RepliableInteraction,
): Conversation {
  return {
    ...discordConversation(edge, interaction),
    acknowledge: async () => {
      if (!interaction.deferred && !interaction.replied) await interaction.deferUpdate();
    },
    answer: async (reply) => {
      // The menu's message becomes the answer; anything too long for one message follows it.
      const t = await edge.bot.speak(await actorOf(edge, interaction));
      const [first, ...rest] = renderReply(reply, t);
      await interaction.editReply({ content: '', ...first, allowedMentions: NO_MENTIONS });
      await followUpPrivately(interaction, rest);
    },
  };
}

/**
 * In the server, the interaction carries the member; in a direct message (a rally alert's buttons) the server's
 * member record is fetched for that user.
 */
async function actorOf(edge: DiscordEdge, interaction: RepliableInteraction): Promise<Actor | undefined> {
  const actor = interaction.guildId
    ? edge.access.actor(interaction.member as GuildMember | null, interaction.guildId)
    : await edge.access.actorOf(interaction);
  // The member's Discord client language: the core speaks it unless they chose another with /language.
  return actor && interaction.locale ? { ...actor, locale: interaction.locale } : actor;
}

/** The person attacked, when one is named, must be someone who can see the incident channel. */
async function targetOutsideCollective(
  edge: DiscordEdge,
  options: Record<string, unknown>,
): Promise<boolean> {
  // Only a member option reads as `{ id, name }`; anything else is left for the command's own validation.
  const target = options.target as { id?: unknown } | undefined;
  const userId = typeof target?.id === 'string' ? discordUserOf(target.id, edge.access.guildId) : undefined;
  if (!userId) return false;
  const members = edge.incidentChannel.guild.members;
  const member = members.cache.get(userId) ?? (await members.fetch(userId).catch(() => undefined));
  return !(member && edge.access.canSeeIncidents(member));
}
