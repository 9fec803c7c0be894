import type { ChatInputCommandInteraction, GuildMember, RepliableInteraction } from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import type { Actor, AnyCommand } from '../../../src/core/command.ts';
import { errorReply } from '../../../src/core/reply.ts';
import { unexpectedFailure, unknownCommandReply } from '../../../src/core/run-command.ts';
import { modalOptions } from '../discord-commands.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { buildFormModal } from '../discord-form.ts';
import { discordUserOf } from '../discord-ids.ts';
import { acknowledgePrivately, answerPrivately } from '../private-reply.ts';
import { readCommandOptions } from '../read-options.ts';

/**
 * A slash command: checked against membership from the cache (no waiting), then either the form is shown
 * (a form command without its first option) or the command is acknowledged privately, run, and answered.
 */
export async function onSlashCommand(
  edge: DiscordEdge,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const command = edge.bot.commands.find(interaction.commandName);
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  if (!actor) return answerPrivately(interaction, notAMemberReply());
  // A command still registered on Discord but gone from this version.
  if (!command) return answerPrivately(interaction, unknownCommandReply());
  const options = readCommandOptions(interaction.options.data, edge.access.guildId);
  const first = command.options[0]?.name;
  const opensForm = command.form && first !== undefined && options[first] === undefined;
  if (opensForm && (command.access === 'member' || actor.isLead)) {
    const formFields = new Set(modalOptions(command).map((option) => option.name));
    await edge.stash.put(interaction.id, {
      owner: actor.id,
      options: Object.fromEntries(Object.entries(options).filter(([name]) => !formFields.has(name))),
    });
    await interaction.showModal(buildFormModal(command, options, interaction.id));
    return;
  }
  await acknowledgePrivately(interaction);
  await runAndAnswer(edge, interaction, actor, command, options);
}

/**
 * Runs a command for an acknowledged interaction and answers privately; the interaction id is the delivery,
 * so a redelivered interaction is recognised by the ledger. A new or changed incident gets its card redrawn.
 */
export async function runAndAnswer(
  edge: DiscordEdge,
  interaction: RepliableInteraction,
  actor: Actor,
  command: AnyCommand,
  options: Record<string, unknown>,
): Promise<void> {
  try {
    const outsider = await targetOutsideCollective(edge, options);
    if (outsider) return await answerPrivately(interaction, outsider);
    if (Array.isArray(options.screenshots))
      options.screenshots = await edge.fetchScreenshots(options.screenshots);
    const reply = await edge.bot.handle({
      actor,
      delivery: { platform: 'discord', id: interaction.id },
      request: { name: command.name, input: { options } },
    });
    await answerPrivately(interaction, reply);
    if (reply.incidentId !== undefined) await edge.keepCard(reply.incidentId);
  } catch (error) {
    await answerPrivately(
      interaction,
      unexpectedFailure(edge.log, { command: command.name }, error, command.notDone),
    );
  }
}

/** The person attacked, when one is named, must be someone who can see the incident channel. */
export async function targetOutsideCollective(edge: DiscordEdge, options: Record<string, unknown>) {
  // Only a member option reads as `{ id, name }`; anything else is left for the command's own validation.
  const target = options.target as { id?: unknown } | undefined;
  const userId = typeof target?.id === 'string' ? discordUserOf(target.id, edge.access.guildId) : undefined;
  if (!userId) return undefined;
  const members = edge.incidentChannel.guild.members;
  const member = members.cache.get(userId) ?? (await members.fetch(userId).catch(() => undefined));
  return member && edge.access.canSeeIncidents(member)
    ? undefined
    : errorReply({
        code: 'flag.target_outside',
        message: 'Pick a colleague who is in the incident channel: the person attacked must be a member.',
      });
}
