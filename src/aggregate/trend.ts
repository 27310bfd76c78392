// Group sums → the figures an analyst reads per product and period, with the change against the period before.
import type { GroupKey, GroupStats } from './accumulator.js';
import { UNDATED } from './period.js';

export type TrendRow = {
  product: string;
  period: string;
  reviews: number;
  ratingN: number;
  /** Mean rating on a 1–5 star scale (ratings from any scale, normalised). */
  meanRating: number | undefined;
  sentimentN: number;
  meanSentiment: number | undefined;
  pctPositive: number | undefined;
  pctNeutral: number | undefined;
  pctNegative: number | undefined;
  npsN: number;
  nps: number | undefined;
  /** 95 % margin of error of the NPS, in NPS points. */
  npsMargin: number | undefined;
  csatN: number;
  csatPct: number | undefined;
  /** The latest earlier period of the same product that has data; the changes compare against it. */
  prevPeriod: string | undefined;
  changeRating: number | undefined;
  changeSentiment: number | undefined;
  changeNps: number | undefined;
  changeCsat: number | undefined;
  /** The period's top pain points, "Name (negative mentions) | …" (pain-points.ts). */
  topPainPoints: string | undefined;
};

const ratio = (a: number, n: number) => (n > 0 ? a / n : undefined);
const diff = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);

/** NPS = % promoters − % detractors; its variance from the trinomial: (p + d − (p − d)²) / n. */
export function npsWithMargin(promoters: number, detractors: number, n: number): { nps: number; margin: number } | undefined {
  if (n <= 0) return undefined;
  const p = promoters / n;
  const d = detractors / n;
  const variance = (p + d - (p - d) ** 2) / n;
  return { nps: 100 * (p - d), margin: 100 * 1.96 * Math.sqrt(variance) };
}

function figures(key: GroupKey, s: GroupStats): TrendRow {
  const nps = npsWithMargin(s.promoters, s.detractors, s.npsN);
  const rating = ratio(s.ratingSum, s.ratingN);
  const pct = (x: number) => (s.sentimentN > 0 ? (100 * x) / s.sentimentN : undefined);
  return {
    product: key.product,
    period: key.period,
    reviews: s.reviews,
    ratingN: s.ratingN,
    meanRating: rating === undefined ? undefined : 1 + 4 * rating,
    sentimentN: s.sentimentN,
    meanSentiment: ratio(s.sentimentSum, s.sentimentN),
    pctPositive: pct(s.positive),
    pctNeutral: pct(s.neutral),
    pctNegative: pct(s.negative),
    npsN: s.npsN,
    nps: nps?.nps,
    npsMargin: nps?.margin,
    csatN: s.csatN,
    csatPct: s.csatN > 0 ? (100 * s.csatTop2) / s.csatN : undefined,
    prevPeriod: undefined,
    changeRating: undefined,
    changeSentiment: undefined,
    changeNps: undefined,
    changeCsat: undefined,
    topPainPoints: undefined,
  };
}

/** `groups` sorted by product, then period (undated last), as Accumulator.sorted() gives them. */
export function trendRows(groups: readonly { key: GroupKey; stats: GroupStats }[]): TrendRow[] {
  const rows: TrendRow[] = [];
  let prev: TrendRow | undefined;
  for (const { key, stats } of groups) {
    const row = figures(key, stats);
    if (prev && prev.product === row.product && row.period !== UNDATED) {
      row.prevPeriod = prev.period;
      row.changeRating = diff(row.meanRating, prev.meanRating);
      row.changeSentiment = diff(row.meanSentiment, prev.meanSentiment);
      row.changeNps = diff(row.nps, prev.nps);
      row.changeCsat = diff(row.csatPct, prev.csatPct);
    }
    rows.push(row);
    prev = row.period === UNDATED ? undefined : row;
  }
  return rows;
}
