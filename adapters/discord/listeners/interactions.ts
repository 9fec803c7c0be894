import type { ButtonInteraction, GuildMember, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { ServeRequest } from '../../../src/core/serve/serve-request.ts';
import { modalOptions } from '../discord-commands.ts';
import {
  discordConversation,
  menuConversation,
  submissionConversation,
  withDiscordForms,
} from '../discord-conversation.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import {
  readCardButton,
  readFormAgain,
  readFormModal,
  readReplyAction,
  readResolveMenu,
} from '../discord-ids.ts';
import type { DiscordServers } from '../discord-servers.ts';
import { readCommandOptions } from '../read-options.ts';
import { refuseOutsider } from './refuse-outsider.ts';

/** Every interaction, served by its own server's edge and bot; from a server not served here, refused kindly. */
export async function routeInteraction(servers: DiscordServers, interaction: Interaction): Promise<void> {
  const edge = await servers.of(interaction);
  return edge ? onInteraction(edge, interaction) : refuseOutsider(interaction);
}

/**
 * Every interaction, translated into the core's request and handed to `serve` with its conversation. What to
 * do with it (who may, forms, answers, cards) is decided in the core.
 */
export async function onInteraction(edge: DiscordEdge, interaction: Interaction): Promise<void> {
  const serve = edge.bot.serve;
  if (interaction.isChatInputCommand()) {
    const options = readCommandOptions(interaction.options.data, edge.access.guildId);
    const request: ServeRequest = { kind: 'command', name: interaction.commandName, input: { options } };
    return serve(request, withDiscordForms(edge, interaction, discordConversation(edge, interaction)));
  }
  if (interaction.isButton()) {
    const conversation = withDiscordForms(edge, interaction, discordConversation(edge, interaction));
    const again = readFormAgain(interaction.customId);
    if (again) return serve(await reopenRequest(edge, interaction, again), conversation);
    // A button on a private message carries the core's action id; a card's button, its action and incident.
    const actionId = readReplyAction(interaction.customId);
    if (actionId) return serve({ kind: 'press', actionId }, discordConversation(edge, interaction));
    const pressed = readCardButton(interaction.customId);
    const request: ServeRequest = pressed
      ? { kind: 'card', ...pressed }
      : { kind: 'unknown', what: 'button' };
    return serve(request, withDiscordForms(edge, interaction, discordConversation(edge, interaction)));
  }
  if (interaction.isStringSelectMenu()) {
    const incidentId = readResolveMenu(interaction.customId);
    const outcome = interaction.values[0];
    const request: ServeRequest =
      incidentId !== undefined && outcome !== undefined
        ? { kind: 'resolve', incidentId, outcome }
        : { kind: 'unknown', what: 'button' };
    return serve(request, menuConversation(edge, interaction));
  }
  if (interaction.isModalSubmit())
    return serve(await formRequest(edge, interaction), submissionConversation(edge, interaction));
}

/** A submitted modal: its text fields, with the options given with the slash command that opened it. */
async function formRequest(edge: DiscordEdge, interaction: ModalSubmitInteraction): Promise<ServeRequest> {
  const form = readFormModal(interaction.customId);
  const command = form ? edge.bot.commands.find(form.command) : undefined;
  if (!form || !command) return { kind: 'unknown', what: 'form' };
  // What the modal could not hold, kept for the member who opened it, and for nobody else.
  const stashed = await edge.stash.take(form.stashKey);
  const owner = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId)?.id;
  const options: Record<string, unknown> = stashed && stashed.owner === owner ? { ...stashed.options } : {};
  for (const option of modalOptions(command)) {
    const value = textField(interaction, option.name);
    if (value !== '') options[option.name] = value;
  }
  return { kind: 'form', name: command.name, options };
}

/** "Change my answers" under a refused form: what was typed, if it is still kept and was this member's. */
async function reopenRequest(
  edge: DiscordEdge,
  interaction: ButtonInteraction,
  pressed: { command: string; stashKey: string },
): Promise<ServeRequest> {
  const stashed = await edge.stash.take(pressed.stashKey);
  const owner = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId)?.id;
  const given = stashed && stashed.owner === owner ? stashed.options : undefined;
  return { kind: 'reopen', name: pressed.command, given };
}

/** A text field of the submitted modal; a field the client left out counts as empty, not as a crash. */
function textField(interaction: ModalSubmitInteraction, name: string): string {
  try {
    return interaction.fields.getTextInputValue(name).trim();
  } catch {
    return '';
  }
}
