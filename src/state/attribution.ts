// How much of each overall metric's change in a run came from the lexicon (stored records scored again) and how
// much from new data (new and changed records): the state's totals before the run, after rescoring and at the
// end. The two parts add up to the change, since rescoring runs before tonight's records are imported.
import type { StateTotals } from './store.js';

export const METRICS = ['records', 'meanRating', 'meanSentiment', 'positiveShare', 'negativeShare', 'nps', 'csatPct'] as const;
export type Metric = (typeof METRICS)[number];

export type MetricChange = { before: number | null; after: number | null; change: number | null; fromLexicon: number | null; fromNewData: number | null };

const ratio = (a: number, n: number, scale = 1) => (n ? (scale * a) / n : null);

export function metricsOf(t: StateTotals): Record<Metric, number | null> {
  return {
    records: t.records,
    meanRating: ratio(t.ratingSum, t.ratingN),
    meanSentiment: ratio(t.sentimentSum, t.sentimentN),
    positiveShare: ratio(t.positive, t.sentimentN),
    negativeShare: ratio(t.negative, t.sentimentN),
    nps: ratio(t.promoters - t.detractors, t.npsN, 100),
    csatPct: ratio(t.csatTop2, t.csatN, 100),
  };
}

/** Six decimals: the totals are float sums, so the last bits say nothing. */
const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6 + 0);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));

export function changeSplit(before: StateTotals, rescored: StateTotals, after: StateTotals): Record<Metric, MetricChange> {
  const [m0, m1, m2] = [metricsOf(before), metricsOf(rescored), metricsOf(after)];
  return Object.fromEntries(METRICS.map((k) => [k, {
    before: round(m0[k]), after: round(m2[k]), change: minus(m2[k], m0[k]), fromLexicon: minus(m1[k], m0[k]), fromNewData: minus(m2[k], m1[k]),
  }])) as Record<Metric, MetricChange>;
}
