import type { Reply } from '../reply.ts';
import type { CollectiveSettings } from '../settings.ts';

/**
 * What a private message of the rally (an alert, a question, a lead's alert) becomes once its incident's
 * personal data is purged: it says so, and nothing else. It is not told which incident: nothing left in the
 * ledger links the message to it.
 */
export function purgedMessage(settings: CollectiveSettings): Reply {
  return {
    tone: 'info',
    title: `This message was about an incident whose details were removed under ${settings.collectiveName}'s retention policy.`,
    sections: [],
  };
}
