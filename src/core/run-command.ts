import type { CommandContext } from './command.ts';
import type { MessageKey, Translator } from './i18n/translator.ts';
import type { CommandRegistry } from './registry.ts';
import { errorReply, type Reply } from './reply.ts';
import { sayError, sayIssue } from './spoken-error.ts';

/** Named options (Discord) or the free text after the command (terminal, Slack). */
export type CommandInput = { text: string } | { options: Record<string, unknown> };

export interface CommandRequest {
  name: string;
  input: CommandInput;
}

/** The logger the core may use: ids and codes only, never what anyone typed. */
export interface CoreLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The one way into the core: find the command, check who may run it, validate the input, run it. Whatever goes
 * wrong comes back as a kind reply; an unexpected failure is logged with an id the person can quote.
 */
export async function runCommand(
  registry: CommandRegistry,
  request: CommandRequest,
  context: CommandContext,
  log: CoreLogger,
): Promise<Reply> {
  const command = registry.find(request.name);
  const { t } = context;
  if (!command) return unknownCommandReply(t);
  if (command.access === 'lead' && !context.actor.isLead) {
    return errorReply({ code: 'access.lead_only', message: t('run.lead_only', { command: command.name }) });
  }
  const raw =
    'text' in request.input
      ? command.parseText(request.input.text, t)
      : (command.parseOptions?.(request.input.options, t) ?? {
          ok: true as const,
          value: request.input.options,
        });
  if (!raw.ok) return errorReply({ code: raw.error.code, message: sayError(raw.error, t) });
  const args = command.args.safeParse(raw.value);
  if (!args.success) {
    const issue = args.error.issues[0];
    const problem = issue ? sayIssue(issue, t) : t('run.invalid_input_fallback');
    return errorReply({
      code: 'input.invalid',
      message: t('run.invalid_input', { problem, usage: t(command.usage) }),
    });
  }
  const started = Date.now();
  try {
    const reply = await command.run(args.data, context);
    log.info({ command: command.name, tone: reply.tone, ms: Date.now() - started }, 'command handled');
    return reply;
  } catch (error) {
    return unexpectedFailure(log, { command: command.name }, error, t, command.notDone);
  }
}

/** A command this version does not have (a typo, or one still registered on a platform from an older version). */
export function unknownCommandReply(t: Translator, helpCommand = '/help'): Reply {
  return errorReply({ code: 'command.unknown', message: t('run.unknown_command', { help: helpCommand }) });
}

/**
 * A failure nobody could foresee: logged with an id the person can quote, answered kindly. `notDone` says
 * plainly what did not happen, for commands where that matters (a flag that was not saved).
 */
export function unexpectedFailure(
  log: CoreLogger,
  where: object,
  error: unknown,
  t: Translator,
  notDone?: { said: MessageKey; tryAgain: MessageKey },
): Reply {
  const errorId = globalThis.crypto.randomUUID().slice(0, 8);
  log.error({ ...where, errorId, err: describeError(error) }, 'command failed');
  return errorReply({
    code: 'internal',
    message: notDone
      ? t('run.failed_not_done', { said: t(notDone.said), tryAgain: t(notDone.tryAgain), errorId })
      : t('run.failed', { errorId }),
  });
}

/** Error class and message only: driver errors can quote parameter values, which may be what someone typed. */
export function describeError(error: unknown): { type: string; code?: string; message?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return { type: error.name };
  // System errors (ECONNREFUSED, ETIMEDOUT…) say where, never what: their message is safe and useful.
  return { type: error.name, code, ...(/^E[A-Z]+$/.test(code) ? { message: error.message } : {}) };
}
