// Parameters that say how someone arrived, not which page it is. Platforms keep an allow-list instead, so this
// list only matters for ordinary websites, where `s` or `t` may be a real search or page parameter and stays.
const TRACKING_NAMES = new Set([
  '_hsenc',
  '_hsmi',
  '_rdr',
  'dclid',
  'fbclid',
  'feature',
  'gbraid',
  'gclid',
  'gclsrc',
  'igsh',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mibextid',
  'mkt_tok',
  'msclkid',
  'rdid',
  'ref',
  'ref_src',
  'ref_url',
  'share_id',
  'si',
  'ttclid',
  'twclid',
  'wbraid',
  'yclid',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_NAMES.has(lower);
}
