/** How the rally runs; each collective can tune it, the defaults follow the issue that asked for it. */
export interface RallyPolicy {
  /** Responders alerted at once, and in each later wave. */
  waveSize: number;
  /** How long a wave has to work before the next one is considered. */
  waveGapMinutes: number;
  /** Fewer people than this having acted after a wave's gap brings the next wave. */
  enoughActors: number;
  /** How long the person attacked has to answer before it stays documented only. */
  consentMinutes: number;
}

export const DEFAULT_RALLY_POLICY: RallyPolicy = {
  waveSize: 8,
  waveGapMinutes: 30,
  enoughActors: 3,
  consentMinutes: 120,
};
