/**
 * What the capture jobs need of a browser, free of any browser library: src/capture implements it with Chromium.
 */

/** Why a capture did not store the page: each is told to members in plain words (see capture-text.ts). */
export const CAPTURE_FAILURES = [
  'login-wall',
  'removed',
  'timed-out',
  'too-large',
  'refused-address',
  'unreachable',
  'error',
] as const;
export type CaptureFailure = (typeof CAPTURE_FAILURES)[number];

/** A page as a logged-out browser saw it: every artefact is whole, or the capture failed. */
export interface CapturedPage {
  outcome: 'captured';
  /** UTC, when the page had loaded. */
  at: Date;
  /** After redirects. */
  finalUrl: string;
  httpStatus: number;
  /** Full-page PNG. */
  screenshot: Uint8Array;
  /** The main document's HTML as the server sent it. */
  html: Uint8Array;
}

export interface FailedCapture {
  outcome: 'failed';
  at: Date;
  reason: CaptureFailure;
  /** Known when the page answered (a 404, a login wall). */
  finalUrl?: string;
  httpStatus?: number;
}

export type CaptureResult = CapturedPage | FailedCapture;

/** Is the post still up? `gone` with why; `unknown` when the check itself failed (time-out, network). */
export type PageLiveness =
  | { state: 'up'; at: Date }
  | { state: 'gone'; at: Date; reason: 'removed' | 'login-wall' }
  | { state: 'unknown'; at: Date };

export interface CaptureLimits {
  /** The whole capture, navigation to screenshot. */
  timeoutMs: number;
  /** Bytes the browser may download for one capture, every request together. */
  maxBytes: number;
  /**
   * UNSAFE: lets the browser reach loopback addresses (127.0.0.0/8, ::1). For tests on loopback only; private,
   * link-local and metadata addresses stay refused.
   */
  allowLoopback: boolean;
}

/** Captures pages in a real browser; one per process, shared by the capture jobs. */
export interface PageCapturer {
  capture(url: string, signal?: AbortSignal): Promise<CaptureResult>;
  /** Loads the page again, stores nothing, and says whether it is still up. */
  check(url: string, signal?: AbortSignal): Promise<PageLiveness>;
  /** Closes the browser; captures under way end as failed ('error'). */
  close(): Promise<void>;
}

/** A public archive asked to keep its own copy of a page (the Internet Archive's Save Page Now). */
export interface PageArchive {
  save(
    url: string,
    signal?: AbortSignal,
  ): Promise<{ ok: true; archiveUrl: string } | { ok: false; reason: string }>;
}
