import type { UserError } from './result.ts';

/** A block of the reply: an optional heading and its lines, rendered by each adapter in its own way. */
export interface Section {
  heading?: string;
  lines: string[];
  /**
   * The lines are someone else's words quoted exactly (an attacker's wording): adapters show them as plain text,
   * never formatted and never linked, so a post can't dress itself up as a heading or hide a link behind a label.
   */
  verbatim?: boolean;
}

/**
 * A button on a private message (a rally alert, the consent question). Its id says what pressing it does
 * (`rally:on-it:12`, `consent:replies:12`, `card:reported:12`); adapters send it back through Bot.press.
 */
export interface ReplyAction {
  id: string;
  label: string;
  style?: 'primary';
}

/**
 * What a command answers, free of any platform: adapters render it as text, Block Kit or an embed. Every string
 * may contain text a user typed, so adapters escape all of it.
 */
export interface Reply {
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  sections: Section[];
  /** The incident this reply recorded or changed, so adapters with an incident channel can refresh its card. */
  incidentId?: number;
  actions?: ReplyAction[];
  /** A picture sent with the message (the digest's chart), with a description for screen readers. */
  image?: { filename: string; png: Uint8Array; description: string };
  /** Where to read all of it, should a platform's limits leave part of this reply out (an evidence pack). */
  whenTooLong?: string;
  /** A file for the person who asked (an evidence pack); adapters deliver it privately. */
  file?: { filename: string; data: Uint8Array; description: string };
}

export function errorReply(error: UserError): Reply {
  return { tone: 'error', title: error.message, sections: [] };
}

export function infoReply(title: string, sections: Section[] = []): Reply {
  return { tone: 'info', title, sections };
}
