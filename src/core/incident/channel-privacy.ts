import { coalesceByKey } from '../coalesce-by-key.ts';
import { DEFAULT_LANGUAGE } from '../i18n/language.ts';
import { type MessageKey, type Translator, translator } from '../i18n/translator.ts';
import type { Reply } from '../reply.ts';
import { type CoreLogger, describeError } from '../run-command.ts';

/**
 * Whether an incident channel is still private, as its platform says now. When it is not, the adapter says why
 * and how to make it private again in its platform's own words (the core knows no platform's settings).
 */
export type ChannelPrivacy = { private: true } | { private: false; why: MessageKey; fix: MessageKey };

/** Whether incident details may be shown in a platform's incident channel right now. */
export type CardsShown = 'yes' | 'not-private' | 'unknown';

export interface PrivacyWatch {
  /**
   * Asks the platform now, before anything is posted or redrawn in its incident channel. Fails closed: a channel
   * that isn't private, or that can't be checked, gets nothing. A platform without an incident channel: 'yes'.
   */
  cardsShown(platform: string): Promise<CardsShown>;
  /** Checks again (a platform's change event, or the periodic job); never throws. */
  recheck(platform?: string): Promise<void>;
}

export interface PrivacyWatchDependencies {
  /** The platform's check of its incident channel, if it has one here. */
  checkOf(platform: string): (() => Promise<ChannelPrivacy>) | undefined;
  attached(): string[];
  /** Tells the platform's leads privately (their channel, or each lead by direct message). */
  tellLeads(platform: string, reply: Reply): Promise<void>;
  log: CoreLogger;
  now: () => Date;
  /** The leads' language: the collective's (English when not given). */
  t?: Translator;
}

/**
 * Watches each incident channel's privacy. The start-up check found it private; a channel made public or shared
 * with another organisation later stops getting cards, and its leads are told once (and again when it is
 * private once more). Flags are still saved meanwhile: only what is shown in the channel stops.
 */
/** How long a platform's answer that its incident channel is private is reused (see cardsShown). */
export const PRIVATE_ANSWER_REUSED_MS = 5000;

export function createPrivacyWatch(deps: PrivacyWatchDependencies): PrivacyWatch {
  // Per platform, whether the channel was private when last checked; absent: private (start-up checked it).
  const knownPrivate = new Map<string, boolean>();
  // Per platform, when the platform last answered "private" (cleared by any other answer or a failed check).
  const privateSince = new Map<string, number>();

  const observe = async (platform: string, privacy: ChannelPrivacy) => {
    const wasPrivate = knownPrivate.get(platform) ?? true;
    knownPrivate.set(platform, privacy.private);
    if (wasPrivate === privacy.private) return;
    if (privacy.private) deps.log.info({ platform }, 'incident channel is private again: cards resume');
    else deps.log.error({ platform }, 'incident channel is no longer private: cards stop');
    const t = deps.t ?? translator(DEFAULT_LANGUAGE);
    const reply = privacy.private ? privateAgainReply(t) : notPrivateReply(t(privacy.why), t(privacy.fix), t);
    await deps
      .tellLeads(platform, reply)
      .catch((error: unknown) =>
        deps.log.error({ platform, err: describeError(error) }, 'could not tell the leads about the channel'),
      );
  };

  const check = async (platform: string): Promise<CardsShown> => {
    const checkPrivacy = deps.checkOf(platform);
    if (!checkPrivacy) return 'yes';
    let privacy: ChannelPrivacy;
    try {
      privacy = await checkPrivacy();
    } catch (error) {
      privateSince.delete(platform);
      deps.log.error(
        { platform, err: describeError(error) },
        'could not check that the incident channel is private',
      );
      return 'unknown';
    }
    if (privacy.private) privateSince.set(platform, deps.now().getTime());
    else privateSince.delete(platform);
    await observe(platform, privacy);
    return privacy.private ? 'yes' : 'not-private';
  };

  // Cards asked for together (a pile-on flagged by many at once) share one question to the platform, asked
  // after they all were: no answer predates its request, and the platform's rate limit for it (Slack: about 50
  // a minute) holds.
  const checkOnce = coalesceByKey(check);
  // A flag asks twice within a moment (for the member's answer, then for its card), and a pile-on many times:
  // a "private" answer serves for a few seconds, so those are one question. Any other answer is asked again
  // each time, and every change event or periodic check asks afresh (recheck) and replaces what is kept.
  const cardsShown = async (platform: string): Promise<CardsShown> => {
    const at = privateSince.get(platform);
    if (at !== undefined && deps.now().getTime() - at < PRIVATE_ANSWER_REUSED_MS) return 'yes';
    return checkOnce(platform);
  };

  return {
    cardsShown,
    async recheck(platform) {
      const platforms = platform ? [platform] : deps.attached();
      // From the event on, cards ask again rather than trust an answer from before it.
      for (const each of platforms) privateSince.delete(each);
      for (const each of platforms) await checkOnce(each);
    },
  };
}

function notPrivateReply(why: string, fix: string, t: Translator): Reply {
  return {
    tone: 'warning',
    title: t('privacy.not_private.title'),
    sections: [
      { lines: [t('privacy.not_private.why', { why }), t('privacy.not_private.meanwhile')] },
      { heading: t('privacy.not_private.fix_heading'), lines: [t('privacy.not_private.fix', { fix })] },
    ],
  };
}

function privateAgainReply(t: Translator): Reply {
  return {
    tone: 'success',
    title: t('privacy.private_again.title'),
    sections: [{ lines: [t('privacy.private_again.saved')] }],
  };
}

/**
 * What a member is told, with the answer to what they did, when its card was not shown in the channel; `t`
 * speaks the member's language.
 */
export function cardWithheldSection(
  shown: Exclude<CardsShown, 'yes'>,
  t: Translator = translator(DEFAULT_LANGUAGE),
): Reply['sections'][number] {
  return {
    heading: t('privacy.withheld.heading'),
    lines: [t(shown === 'not-private' ? 'privacy.withheld.not_private' : 'privacy.withheld.unknown')],
  };
}
