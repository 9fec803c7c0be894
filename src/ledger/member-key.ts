/**
 * A member id as it is compared when counting distinct members: retention turns ids into `purged:<sha-256>`
 * pseudonyms, so every id is compared in that form. Ana's purged old incident and her new one are then still
 * one member attacked, not two.
 */
export function memberKeySql(column: string): string {
  return `(CASE WHEN ${column} LIKE 'purged:%' THEN ${column} ELSE 'purged:' || encode(sha256(convert_to(${column}, 'UTF8')), 'hex') END)`;
}
