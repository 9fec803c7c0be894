import type { AnyCommand } from '../command.ts';
import { fieldLimits } from '../command-form.ts';
import type { Translator } from '../i18n/translator.ts';
import { errorReply, type Reply, type Section } from '../reply.ts';

/** The answer to a form this version does not draw (an old one, a forged id): nothing is recorded. */
export function unknownFormReply(): Reply {
  return errorReply({
    code: 'form.unknown',
    message: "That form isn't one I know any more; nothing was recorded. Please start again.",
  });
}

/**
 * Every wrong field of a submitted form in one answer, for platforms that can't show them in the form; and a text
 * too long for its field as it was typed (only its author sees the answer), so none of it is lost.
 */
export function formProblemsReply(
  command: AnyCommand,
  problems: Record<string, string>,
  given: Record<string, unknown>,
  t: Translator,
): Reply {
  const labels = new Map(
    command.options.map((option) => [option.name, option.label ? t(option.label) : option.name]),
  );
  const tooLong: Section[] = command.options.flatMap((option) => {
    const value = given[option.name];
    const max = fieldLimits(command, option).maxLength;
    if (typeof value !== 'string' || max === undefined || value.length <= max) return [];
    return [
      {
        heading:
          `${labels.get(option.name)}, as you typed it (only you can see this): ${value.length} characters, ` +
          `and the form holds ${max}. Copy what matters, then shorten it in the form.`,
        lines: value.split('\n'),
      },
    ];
  });
  return {
    ...errorReply({
      code: 'form.invalid',
      message: 'Nothing was recorded yet: please fix what is listed here and send the form again.',
    }),
    sections: [
      {
        lines: Object.entries(problems).map(
          ([field, message]) => `${labels.get(field) ?? field}: ${message}`,
        ),
      },
      ...tooLong,
    ],
  };
}

/** A form asked for again after its values were taken, or after they expired. */
export function formGoneReply(commandName: string): Reply {
  return errorReply({
    code: 'form.expired',
    message:
      'I no longer have that form (forms are kept for 15 minutes, and open once). Nothing was recorded: ' +
      `please start again with /${commandName}.`,
  });
}

/** A request that arrives while the bot is stopping is not started: it says so, and that nothing changed. */
export function stoppingReply(): Reply {
  return errorReply({
    code: 'service.stopping',
    message:
      'Shieldwall is restarting right now, so nothing was recorded or changed. Please try again in a minute.',
  });
}

/** What a platform without file delivery says when a reply carries a file (an evidence pack). */
export function noFileDeliveryReply(reply: Reply): Reply {
  const { file, ...rest } = reply;
  return {
    ...rest,
    sections: [
      ...reply.sections,
      {
        lines: [
          `I can't send files here, so ${file?.filename ?? 'the file'} was not sent. ` +
            'A lead can make the same pack with `npx shieldwall export` on the server.',
        ],
      },
    ],
  };
}

/** The answer to a button this version does not draw (an old message, a forged id): nothing is read or written. */
export function unknownButtonReply(): Reply {
  return errorReply({
    code: 'button.unknown',
    message: "That button isn't one I know any more; nothing was changed.",
  });
}
