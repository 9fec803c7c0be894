import { captureFailedMessage, postGoneMessage } from '../capture/capture-messages.ts';
import type { Actor } from '../command.ts';
import { DEFAULT_DAILY_CAP } from '../commands/responder-command.ts';
import { collectiveLanguage, memberLanguageOf } from '../i18n/member-language.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { wantsLabel } from '../i18n/vocabulary.ts';
import type { DeskAnswer } from '../incident/incident-desk.ts';
import type { TargetWants } from '../incident/target-wants.ts';
import { wantsRally } from '../incident/target-wants.ts';
import type { Ledger } from '../ledger-port.ts';
import { incidentReference } from '../reference.ts';
import { errorReply, type Reply } from '../reply.ts';
import type { CoreLogger } from '../run-command.ts';
import type { CollectiveSettings } from '../settings.ts';
import { chooseResponders } from './choose-responders.ts';
import type { RallyMembership } from './rally-membership.ts';
import {
  alertMessage,
  checkInMessage,
  consentMessage,
  leadAlertMessage,
  outcomeMessage,
} from './rally-messages.ts';
import type { RallyPolicy } from './rally-policy.ts';
import type { RallyMessage, RallyResponse, RallyState, RallyStore } from './rally-store.ts';

/** Delivers a private message to a member (a DM) or a channel, whichever platform the id belongs to. */
/**
 * Sends a private message (or a post in a leads' channel). Resolves to where it landed, in the platform's own
 * terms, when the platform can redraw it later (see PlatformCapabilities.redrawPrivateMessage).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a platform that can't redraw (the terminal) returns nothing.
export type MessageSender = (recipient: string, reply: Reply) => Promise<string | void>;

export interface RallyDependencies {
  ledger: Ledger;
  store: RallyStore;
  settings: CollectiveSettings;
  policy: RallyPolicy;
  log: CoreLogger;
  now: () => Date;
  send: MessageSender;
  /** Who is still a member: asked before choosing responders and before each message to a member. */
  membership: RallyMembership;
  /** Where critical incidents are announced at once (the leads' channels, or leads by DM). */
  leadRecipients: () => string[];
  /** Redraws the cards of incidents the tick changed (no request will); it never throws. */
  cardsChanged: (incidentIds: readonly number[]) => Promise<void>;
}

/**
 * The rally: asks the person attacked first when a colleague flagged it, alerts responders in waves by direct
 * message, alerts leads at once when it is critical, and closes the loop when it is resolved. Decisions are
 * made on the injected clock (`tick`); every message goes through the store, once per recipient and kind.
 */
export class RallyEngine {
  constructor(private readonly deps: RallyDependencies) {}

  /**
   * After a flag: ask the target if a colleague flagged it, tell the leads if it is critical, then rally.
   * `incident` is the state the flag's own statement read, so nothing is read again here. `pageLeads` false:
   * the member who flagged it paged the leads as often as their limit allows (the card still shows it).
   */
  async afterFlag(incidentId: number, incident: RallyState, { pageLeads = true } = {}): Promise<void> {
    if (incident.status !== 'open') return;
    const at = this.deps.now();
    await this.askTarget(incidentId, incident, at);
    if (incident.severity === 'critical' && pageLeads) {
      await this.deps.store.queueMessages(incidentId, this.deps.leadRecipients(), 'lead-alert', at);
    }
    await this.rallyIfChosen(incidentId, incident, at);
  }

  /**
   * After a correction of who was attacked: the new person attacked is asked, unless they flagged it
   * themselves (their flag is their choice, and the rally goes on). The leads knew already.
   */
  async afterRetarget(incidentId: number, incident: RallyState): Promise<void> {
    if (incident.status !== 'open') return;
    const at = this.deps.now();
    await this.askTarget(incidentId, incident, at);
    await this.rallyIfChosen(incidentId, incident, at);
  }

  private async askTarget(incidentId: number, incident: RallyState, at: Date): Promise<void> {
    if (incident.consent !== 'pending') return;
    const deadline = new Date(at.getTime() + this.deps.policy.consentMinutes * 60_000);
    await this.deps.store.askConsent(incidentId, incident.targetId, deadline, at);
  }

