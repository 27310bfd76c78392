// Running sums per (product, period): memory grows with the number of groups, never with the rows.
// Everything is a sum or a count, so partial aggregates from byte ranges, workers or machines merge by adding.
// Sums of scores are kept in millionths as integers: integer addition is exact and order-free, so the totals (and
// the reports) are byte-identical however the input was cut into ranges and in whatever order they merge.
import type { Period } from '../config/schema.js';
import type { ScoredReview } from '../types.js';
import { ownCopy } from '../strings.js';
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

const FIELDS = [
  'reviews', 'ratingN', 'ratingSum', 'sentimentN', 'sentimentSum', 'positive', 'neutral', 'negative',
  'npsN', 'promoters', 'passives', 'detractors', 'csatN', 'csatTop2',
] as const satisfies readonly (keyof GroupStats)[];
const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<keyof GroupStats, number>;
/** Fields held in millionths. */
const SCALED = new Set<number>([F.ratingSum, F.sentimentSum]);
const SCALE = 1e6;

export const emptyStats = (): GroupStats => Object.fromEntries(FIELDS.map((f) => [f, 0])) as GroupStats;

export type GroupKey = { product: string; period: string };

/** Groups as plain data, for posting between threads or writing partial aggregates to disk: the keys, and their
 *  sums one after the other (FIELDS.length each). */
export type AccumulatorData = { period: Period; keys: string[]; sums: Float64Array };

const SEP = '\u0000';
const LABEL_FIELD = { positive: F.positive, neutral: F.neutral, negative: F.negative } as const;

export class Accumulator {
  private readonly groups = new Map<string, Float64Array>();
  /** The same sums, by product and period, for add(). */
  private readonly byProduct = new Map<string, Map<string, Float64Array>>();

  constructor(readonly period: Period) {}

  add(r: ScoredReview): void {
    // Found by product, then period: no key string is built per record.
    let periods = this.byProduct.get(r.product);
    if (!periods) this.byProduct.set(ownCopy(r.product), (periods = new Map()));
    const period = periodKey(r.date, this.period);
    let g = periods.get(period);
    if (!g) {
      g = new Float64Array(FIELDS.length);
      periods.set(period, g);
      this.groups.set(ownCopy(r.product + SEP + period), g);
    }
    g[F.reviews]!++;
    if (r.rating) {
      g[F.ratingN]!++;
      g[F.ratingSum]! += Math.round(r.rating.norm * SCALE);
    }
    if (r.sentiment) {
      g[F.sentimentN]!++;
      g[F.sentimentSum]! += Math.round(r.sentiment.score * SCALE);
      g[LABEL_FIELD[r.sentiment.label]]!++;
    }
    if (r.nps !== undefined) {
      g[F.npsN]!++;
      g[r.nps >= 9 ? F.promoters : r.nps >= 7 ? F.passives : F.detractors]!++;
    }
    if (r.csat) {
      g[F.csatN]!++;
      if (r.csat.top2) g[F.csatTop2]!++;
    }
  }

  /** Adds another accumulator's groups into this one. */
  merge(other: Accumulator): void {
    for (const [key, sums] of other.groups) this.addSums(key, sums);
  }

  get size(): number {
    return this.groups.size;
  }

  toData(): AccumulatorData {
    const keys = [...this.groups.keys()];
    const sums = new Float64Array(keys.length * FIELDS.length);
    keys.forEach((key, i) => sums.set(this.groups.get(key)!, i * FIELDS.length));
    return { period: this.period, keys, sums };
  }

  /** Adds partial aggregates (from toData) into this one. */
  mergeData(data: AccumulatorData): void {
    data.keys.forEach((key, i) => this.addSums(key, data.sums.subarray(i * FIELDS.length, (i + 1) * FIELDS.length)));
  }

  /** Groups sorted by product, then period (undated last), with sums in their natural units. */
  sorted(): { key: GroupKey; stats: GroupStats }[] {
    return [...this.groups]
      .map(([k, sums]) => {
        const i = k.indexOf(SEP);
        const stats = Object.fromEntries(FIELDS.map((f, j) => [f, SCALED.has(j) ? sums[j]! / SCALE : sums[j]!])) as GroupStats;
        return { key: { product: k.slice(0, i), period: k.slice(i + 1) }, stats };
      })
      .sort((a, b) => compareStrings(a.key.product, b.key.product) || comparePeriods(a.key.period, b.key.period));
  }

  private addSums(key: string, sums: ArrayLike<number>): void {
    let g = this.groups.get(key);
    if (!g) {
      g = new Float64Array(FIELDS.length);
      this.groups.set(ownCopy(key), g);
      const i = key.indexOf(SEP);
      const product = key.slice(0, i);
      let periods = this.byProduct.get(product);
      if (!periods) this.byProduct.set(ownCopy(product), (periods = new Map()));
      periods.set(ownCopy(key.slice(i + 1)), g);
    }
    for (let j = 0; j < FIELDS.length; j++) g[j]! += sums[j]!;
  }
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const comparePeriods = (a: string, b: string) => (a === b ? 0 : a === 'undated' ? 1 : b === 'undated' ? -1 : compareStrings(a, b));
