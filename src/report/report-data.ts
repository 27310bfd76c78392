// What report.xlsx and report.html show, gathered once: the aggregate tables (never per-record data), the
// run's facts for the About sheet, the first rejects per input and reason, and the alerts' example quotes.
import type { TrendRow } from '../aggregate/trend.js';
import type { PainPointRow } from '../aggregate/pain-points.js';
import type { InputCounts } from '../pipeline/run.js';
import type { LexiconVersion } from './run-manifest.js';
import type { EmergingAlertRow } from './tables.js';

export type AggregateTables = { trends: TrendRow[]; painPoints: PainPointRow[]; alerts: EmergingAlertRow[] };

export type RejectSample = { file: string; line: number; field: string; reason: string; raw: string };
/** Rejects of one input for one reason: how many, and the first few as rejects.csv has them. */
export type RejectGroup = { input: string; code: string; count: number; first: RejectSample[] };

/** A review's text shown as an alert's example (cut to a few hundred characters). */
export type Quote = { id: string; text: string };

export type RunFacts = {
  version: string;
  configFile: string;
  configHash: string;
  lexicons: LexiconVersion[];
  topics: string;
  period: string;
  locale: string;
  startedAt: string;
  /** Seconds from the start to the report phase, and the records per second over them. */
  seconds: number;
  recordsPerSecond: number;
  workers: number;
  ranges: number;
  inputs: InputCounts[];
  totals: { read: number; scored: number; rejected: number };
};

export type ReportData = {
  tables: AggregateTables;
  rejects: RejectGroup[];
  /** Example review id → its quote, for the alerts that have one. */
  quotes: ReadonlyMap<string, Quote>;
  run: RunFacts;
};

/** The first day of a period key (2025-03 → 2025-03-01, 2025-W07 → its Monday, 2025-Q2 → 2025-04-01), as a UTC
 *  date; undefined for `undated` and `all`. */
export function periodStart(key: string): Date | undefined {
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1));
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return new Date(Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
    // ISO week 1 holds 4 January; its Monday, then whole weeks on.
    const jan4 = Date.UTC(+m[1]!, 0, 4);
    const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return new Date(monday1 + (+m[2]! - 1) * 7 * 86_400_000);
  }
  return undefined;
}
