// Per survey question: NPS and CSAT of each question group (`records[].key`, or the input itself for one record
// per row) per product and period, and over all periods, with their intervals and the minimum-n guard.
import type { GroupKey } from './accumulator.js';
import { UNDATED } from './period.js';
import type { QuestionStats } from './survey-accumulator.js';
import { csatFigure, npsFigure, type CsatFigure, type NpsFigure } from './survey-stats.js';

/** The period of the rows over every period. */
export const ALL_PERIODS = 'all';

export type QuestionRow = {
  input: string;
  /** The record group's key; '' for an input with one record per row. */
  question: string;
  product: string;
  period: string;
  measure: 'nps' | 'csat';
  n: number;
  promoters: number | undefined;
  passives: number | undefined;
  detractors: number | undefined;
  nps: NpsFigure | undefined;
  top2: number | undefined;
  csat: CsatFigure | undefined;
};

type Entry = { key: GroupKey; input: string; question: string; stats: QuestionStats };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const comparePeriods = (a: string, b: string) => {
  const rank = (p: string) => (p === ALL_PERIODS ? 2 : p === UNDATED ? 1 : 0);
  return rank(a) - rank(b) || compare(a, b);
};

/** Rows sorted by input, question, product, period (undated, then `all` last), NPS before CSAT. */
export function questionRows(entries: readonly Entry[], minN: number): QuestionRow[] {
  const all = new Map<string, Entry>();
  for (const e of entries) {
    const k = [e.input, e.question, e.key.product].join('\u0000');
    const sum = all.get(k) ?? { key: { product: e.key.product, period: ALL_PERIODS }, input: e.input, question: e.question, stats: { npsN: 0, promoters: 0, passives: 0, detractors: 0, csatN: 0, csatTop2: 0, textNpsN: 0, textPromoters: 0, textDetractors: 0 } };
    for (const f of Object.keys(sum.stats) as (keyof QuestionStats)[]) sum.stats[f] += e.stats[f];
    all.set(k, sum);
  }
  const sorted = [...entries, ...all.values()].sort(
    (a, b) => compare(a.input, b.input) || compare(a.question, b.question) || compare(a.key.product, b.key.product) || comparePeriods(a.key.period, b.key.period),
  );
  const rows: QuestionRow[] = [];
  for (const { key, input, question, stats: s } of sorted) {
    const base = { input, question, product: key.product, period: key.period };
    if (s.npsN > 0) {
      rows.push({ ...base, measure: 'nps', n: s.npsN, promoters: s.promoters, passives: s.passives, detractors: s.detractors, nps: npsFigure(s.promoters, s.detractors, s.npsN, minN), top2: undefined, csat: undefined });
    }
    if (s.csatN > 0) {
      rows.push({ ...base, measure: 'csat', n: s.csatN, promoters: undefined, passives: undefined, detractors: undefined, nps: undefined, top2: s.csatTop2, csat: csatFigure(s.csatTop2, s.csatN, minN) });
    }
  }
  return rows;
}
