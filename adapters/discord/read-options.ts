import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { discordMemberId } from './discord-ids.ts';

/**
 * Slash-command options as the command's named options: text and yes/no as they are, a member as
 * `{ id, name }`, an attachment as a one-item screenshot list.
 */
export function readCommandOptions(
  options: readonly CommandInteractionOption[],
  guildId: string,
): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const option of options) {
    switch (option.type) {
      case ApplicationCommandOptionType.User: {
        const user = option.user;
        if (!user) break;
        const member =
          option.member && 'displayName' in option.member ? option.member.displayName : undefined;
        read[option.name] = {
          id: discordMemberId(guildId, user.id),
          name: member ?? user.globalName ?? user.username,
        };
        break;
      }
      case ApplicationCommandOptionType.Attachment: {
        const file = option.attachment;
        if (!file) break;
        read[option.name] = [
          {
            id: file.id,
            name: file.name,
            ...(file.contentType ? { mimetype: file.contentType } : {}),
            size: file.size,
            // Where to download it from; the adapter fetches it, then drops the address.
            url: file.url,
          },
        ];
        break;
      }
      default:
        if (option.value !== undefined) read[option.name] = option.value;
    }
  }
  return read;
}
