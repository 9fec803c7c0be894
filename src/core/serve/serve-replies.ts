import type { AnyCommand } from '../command.ts';
import { fieldLimits } from '../command-form.ts';
import type { Translator } from '../i18n/translator.ts';
import { errorReply, type Reply, type Section } from '../reply.ts';

/** The answer to a form this version does not draw (an old one, a forged id): nothing is recorded. */
export function unknownFormReply(t: Translator): Reply {
  return errorReply({ code: 'form.unknown', message: t('serve.form_unknown') });
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
        heading: t('serve.form_too_long', {
          field: labels.get(option.name) ?? option.name,
          length: value.length,
          max,
        }),
        lines: value.split('\n'),
      },
    ];
  });
  return {
    ...errorReply({ code: 'form.invalid', message: t('serve.form_invalid') }),
    sections: [
      {
        lines: Object.entries(problems).map(([field, message]) =>
          t('serve.form_problem', { field: labels.get(field) ?? field, problem: message }),
        ),
      },
      ...tooLong,
    ],
  };
}

/** A form asked for again after its values were taken, or after they expired. */
export function formGoneReply(commandName: string, t: Translator): Reply {
  return errorReply({ code: 'form.expired', message: t('serve.form_gone', { command: commandName }) });
}

/** A request that arrives while the bot is stopping is not started: it says so, and that nothing changed. */
export function stoppingReply(t: Translator): Reply {
  return errorReply({ code: 'service.stopping', message: t('serve.stopping') });
}

/** What a platform without file delivery says when a reply carries a file (an evidence pack). */
export function noFileDeliveryReply(reply: Reply, t: Translator): Reply {
  const { file, ...rest } = reply;
  const line = file?.filename ? t('serve.no_file_named', { filename: file.filename }) : t('serve.no_file');
  return { ...rest, sections: [...reply.sections, { lines: [line] }] };
}

/** The answer to a button this version does not draw (an old message, a forged id): nothing is read or written. */
export function unknownButtonReply(t: Translator): Reply {
  return errorReply({ code: 'button.unknown', message: t('serve.button_unknown') });
}
