import {
  type ButtonInteraction,
  ComponentType,
  type GuildMember,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { notAMemberReply } from '../../../src/core/access.ts';
import { unknownButtonReply } from '../../../src/core/bot.ts';
import { OUTCOME_LABEL, OUTCOMES, type Outcome } from '../../../src/core/incident/outcomes.ts';
import { incidentReference } from '../../../src/core/reference.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { unexpectedFailure } from '../../../src/core/run-command.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import { readCardButton, readResolveMenu, resolveMenuId } from '../discord-ids.ts';
import { NO_MENTIONS } from '../discord-text.ts';
import { acknowledgePrivately, answerPrivately, followUpPrivately } from '../private-reply.ts';
import { renderReply } from '../render-embed.ts';

/**
 * The card's buttons. Every press is answered privately; a double click is harmless, because the ledger keeps
 * one action per member, action and incident. Resolve asks how it ended with a private menu.
 */
export async function onCardButton(edge: DiscordEdge, interaction: ButtonInteraction): Promise<void> {
  const pressed = readCardButton(interaction.customId);
  if (!pressed) return answerPrivately(interaction, unknownButtonReply());
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  if (!actor) return answerPrivately(interaction, notAMemberReply());
  const { action, incidentId } = pressed;
  try {
    if (action === 'resolve') {
      const refusal = await edge.bot.incidents.mayResolve(actor, incidentId);
      if (refusal) return await answerPrivately(interaction, refusal);
      await interaction.reply({
        content: `How did ${incidentReference(incidentId)} end?`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: resolveMenuId(incidentId),
                placeholder: 'Choose the outcome',
                options: OUTCOMES.map((outcome) => ({ label: OUTCOME_LABEL[outcome], value: outcome })),
              },
            ],
          },
        ],
      });
      return;
    }
    await acknowledgePrivately(interaction);
    if (action === 'wording') {
      return await answerPrivately(interaction, await edge.bot.incidents.wording(actor, incidentId));
    }
    const answer = await edge.bot.incidents.act(actor, incidentId, action);
    await answerPrivately(interaction, answer.reply);
    if (answer.cardChanged) await edge.keepCard(incidentId);
  } catch (error) {
    await answerPrivately(interaction, unexpectedFailure(edge.log, { action }, error));
  }
}

/** A button on a private message (a rally alert, the consent question), handed to the core as it is. */
export async function onReplyButton(
  edge: DiscordEdge,
  interaction: ButtonInteraction,
  actionId: string,
): Promise<void> {
  await acknowledgePrivately(interaction);
  try {
    const actor = await edge.access.actorOf(interaction);
    if (!actor) return await answerPrivately(interaction, notAMemberReply());
    const answer = await edge.bot.press(actor, actionId);
    await answerPrivately(interaction, answer.reply);
    if (answer.cardChanged && answer.incidentId !== undefined) await edge.keepCard(answer.incidentId);
  } catch (error) {
    await answerPrivately(interaction, unexpectedFailure(edge.log, { action: 'button' }, error));
  }
}

/** The outcome chosen in the private Resolve menu: the menu is replaced by the result. */
export async function onResolveMenu(
  edge: DiscordEdge,
  interaction: StringSelectMenuInteraction,
): Promise<void> {
  const incidentId = readResolveMenu(interaction.customId);
  const outcome = interaction.values[0];
  if (incidentId === undefined || !(OUTCOMES as readonly string[]).includes(outcome ?? ''))
    return answerPrivately(interaction, unknownButtonReply());
  const actor = edge.access.actor(interaction.member as GuildMember | null, interaction.guildId);
  await interaction.deferUpdate();
  try {
    const answer = actor
      ? await edge.bot.incidents.resolve(actor, incidentId, outcome as Outcome)
      : { reply: notAMemberReply(), cardChanged: false };
    await replaceMenu(interaction, answer.reply);
    if (answer.cardChanged) await edge.keepCard(incidentId);
  } catch (error) {
    const reply = unexpectedFailure(edge.log, { action: 'resolve' }, error);
    await replaceMenu(interaction, reply);
  }
}

/** The private menu's message becomes the answer; anything too long for one message follows it. */
async function replaceMenu(interaction: StringSelectMenuInteraction, reply: Reply): Promise<void> {
  const [first, ...rest] = renderReply(reply);
  await interaction.editReply({ content: '', ...first, allowedMentions: NO_MENTIONS });
  await followUpPrivately(interaction, rest);
}
