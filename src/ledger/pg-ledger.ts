import type pg from 'pg';
import type { Ledger } from '../core/ledger-port.ts';
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
import { loadWeeklyDigest } from './weekly-digest.ts';

/** The core's Ledger on PostgreSQL (embedded or server: the same SQL). */
export function createPgLedger(pool: pg.Pool): Ledger {
  return {
    recordFlag: createFlagRecorder(pool),
    deliveryRecorded: (delivery) => deliveryRecorded(pool, delivery),
    getIncident: (id) => getIncident(pool, id),
    pageCaptures: (incidentId) => pageCapturesOf(pool, incidentId),
    listNotes: (id) => listNotes(pool, id),
    recordAction: (id, memberId, action, at) => recordAction(pool, id, memberId, action, at),
    resolveIncident: (id, outcome, by, at) => resolveIncident(pool, id, outcome, by, at),
    claimCard: (id, destination) => claimCard(pool, id, destination),
    saveCard: (id, destination, messageId) => saveCard(pool, id, destination, messageId),
    releaseCard: (id, destination) => releaseCard(pool, id, destination),
    findCard: (id, destination) => findCard(pool, id, destination),
    forgetCard: (id, destination) => forgetCard(pool, id, destination),
    purgedIncidentsWithCards: () => purgedIncidentsWithCards(pool),
    purgedMessages: (platforms, limit) => purgedMessages(pool, platforms, limit),
    purgedMessageTried: (id, redrawn) => purgedMessageTried(pool, id, redrawn),
    memberIncidents: (memberId, limit) => memberIncidents(pool, memberId, limit),
    findOffenders: (query) => findOffenders(pool, query),
    reviewOffender: (request) => reviewOffender(pool, request),
    correctIncident: (request) => correctIncident(pool, request),
    getResponder: (memberId) => getResponder(pool, memberId),
    setResponder: (settings) => setResponder(pool, settings),
    memberLanguage: (memberId) => memberLanguage(pool, memberId),
    setMemberLanguage: (memberId, language) => setMemberLanguage(pool, memberId, language),
    forgetMemberLanguages: (memberIds) => forgetMemberLanguages(pool, memberIds),
    activeResponders: () => activeResponders(pool),
    deactivateResponders: (memberIds) => deactivateResponders(pool, memberIds),
    summarizePeriod: (from, to, rule) => summarizePeriod(pool, from, to, rule),
    weeklyDigest: (weeks, rule) => loadWeeklyDigest(pool, weeks, rule),
    claimDigest: (week, destination, at) => claimDigest(pool, week, destination, at),
    markDigestSent: (week, destination, at) => markDigestSent(pool, week, destination, at),
    releaseDigest: (week, destination) => releaseDigest(pool, week, destination),
    stashForm: (key, value, expiresAt, now) => stashForm(pool, key, value, expiresAt, now),
    takeForm: (key, now) => takeForm(pool, key, now),
  };
}
