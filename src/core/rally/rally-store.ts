import type { Severity } from '../categories.ts';
import type { TargetWants } from '../incident/target-wants.ts';
import type { ActionOutcome } from '../ledger-port.ts';
import type { RallyCandidate } from './choose-responders.ts';

export type RallyMessageKind =
  | 'alert'
  | 'consent'
  | 'lead-alert'
  | 'outcome'
  | 'check-in'
  // The post could not be captured (to those who flagged it); the post is gone (to them and the person attacked).
  | 'capture-failed'
  | 'post-gone';

export interface RallyMessage {
  id: number;
  incidentId: number;
  recipient: string;
  kind: RallyMessageKind;
}

export type RallyResponse = 'on-it' | 'cant';

/** What the rally needs to know of an incident as it is flagged: read by the flag's own statement. */
export interface RallyState {
  status: 'open' | 'resolved';
  consent: 'pending' | 'asked' | 'given' | 'defaulted';
  severity: Severity;
  targetId: string;
  wants: TargetWants;
  /** Waves run so far, and when the last one ran (null before the first). */
  wave: number;
  lastWaveAt: Date | null;
}

/** What the rally engine needs from the ledger: state transitions that hold with several bot processes. */
export interface RallyStore {
  /** pending → asked, and the consent question queued to the target, once. False if it was not pending. */
  askConsent(incidentId: number, targetId: string, deadline: Date, now: Date): Promise<boolean>;
  /** The target's answer: what they want, and the rally may start. False if they are not the target. */
  giveConsent(incidentId: number, memberId: string, wants: TargetWants): Promise<boolean>;
  /** Unanswered consent questions past their deadline become documented only; returns those incidents. */
  expireConsents(now: Date): Promise<number[]>;
  /** Open incidents whose next wave is due: never rallied, or rallied long enough ago with too few acting. */
  incidentsDueForWave(now: Date, gapMinutes: number, enoughActors: number): Promise<number[]>;
  /**
   * Runs one wave under a lock on the incident, re-checking that it is still due: `choose` picks from the
   * eligible responders (asking the platform who is still a member), and their alerts are queued in the same transaction. Returns how many were alerted.
   */
  runWave(
    incidentId: number,
    now: Date,
    gapMinutes: number,
    enoughActors: number,
    choose: (candidates: RallyCandidate[]) => Promise<string[]>,
  ): Promise<number | undefined>;
  /** Queues messages once per incident, recipient and kind. */
  queueMessages(
    incidentId: number,
    recipients: readonly string[],
    kind: RallyMessageKind,
    now: Date,
  ): Promise<void>;
  respond(
    incidentId: number,
    memberId: string,
    response: RallyResponse,
    now: Date,
  ): Promise<ActionOutcome | 'not-alerted'>;
  /** Everyone who acted on an incident: card actions and "I'm on it". */
  actorsOf(incidentId: number): Promise<string[]>;
  /**
   * Sends one pending message with `send`, marking it sent in the same transaction, with where it landed (what
   * `send` resolves to) for a retention purge to redraw; a message already sent is skipped. If `send` throws,
   * the message stays pending for the next attempt.
   */
  deliver(
    messageId: number,
    now: Date,
    send: (message: RallyMessage) => Promise<string | undefined>,
  ): Promise<boolean>;
  pendingMessages(limit: number): Promise<number[]>;
}
