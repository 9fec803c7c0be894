import cronParser from 'cron-parser';
import { digestWeeks } from '../core/digest/digest-weeks.ts';
import { renderWeeklyDigest } from '../core/digest/render-weekly-digest.ts';
import { collectiveLanguage } from '../core/i18n/member-language.ts';
import { translator } from '../core/i18n/translator.ts';
import type { Ledger } from '../core/ledger-port.ts';
import type { MessageSender } from '../core/rally/rally-engine.ts';
import type { CollectiveSettings } from '../core/settings.ts';
import { weekBefore, weekContaining } from '../core/time.ts';

export interface DigestDelivery {
  /** The ledger: the week's figures, and which channel has had which week. */
  ledger: Ledger;
  settings: CollectiveSettings;
  /** DIGEST_CRON, read in the collective's zone. */
  cron: string;
  now: () => Date;
  /** The leads' channels of every platform running in this process. */
  destinations: () => string[];
  send: MessageSender;
}

/** The most recent time the schedule fired, at or before `now`. */
export function lastSlot(cron: string, now: Date, timezone: string): Date {
  const schedule = cronParser.parseExpression(cron, {
    currentDate: new Date(now.getTime() + 1),
    tz: timezone,
  });
  return schedule.prev().toDate();
}

/**
 * Sends the digest of the last complete week before the schedule's most recent slot to every leads' channel
 * that has not had it. Run when the schedule fires and at start-up, it sends each week once per channel, and
 * catches up on a digest missed while the bot was down. Returns the channels it sent to.
 */
export async function sendDueDigests(delivery: DigestDelivery): Promise<string[]> {
  const { settings, now } = delivery;
  const at = now();
  const slot = lastSlot(delivery.cron, at, settings.timezone);
  const week = weekBefore(weekContaining(slot, settings.timezone), settings.timezone);
  const sent: string[] = [];
  for (const destination of delivery.destinations()) {
    if (!(await delivery.ledger.claimDigest(week.label, destination, at))) continue;
    try {
      const digest = await delivery.ledger.weeklyDigest(
        digestWeeks(week, settings.timezone),
        settings.frequentRule,
      );
      // The leads read it together: the collective's language, not any one member's.
      const t = translator(collectiveLanguage(settings));
      const reply = renderWeeklyDigest(digest, settings.frequentRule, settings.timezone, at, t);
      // Loaded on first use: the charting libraries are heavy, and only a digest needs them.
      const { renderWeeklyChart, weeklyChartDescription } = await import('../digest/weekly-chart.ts');
      const chart = await renderWeeklyChart(digest.history, { t });
      await delivery.send(destination, {
        ...reply,
        image: {
          filename: `shieldwall-${week.label}.png`,
          png: chart,
          description: weeklyChartDescription(t, week.label),
        },
      });
      await delivery.ledger.markDigestSent(week.label, destination, now());
      sent.push(destination);
    } catch (error) {
      await delivery.ledger.releaseDigest(week.label, destination);
      throw error;
    }
  }
  return sent;
}
