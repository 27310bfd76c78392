// Running sums per (product, period): memory grows with the number of groups, never with the rows.
// Everything is a sum or a count, so partial aggregates from files, workers or machines merge by adding.
import type { Period } from '../config/schema.js';
import type { ScoredReview } from '../types.js';
import { periodKey } from './period.js';

export type GroupStats = {
  reviews: number;
  ratingN: number;
  /** Sum of ratings normalised to 0–1 (1 = best), so that 1–5, 1–6 and 0–10 scales mix. */
  ratingSum: number;
  sentimentN: number;
  sentimentSum: number;
  positive: number;
  neutral: number;
  negative: number;
  npsN: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatN: number;
  /** Answers in the best two points of the scale (top-2 box). */
  csatTop2: number;
};

export const emptyStats = (): GroupStats => ({
  reviews: 0, ratingN: 0, ratingSum: 0, sentimentN: 0, sentimentSum: 0, positive: 0, neutral: 0, negative: 0,
  npsN: 0, promoters: 0, passives: 0, detractors: 0, csatN: 0, csatTop2: 0,
});

export function addStats(into: GroupStats, from: GroupStats): void {
  for (const k of Object.keys(into) as (keyof GroupStats)[]) into[k] += from[k];
}

export type GroupKey = { product: string; period: string };

const SEP = '\u0000';

export class Accumulator {
  readonly groups = new Map<string, GroupStats>();

  constructor(readonly period: Period) {}

  add(r: ScoredReview): void {
    const key = r.product + SEP + periodKey(r.date, this.period);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = emptyStats()));
    g.reviews++;
    if (r.rating) {
      g.ratingN++;
      g.ratingSum += r.rating.norm;
    }
    if (r.sentiment) {
      g.sentimentN++;
      g.sentimentSum += r.sentiment.score;
      g[r.sentiment.label]++;
    }
    if (r.nps !== undefined) {
      g.npsN++;
      if (r.nps >= 9) g.promoters++;
      else if (r.nps >= 7) g.passives++;
      else g.detractors++;
    }
    if (r.csat) {
      g.csatN++;
      if (r.csat.top2) g.csatTop2++;
    }
  }

  /** Adds another accumulator's groups into this one. */
  merge(other: Accumulator): void {
    for (const [key, stats] of other.groups) {
      const g = this.groups.get(key);
      if (g) addStats(g, stats);
      else this.groups.set(key, { ...stats });
    }
  }

  /** Groups sorted by product, then period (undated last). */
  sorted(): { key: GroupKey; stats: GroupStats }[] {
    return [...this.groups]
      .map(([k, stats]) => {
        const i = k.indexOf(SEP);
        return { key: { product: k.slice(0, i), period: k.slice(i + 1) }, stats };
      })
      .sort((a, b) => compareStrings(a.key.product, b.key.product) || comparePeriods(a.key.period, b.key.period));
  }
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const comparePeriods = (a: string, b: string) => (a === b ? 0 : a === 'undated' ? 1 : b === 'undated' ? -1 : compareStrings(a, b));
