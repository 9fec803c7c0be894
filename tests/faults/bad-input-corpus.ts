import { expect } from 'vitest';
import { countRows, LEDGER_TABLES } from '../support/core-harness.ts';
import type { TestDatabase } from '../support/test-database.ts';

/**
 * What people (or anyone who can reach the bot) might send that it must refuse, or take and show harmlessly.
 * Every note carries the marker CORPUS, so one look at the logs shows whether any of it leaked there.
 */
export const MARKER = 'CORPUS';

let statusIds = 900_000;
/** A post link no other case uses: X status ids are global, so two links with one id are one post. */
export function freshPost(handle = 'SomeTroll'): string {
  statusIds += 1;
  return `https://x.com/${handle}/status/${statusIds}`;
}

/** Broadcasts, user, channel and role mentions, in the forms Slack and Discord parse. */
export const MENTIONS =
  '<!channel> <!here> <!everyone> <!subteam^S123> @everyone @here @channel <@U123> <#C123> ' +
  '<@123456789012345678> <@!123456789012345678> <@&987654321098765432> <#111111111111111111>';

/** Accepted as notes: they must be stored verbatim, as parameters, and never run. */
export const SQL_NOTES = [
  `${MARKER} '; DROP TABLE incidents; --`,
  `${MARKER} ' OR 1=1 --`,
  `${MARKER} "); DELETE FROM incident_reports WHERE (1=1`,
  `${MARKER} \\'; TRUNCATE offenders CASCADE; -- $1 $$ E'\\x00'`,
];

/** Unicode a note may hold: shown as typed, stored as typed. */
export const ACCEPTED_UNICODE: Record<string, string> = {
  'zero-width joiner and non-joiner': `${MARKER} a\u200db\u200cc\u2060d`,
  'combining marks (zalgo)': `${MARKER} z\u0337\u0322\u0348a\u0336\u0327l\u0338g\u0335o\u0301\u0302`,
  'emoji ZWJ sequences and flags': `${MARKER} 👩‍👩‍👧‍👦 🏳️‍🌈 👨🏿‍⚕️ 🇺🇸`,
  'full-width letters and at sign': `${MARKER} ＦＵＬＬ　ＷＩＤＴＨ ＠everyone ｘ.com`,
  'right-to-left script': `${MARKER} مرحبا שלום`,
};

/** Characters a note may not hold: they make text read differently from what it is, or break the terminal. */
export const REFUSED_UNICODE: Record<string, string> = {
  'right-to-left override U+202E': `${MARKER} gnp.\u202eexe`,
  'left-to-right isolate U+2066': `${MARKER} a\u2066b\u2069`,
  'NUL byte': `${MARKER} before\u0000after`,
  'escape sequence': `${MARKER} \u001b[2J\u001b]0;pwned\u0007`,
};

/** A lone surrogate: JSON transports carry it; PostgreSQL's UTF-8 can't, so it is stored as U+FFFD. */
export const LONE_SURROGATES = `${MARKER} lone \ud800 high and \udfff low`;
export const LONE_SURROGATES_STORED = `${MARKER} lone \ufffd high and \ufffd low`;

export const HUGE_NOTE = `${MARKER} ${'x'.repeat(100 * 1024)}`;
export const MEGABYTE_NOTE = `${MARKER} ${'y'.repeat(1024 * 1024)}`;
export const LONG_URL = `https://x.com/SomeTroll/status/1?${'a'.repeat(10_000)}`;

/**
 * A mention an attacker can plant in the account part of a link: the handle is shown on cards and replies.
 * The bare words after `@` are what Slack's and Discord's broadcast pings are made of.
 */
export const PING_HANDLE_POSTS = ['https://x.com/here/status/', 'https://mastodon.social/@everyone/'];

/**
 * Live broadcasts or mentions in text as the platform parses it. The adapters turn `<` into `&lt;` (Slack) or
 * `\<` (Discord, whose markdown honours the backslash; Slack's does not) and `@` into a full-width `＠`; links
 * they wrap in `<…>` are shown as links, never parsed for mentions.
 */
export function livePings(platform: 'slack' | 'discord', text: string): string[] {
  const patterns =
    platform === 'slack'
      ? [
          /<!(channel|here|everyone|subteam)[^>]*>/g,
          /(?<![＠\w])@(channel|here|everyone)\b/g,
          /<[@#][!&]?[A-Z0-9]+>/g,
        ]
      : [
          /(?<!\\)<!(channel|here|everyone)[^>]*>/g,
          /(?<![＠\w\\])@(everyone|here)\b/g,
          /(?<!\\)<[@#][!&]?\d+>/g,
        ];
  // A link the adapter wrapped in <…> is a link, whatever its path says (`https://mastodon.social/@everyone`).
  const outsideLinks = text.replace(/<https?:\/\/[^\s<>|]+>/g, '<link>');
  // Discord shows a code block as typed: a mention inside one is text (Slack's entities are checked everywhere).
  const outsideCode =
    platform === 'discord' ? outsideLinks.replace(/```[\s\S]*?```/g, '<code>') : outsideLinks;
  return patterns.flatMap((pattern) => outsideCode.match(pattern) ?? []);
}

export type LedgerCounts = Record<(typeof LEDGER_TABLES)[number], number>;

export async function ledgerCounts(db: TestDatabase): Promise<LedgerCounts> {
  const counts = {} as LedgerCounts;
  for (const table of LEDGER_TABLES) counts[table] = await countRows(db, table);
  return counts;
}

/** A refusal wrote nothing anywhere: every table has the rows it had before. */
export async function expectLedgerUnchanged(db: TestDatabase, before: LedgerCounts, what: string) {
  expect(await ledgerCounts(db), what).toEqual(before);
}

/** The notes stored for the incident of `post`, as PostgreSQL holds them. */
export async function storedNotes(db: TestDatabase, post: string): Promise<(string | null)[]> {
  const id = /status\/(\d+)/.exec(post)?.[1];
  const rows = await db.pool.query(
    `SELECT r.note FROM incident_reports r JOIN incidents i ON i.id = r.incident_id
     WHERE i.canonical_url = $1 ORDER BY r.reported_at, r.reporter_id`,
    [`https://x.com/i/status/${id}`],
  );
  return rows.rows.map((row: { note: string | null }) => row.note);
}

/** The ledger's tables are all still there, and still answer. */
export async function expectTablesIntact(db: TestDatabase): Promise<void> {
  const { rows } = await db.pool.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`,
    [[...LEDGER_TABLES]],
  );
  expect(rows.map((row: { table_name: string }) => row.table_name).sort()).toEqual([...LEDGER_TABLES].sort());
}
