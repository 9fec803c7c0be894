import type pg from 'pg';
import type { Ledger } from '../core/ledger-port.ts';
import { DEFAULT_COLLECTIVE_ID, type FrequentRule } from '../core/settings.ts';
import { correctIncident } from './correct-incident.ts';
import { claimDigest, markDigestSent, releaseDigest } from './digests-sent.ts';
import { stashForm, takeForm } from './form-stash.ts';
import { recordAction, resolveIncident } from './incident-actions.ts';
import {
  claimCard,
  findCard,
  forgetCard,
  purgedIncidentsWithCards,
  purgedMessages,
  purgedMessageTried,
  releaseCard,
  saveCard,
} from './incident-cards.ts';
import { getIncident, listNotes } from './incident-details.ts';
import { memberIncidents } from './member-incidents.ts';
import { forgetMemberLanguages, memberLanguage, setMemberLanguage } from './member-languages.ts';
import { findOffenders } from './offender-history.ts';
import { pageCapturesOf } from './page-captures.ts';
import { summarizePeriod } from './period-summary.ts';
import { createFlagRecorder, deliveryRecorded } from './record-flag.ts';
import { activeResponders, deactivateResponders, getResponder, setResponder } from './responders.ts';
import { reviewOffender } from './review-offender.ts';
import { judgedScope } from './shared-signals.ts';
import { loadWeeklyDigest } from './weekly-digest.ts';

/**
 * The core's Ledger on PostgreSQL (embedded or server: the same SQL), for one collective: every read and write
 * is of its incidents, responders and reviews. Offender accounts are shared; other collectives' incidents
 * reach it only as counts (shared-signals.ts).
 */
export function createPgLedger(pool: pg.Pool, collectiveId: string = DEFAULT_COLLECTIVE_ID): Ledger {
  const scope = (rule: FrequentRule) => judgedScope(pool, collectiveId, rule);
  return {
    recordFlag: createFlagRecorder(pool, collectiveId),
    deliveryRecorded: (delivery) => deliveryRecorded(pool, delivery),
    getIncident: (id) => getIncident(pool, collectiveId, id),
    pageCaptures: (incidentId) => pageCapturesOf(pool, incidentId),
    listNotes: (id) => listNotes(pool, collectiveId, id),
    recordAction: (id, memberId, action, at) => recordAction(pool, collectiveId, id, memberId, action, at),
    resolveIncident: (id, outcome, by, at) => resolveIncident(pool, collectiveId, id, outcome, by, at),
    claimCard: (id, destination) => claimCard(pool, id, destination),
    saveCard: (id, destination, messageId) => saveCard(pool, id, destination, messageId),
    releaseCard: (id, destination) => releaseCard(pool, id, destination),
    findCard: (id, destination) => findCard(pool, id, destination),
    forgetCard: (id, destination) => forgetCard(pool, id, destination),
    purgedIncidentsWithCards: () => purgedIncidentsWithCards(pool, collectiveId),
    purgedMessages: (platforms, limit) => purgedMessages(pool, collectiveId, platforms, limit),
    purgedMessageTried: (id, redrawn) => purgedMessageTried(pool, id, redrawn),
    memberIncidents: (memberId, limit) => memberIncidents(pool, collectiveId, memberId, limit),
    findOffenders: (query) => findOffenders(pool, collectiveId, query),
    reviewOffender: (request) => reviewOffender(pool, collectiveId, request),
    correctIncident: (request) => correctIncident(pool, collectiveId, request),
    getResponder: (memberId) => getResponder(pool, collectiveId, memberId),
    setResponder: (settings) => setResponder(pool, collectiveId, settings),
    memberLanguage: (memberId) => memberLanguage(pool, memberId),
    setMemberLanguage: (memberId, language) => setMemberLanguage(pool, memberId, language),
    forgetMemberLanguages: (memberIds) => forgetMemberLanguages(pool, memberIds),
    activeResponders: () => activeResponders(pool, collectiveId),
    deactivateResponders: (memberIds) => deactivateResponders(pool, collectiveId, memberIds),
    summarizePeriod: async (from, to, rule) => summarizePeriod(pool, await scope(rule), from, to, rule),
    weeklyDigest: async (weeks, rule) => loadWeeklyDigest(pool, await scope(rule), weeks, rule),
    claimDigest: (week, destination, at) => claimDigest(pool, week, destination, at),
    markDigestSent: (week, destination, at) => markDigestSent(pool, week, destination, at),
    releaseDigest: (week, destination) => releaseDigest(pool, week, destination),
    stashForm: (key, value, expiresAt, now) => stashForm(pool, key, value, expiresAt, now),
    takeForm: (key, now) => takeForm(pool, key, now),
  };
}
