import type { AttackChannel } from '../incident/attack-channel.ts';
import { platformLabel } from '../post-url/platform-label.ts';
import type { Platform } from '../post-url/types.ts';
import type { Section } from '../reply.ts';
import type { SafetyContacts } from '../settings.ts';

/**
 * What to do about an attack with no public link, by where it happened. Each follows the same guidance as a
 * post (disengage, keep the record, report it where it can be reported, don't face it alone) in the form that
 * channel takes: a message is screenshotted with the sender showing, a call written down at once, a letter kept
 * with its envelope, a complaint answered only with help.
 */
export function channelGuidance(channel: AttackChannel, platform: Platform, safety: SafetyContacts): Section {
  switch (channel) {
    case 'dm': {
      const where = platform === 'offline' ? 'the app' : platformLabel(platform);
      return {
        heading: `Block and report the sender on ${where}`,
        lines: [
          "Don't answer: a reply tells them the message landed.",
          'Screenshot the whole conversation first, with their name and the dates showing, then block them.',
          `Report the conversation to ${where} from the chat itself (open the sender's name or the ⋯ menu, then ` +
            "Report): messages are private, so colleagues can't report them for you.",
        ],
      };
    }
    case 'email':
      return {
        heading: 'Keep the email, then block the sender',
        lines: [
          "Don't reply. Keep the email itself, not only a screenshot: its headers show where it came from.",
          'Block the sender, and report it to your email provider; if it came to a work address, tell your IT or ' +
            'security team.',
        ],
      };
    case 'phone':
      return {
        heading: 'Write it down now',
        lines: [
          'Hang up: you owe them no conversation. Write down the number, the date and time, and what was said, ' +
            'while it is fresh; keep voicemails and texts.',
          `Block the number. Report threats to the police on ${safety.police}, and tell your workplace if they ` +
            'called you there.',
        ],
      };
    case 'complaint':
      return {
        heading: "Don't answer it alone",
        lines: [
          'Before you reply to your employer or licensing body, tell your association and your medical ' +
            `protective association or insurer; for legal help: ${safety.legal}.`,
          'Keep the complaint and every letter or email about it, and note any deadline. Colleagues can write ' +
            'to support you privately; nothing about it goes public.',
        ],
      };
    case 'letter':
      return {
        heading: 'Keep the letter and its envelope',
        lines: [
          'Photograph the letter and the envelope (the postmark dates it), then keep both, handling them as ' +
            'little as you can.',
          `If it threatens you, give it to the police on ${safety.police} rather than throwing it away.`,
        ],
      };
    case 'in_person':
      return {
        heading: 'Get safe, then write it down',
        lines: [
          `If you are still in danger, call ${safety.emergency}.`,
          'Write down what happened while it is fresh: when, where, who, what was said, and who saw it. If it ' +
            "happened at work, tell your workplace's security team.",
        ],
      };
    case 'other':
      return {
        heading: 'Keep what shows it happened',
        lines: [
          "Don't engage. Keep whatever shows what happened, with dates and times: screenshots, messages, notes.",
        ],
      };
  }
}
