import type { IncidentView } from '../ledger-port.ts';
import type { CaptureFailure, CaptureResult, PageLiveness } from './page-capturer.ts';

/** The two pages worth keeping: the post (or comment) itself, and the account's page, which proves it was public. */
export type CapturedPageKind = 'post' | 'account';

export interface PageToCapture {
  page: CapturedPageKind;
  url: string;
}

/** What members and cards are told of one capture. */
export interface PageCaptureView {
  page: CapturedPageKind;
  state: 'pending' | 'captured' | 'failed';
  failure: CaptureFailure | null;
  /** When the page was loaded (or the capture gave up). */
  capturedAt: Date | null;
  /** The post was found gone when checked again, and why. */
  goneAt: Date | null;
  goneReason: 'removed' | 'login-wall' | null;
  /** The latest check that found it still up. */
  stillUpAt: Date | null;
}

/** A capture a job is about to run. */
export interface CaptureTask {
  incidentId: number;
  page: CapturedPageKind;
  url: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** Checks of whether the post is still up count from here. */
  firstReportedAt: Date;
}

/** A captured post due to be checked again. */
export interface DueCheck {
  captureId: number;
  incidentId: number;
  url: string;
  checksDone: number;
  firstReportedAt: Date;
}

/** What the capture jobs keep in the ledger; implemented on PostgreSQL (src/ledger/page-captures.ts). */
export interface CaptureStore {
  /**
   * Pending captures of these pages, once per incident, page and address, each queued for a capture job in the
   * same transaction. Returns how many were new.
   */
  request(incidentId: number, pages: readonly PageToCapture[], at: Date): Promise<number>;
  /** Counts a try and returns what to capture; undefined when it is done already or its incident was purged. */
  begin(captureId: number): Promise<CaptureTask | undefined>;
  /** Stores a whole capture or why it failed, once: false when another try stored it first. */
  finish(captureId: number, result: CaptureResult, nextCheckAt: Date | null): Promise<boolean>;
  archived(captureId: number, archiveUrl: string): Promise<void>;
  dueChecks(now: Date, limit: number): Promise<DueCheck[]>;
  /** Records a check; once gone, it is never checked again. */
  checked(captureId: number, liveness: PageLiveness, nextCheckAt: Date | null): Promise<void>;
  forIncident(incidentId: number): Promise<PageCaptureView[]>;
  /**
   * Open incidents with a web link, first flagged since `since`, that have no capture at all: their request was
   * lost (the process died between the flag and its request), or they were flagged while capture was off.
   */
  uncaptured(since: Date, limit: number): Promise<number[]>;
}

/**
 * The pages of an incident a browser can capture: its public link, and the account's page when the ledger knows
 * it. An email or an attack with no public link has nothing to capture.
 */
export function pagesToCapture(incident: IncidentView): PageToCapture[] {
  if (incident.channel !== null || !isWebAddress(incident.canonicalUrl)) return [];
  const pages: PageToCapture[] = [
    { page: incident.kind === 'profile' ? 'account' : 'post', url: incident.canonicalUrl },
  ];
  const profile = incident.offender?.profileUrl;
  if (incident.kind !== 'profile' && profile && isWebAddress(profile))
    pages.push({ page: 'account', url: profile });
  return pages;
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** When a captured post is next checked: `days` after it was first reported, skipping checks already due. */
export function nextCheckAt(
  firstReportedAt: Date,
  recheckDays: readonly number[],
  checksDone: number,
): Date | null {
  const days = recheckDays[checksDone];
  return days === undefined ? null : new Date(firstReportedAt.getTime() + days * 86_400_000);
}

/** The post's capture, which is what members are told about first. */
export function postCapture(captures: readonly PageCaptureView[]): PageCaptureView | undefined {
  return captures.find((capture) => capture.page === 'post') ?? captures.find((c) => c.page === 'account');
}