  /** Nobody is rallied before the target has chosen (or the question has expired into documented only). */
  private async rallyIfChosen(incidentId: number, incident: RallyState, at: Date): Promise<void> {
    if (incident.consent === 'given' && this.waveMayBeDue(incident, at)) await this.waveFor(incidentId);
  }

  /**
   * Spares the wave's transaction when it cannot be due: the target wants no rally, or the last wave is too
   * recent (a co-report minutes after the first flag). The store decides the rest under its lock.
   */
  private waveMayBeDue(incident: RallyState, at: Date): boolean {
    if (!wantsRally(incident.wants)) return false;
    if (incident.wave === 0 || incident.lastWaveAt === null) return true;
    return incident.lastWaveAt.getTime() <= at.getTime() - this.deps.policy.waveGapMinutes * 60_000;
  }

  /** Everything that is due now: expired consent questions, and waves. Safe to run in any number of processes. */
  async tick(): Promise<void> {
    const { store, policy, now } = this.deps;
    const changed: number[] = [];
    try {
      changed.push(...(await store.expireConsents(now())));
      const due = await store.incidentsDueForWave(now(), policy.waveGapMinutes, policy.enoughActors);
      for (const incidentId of due) if (await this.waveFor(incidentId)) changed.push(incidentId);
    } finally {
      // Also when a later wave failed: what did change is on the cards, and the next tick retries the rest.
      if (changed.length > 0) await this.deps.cardsChanged(changed);
    }
  }

  /** The next wave of one incident, if it is due (the store re-checks under a lock). True if anyone was alerted. */
  private async waveFor(incidentId: number): Promise<boolean> {
    const { store, policy, settings, now } = this.deps;
    const at = now();
    const gone: string[] = [];
    const alerted = await store.runWave(
      incidentId,
      at,
      policy.waveGapMinutes,
      policy.enoughActors,
      (candidates) =>
        this.stillMembers(
          chooseResponders(candidates, at, settings.timezone, Number.POSITIVE_INFINITY),
          policy.waveSize,
          gone,
        ),
    );
    if (gone.length > 0) await this.deps.membership.left(gone);
    return (alerted ?? 0) > 0;
  }

  /**
   * The first `count` of `ordered` who are still members. Those who left are added to `gone`; one the platform
   * can't answer for now is passed over (never alerted unchecked) and asked again at the next wave.
   */
  private async stillMembers(ordered: readonly string[], count: number, gone: string[]): Promise<string[]> {
    const chosen: string[] = [];
    for (const memberId of ordered) {
      if (chosen.length >= count) break;
      const member = await this.deps.membership.isMember(memberId).catch(() => undefined);
      if (member) chosen.push(memberId);
      else if (member === false) gone.push(memberId);
    }
    return chosen;
  }

  /** The target's answer to the consent question. */
  async consent(actor: Actor, incidentId: number, wants: TargetWants): Promise<DeskAnswer> {
    const given = await this.deps.store.giveConsent(incidentId, actor.id, wants);
    const t = await this.speakTo(actor);
    if (!given) {
      return {
        reply: errorReply({
          code: 'rally.not_target',
          message: t('consent.not_target', { reference: incidentReference(incidentId) }),
        }),
        cardChanged: false,
      };
    }
    await this.waveFor(incidentId);
    // Private support rallies too, by direct message; only "document" rallies nobody.
    const title = t(wantsRally(wants) ? 'consent.thanks_rally' : 'consent.thanks_document', {
      wants: wantsLabel(t, wants),
    });
    return { reply: { tone: 'success', title, sections: [] }, cardChanged: true };
  }

