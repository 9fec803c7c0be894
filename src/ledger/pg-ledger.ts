import type pg from 'pg';
import type { Ledger } from '../core/ledger-port.ts';
import { findOffenders } from './offender-history.ts';
import { summarizePeriod } from './period-summary.ts';
import { recordFlag } from './record-flag.ts';
import { getResponder, setResponder } from './responders.ts';

/** The core's Ledger on PostgreSQL (embedded or server: the same SQL). */
export function createPgLedger(pool: pg.Pool): Ledger {
  return {
    recordFlag: (flag) => recordFlag(pool, flag),
    findOffenders: (query) => findOffenders(pool, query),
    getResponder: (memberId) => getResponder(pool, memberId),
    setResponder: (settings) => setResponder(pool, settings),
    summarizePeriod: (from, to, rule) => summarizePeriod(pool, from, to, rule),
  };
}
