import type { UserError } from './result.ts';

/** A block of the reply: an optional heading and its lines, rendered by each adapter in its own way. */
export interface Section {
  heading?: string;
  lines: string[];
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
}

export function errorReply(error: UserError): Reply {
  return { tone: 'error', title: error.message, sections: [] };
}

export function infoReply(title: string, sections: Section[] = []): Reply {
  return { tone: 'info', title, sections };
}
