import { coalesceByKey } from '../coalesce-by-key.ts';
import type { Ledger } from '../ledger-port.ts';
import type { CollectiveSettings } from '../settings.ts';
import type { CardsShown, ChannelPrivacy } from './channel-privacy.ts';
import { buildIncidentCard, type IncidentCard } from './incident-card.ts';

/** An incident channel as the card keeper sees it; each adapter draws the card in its own way. */
export interface CardChannel {
  /** Platform-qualified channel id (`slack:T1:C1`), the card's key in the ledger. */
  destination: string;
  /** Posts a new card and returns its message id. */
  post(card: IncidentCard): Promise<string>;
  update(messageId: string, card: IncidentCard): Promise<void>;
  /** Whether the channel is still private, as the platform says now (throws when it can't tell). */
  privacy(): Promise<ChannelPrivacy>;
}

/**
 * Redraws an incident's card in one channel. `post` also posts the card when the channel has none yet (the
 * incident was flagged there); without it only an existing card is redrawn (it changed on another platform).
 */
export type CardKeeper = (incidentId: number, post: boolean) => Promise<void>;

/**
 * Keeps one card per incident in a channel up to date, while the channel is private (a purge's redraw, which
 * removes details, goes out regardless). The ledger claim makes sure only one card is ever
 * posted, also across processes; redraws of one incident run one at a time and read the ledger when they start.
 */
export function createCardKeeper(
  ledger: Ledger,
  settings: CollectiveSettings,
  channel: CardChannel,
  /** Asked before anything but a purge is drawn: incident details go only to a channel that is still private. */
  shown: () => Promise<CardsShown>,
): CardKeeper {
  // Whether any request folded into the next redraw asked for a post; read when the redraw starts.
  const postWanted = new Set<number>();
  const redraw = coalesceByKey(async (incidentId: number) => {
    const post = postWanted.delete(incidentId);
    const incident = await ledger.getIncident(incidentId);
    if (!incident) return;
    const card = buildIncidentCard(incident, settings);
    if (incident.purged) {
      // Redrawn without the details, then forgotten: nothing is left that would need it again.
      const messageId = await ledger.findCard(incidentId, channel.destination);
      if (messageId) await channel.update(messageId, card);
      await ledger.forgetCard(incidentId, channel.destination);
      return;
    }
    if ((await shown()) !== 'yes') return;
    if (!post) {
      const messageId = await ledger.findCard(incidentId, channel.destination);
      if (messageId) await channel.update(messageId, card);
      return;
    }
    const claim = await ledger.claimCard(incidentId, channel.destination);
    if (claim.claimed) {
      let messageId: string;
      try {
        messageId = await channel.post(card);
      } catch (error) {
        await ledger.releaseCard(incidentId, channel.destination);
        throw error;
      }
      await ledger.saveCard(incidentId, channel.destination, messageId);
      return;
    }
    // No message id: another process is posting the card right now, from a state at most a moment older.
    if (claim.messageId) await channel.update(claim.messageId, card);
  });
  return (incidentId, post) => {
    if (post) postWanted.add(incidentId);
    return redraw(incidentId);
  };
}
