import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.ts';

/** Hides anything shaped like a Slack token, in case a parser's words carry a piece of the file. */
export function hideTokens(text: string): string {
  return text.replace(/xox[a-z]-[A-Za-z0-9-]*/g, 'xox…(hidden)');
}

function cantStart(filePath: string, problem: string): ConfigError {
  return new ConfigError(hideTokens(`Shieldwall can't start: ${filePath} ${problem}`));
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'Shieldwall is not allowed to read it',
  EPERM: 'Shieldwall is not allowed to read it',
  EISDIR: 'it is a folder, not a file',
};

/**
 * The file SHIELDWALL_CONFIG names, as plain data: YAML for .yaml/.yml, JSON for .json. Throws a ConfigError
 * naming the file, and the line when the parser knows it. Parsers quote the text around a mistake, which may hold
 * a bot token, so only their position and the gist of their complaint are kept.
 */
export function readCollectivesFile(filePath: string): unknown {
  const extension = path.extname(filePath).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    throw cantStart(filePath, 'must end in .yaml, .yml or .json, which says how to read it.');
  }
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw cantStart(filePath, `can't be read: ${READ_PROBLEMS[code] ?? (code || 'an unknown error')}.`);
  }
  return extension === '.json' ? readJson(filePath, text) : readYaml(filePath, text);
}

function readYaml(filePath: string, text: string): unknown {
  // Whole numbers as bigints: a Discord id written without quotes keeps all its digits (see the schema).
  const document = parseDocument(text, { intAsBigInt: true, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const lines = document.errors.map((error) => {
      const where = error.linePos
        ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : 'somewhere';
      return `- ${where}: ${gist(error.message)}`;
    });
    throw cantStart(filePath, `is not valid YAML.\n${lines.join('\n')}`);
  }
  return document.toJS();
}

function readJson(filePath: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = jsonErrorLine(text, (error as Error).message);
    throw cantStart(filePath, `is not valid JSON${where ? ` (${where})` : ''}.`);
  }
}

/** The parser's complaint without its position and quoted text: "Map keys must be unique". */
function gist(message: string): string {
  const first = message.split(/ at line \d+|\n/)[0] ?? message;
  return first.replace(/"[^"]*"/g, '…').trim();
}

/** Where JSON.parse stopped; its message gives a character position on Node 20 for most mistakes. */
function jsonErrorLine(text: string, message: string): string | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  }
  // "Unexpected token" messages give no position; a YAML reader in JSON mode finds the same spot.
  const error = parseDocument(text, { schema: 'json' }).errors[0];
  return error?.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : undefined;
}
