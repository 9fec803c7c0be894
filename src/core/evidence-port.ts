import type { Language } from './i18n/language.ts';
import type { Result } from './result.ts';

/** What a lead asks for: one incident or an account's incidents, in a format, reporters named or not. */
export interface EvidenceQuery {
  offender?: string;
  incident?: string;
  format: string;
  revealReporters: boolean;
  /** The pack's language as the lead typed it (`en`, `fr`); checked by the exporter. Their own when not given. */
  lang?: string;
  /** The lead's own language: what a problem is said in, and the pack's when `lang` is not given (`en`). */
  askerLanguage?: Language;
}

/** A finished evidence pack, ready to hand to the lead privately. */
export interface EvidenceFile {
  filename: string;
  data: Uint8Array;
  sha256: string;
  /** Who or what it is about, for the message that carries it. */
  about: string;
  incidents: number;
  format: string;
  /** The language the pack is written in. */
  language: Language;
}

/** Builds evidence packs; implemented outside the core (it needs the PDF library), reading through EvidenceSource. */
export interface EvidenceExporter {
  export(query: EvidenceQuery): Promise<Result<EvidenceFile>>;
}
