import type { EvidenceSource } from '../core/evidence-source.ts';
import type { EvidencePageCapture } from './evidence-pack.ts';

/** One captured (or failed, or pending) page, with the incident it belongs to. */
export interface PageCaptureRecord extends EvidencePageCapture {
  incidentId: number;
}

/**
 * The page captures a pack lists, read from the ledger (src/ledger/page-capture-records.ts). It sits beside the
 * core's EvidenceSource rather than in it only because this change could not touch src/core: it belongs there.
 */
export interface PageCaptureSource {
  /**
   * Every capture of these incidents in one read, by incident (oldest first), the post before the account page.
   * The PNGs' bytes are read only with `images` (for a PDF), and then only up to `imageBudgetBytes` in all.
   */
  pageCaptures(
    incidentIds: readonly number[],
    options: { images: boolean; imageBudgetBytes: number },
  ): Promise<PageCaptureRecord[]>;
}

/** Everything a pack reads. */
export type PackSource = EvidenceSource & PageCaptureSource;
