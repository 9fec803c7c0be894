import type { AnyCommand } from '../command.ts';
import { errorReply, type Reply } from '../reply.ts';

/** The answer to a form this version does not draw (an old one, a forged id): nothing is recorded. */
export function unknownFormReply(): Reply {
  return errorReply({
    code: 'form.unknown',
    message: "That form isn't one I know any more; nothing was recorded. Please start again.",
  });
}

/** Every wrong field of a submitted form in one answer, for platforms that can't show them in the form. */
export function formProblemsReply(command: AnyCommand, problems: Record<string, string>): Reply {
  const labels = new Map(command.options.map((option) => [option.name, option.label ?? option.name]));
  return {
    ...errorReply({
      code: 'form.invalid',
      message: 'Nothing was recorded yet: please fix this and send the form again.',
    }),
    sections: [
      {
        lines: Object.entries(problems).map(
          ([field, message]) => `${labels.get(field) ?? field}: ${message}`,
        ),
      },
    ],
  };
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