  /** "I'm on it" / "Can't now" on an alert. */
  async respond(actor: Actor, incidentId: number, response: RallyResponse): Promise<DeskAnswer> {
    const outcome = await this.deps.store.respond(incidentId, actor.id, response, this.deps.now());
    const reference = incidentReference(incidentId);
    const t = await this.speakTo(actor);
    const reply: Reply =
      outcome === 'not-alerted'
        ? errorReply({
            code: 'rally.not_alerted',
            message: t('rally.not_alerted', { reference }),
          })
        : outcome === 'resolved'
          ? { tone: 'info', title: t('rally.resolved_already', { reference }), sections: [] }
          : outcome === 'already'
            ? {
                tone: 'info',
                title: t('rally.already_answered', { reference }),
                sections: [],
              }
            : response === 'on-it'
              ? {
                  tone: 'success',
                  title: t('rally.on_it', { reference }),
                  sections: [],
                }
              : {
                  tone: 'info',
                  title: t('rally.cant'),
                  sections: [],
                };
    return { reply, cardChanged: outcome === 'recorded' && response === 'on-it' };
  }

  /** The language a member pressing a button is answered in. */
  private async speakTo(actor: Actor): Promise<Translator> {
    return translator(await memberLanguageOf(this.deps.ledger, actor, this.deps.settings));
  }

  /** When resolved: the outcome to everyone who acted, and a check-in to the person attacked. */
  async afterResolve(incidentId: number): Promise<void> {
    const { ledger, store, now } = this.deps;
    const incident = await ledger.getIncident(incidentId);
    if (incident?.status !== 'resolved') return;
    const at = now();
    const actors = (await store.actorsOf(incidentId)).filter((id) => id !== incident.target.id);
    await store.queueMessages(incidentId, actors, 'outcome', at);
    await store.queueMessages(incidentId, [incident.target.id], 'check-in', at);
  }

  /** Sends one queued message (a pg-boss job calls this). True if it was sent now. */
  deliver(messageId: number): Promise<boolean> {
    return this.deps.store.deliver(messageId, this.deps.now(), (message) => this.sendMessage(message));
  }

  /** Sends everything still pending: after a restart, and in tests that drive delivery themselves. */
  async deliverPending(): Promise<number> {
    let sent = 0;
    for (const id of await this.deps.store.pendingMessages(1000)) if (await this.deliver(id)) sent += 1;
    return sent;
  }

  private async sendMessage(message: RallyMessage): Promise<string | undefined> {
    const { ledger, settings } = this.deps;
    const incident = await ledger.getIncident(message.incidentId);
    if (!incident) return;
    // A leads' channel reads the collective's language; a member reads their own.
    const t =
      message.kind === 'lead-alert'
        ? translator(collectiveLanguage(settings))
        : translator(await memberLanguageOf(ledger, { id: message.recipient }, settings));
    const reply = await (async (): Promise<Reply | undefined> => {
      switch (message.kind) {
        case 'alert': {
          // Who was attacked was corrected since: to someone who has not chosen yet, or to this responder.
          if (incident.consent !== 'given' || incident.target.id === message.recipient) return undefined;
          // Resolved in the meantime, or no longer what the target wants: the alert is dropped, not sent.
          if (incident.status !== 'open' || !wantsRally(incident.wants)) return undefined;
          const responder = await ledger.getResponder(message.recipient);
          return alertMessage(incident, settings, responder?.dailyCap ?? DEFAULT_DAILY_CAP, t);
        }
        case 'consent':
          // A question to someone who is no longer the person attacked (corrected since) is not sent.
          return incident.consent === 'asked' && incident.target.id === message.recipient
            ? consentMessage(incident, settings, t)
            : undefined;
        case 'lead-alert':
          return leadAlertMessage(incident, settings, t);
        case 'outcome':
          return outcomeMessage(incident, t);
        case 'check-in':
          return checkInMessage(incident, settings, t);
        case 'capture-failed':
          return captureFailedMessage(incident, t);
        case 'post-gone':
          return postGoneMessage(incident, message.recipient, settings.timezone, t);
      }
    })();
    if (!reply) return;
    // Leads' alerts go where the adapter's lead settings say; everything else is for a member, who may have
    // left since it was queued: then it is dropped, never sent. If the platform can't tell, it stays pending.
    if (message.kind !== 'lead-alert' && !(await this.deps.membership.isMember(message.recipient))) {
      this.deps.log.info(
        { incidentId: message.incidentId, messageId: message.id, kind: message.kind },
        'rally message dropped: its recipient is no longer a member',
      );
      return;
    }
    return (await this.deps.send(message.recipient, reply)) ?? undefined;
  }
}
