// Group sums → the figures an analyst reads per product and period, with the change against the period before.
import type { GroupKey, GroupStats } from './accumulator.js';
import { UNDATED } from './period.js';
import { csatFigure, npsFigure } from './survey-stats.js';

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
  promoters: number;
  passives: number;
  detractors: number;
  /** Undefined (with `npsNote` saying why) below the minimum n. */
  nps: number | undefined;
  /** 95 % margin of error of the NPS, in NPS points. */
  npsMargin: number | undefined;
  /** `n<30` where fewer answers than the minimum n stand behind the NPS (which is then left out). */
  npsNote: string | undefined;
  csatN: number;
  csatPct: number | undefined;
  /** Wilson 95 % interval of the top-2-box share, in percent. */
  csatLow: number | undefined;
  csatHigh: number | undefined;
  csatNote: string | undefined;
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

export { npsWithMargin } from './survey-stats.js';

function figures(key: GroupKey, s: GroupStats, minN: number): TrendRow {
  const nps = npsFigure(s.promoters, s.detractors, s.npsN, minN);
  const csat = csatFigure(s.csatTop2, s.csatN, minN);
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
    promoters: s.promoters,
    passives: s.passives,
    detractors: s.detractors,
    nps: nps.nps,
    npsMargin: nps.margin,
    npsNote: nps.note,
    csatN: s.csatN,
    csatPct: csat.pct,
    csatLow: csat.low,
    csatHigh: csat.high,
    csatNote: csat.note,
    prevPeriod: undefined,
    changeRating: undefined,
    changeSentiment: undefined,
    changeNps: undefined,
    changeCsat: undefined,
    topPainPoints: undefined,
  };
}

/** `groups` sorted by product, then period (undated last), as Accumulator.sorted() gives them. NPS and CSAT
 *  shares backed by fewer than `minN` answers are left out (and so are their changes). */
export function trendRows(groups: readonly { key: GroupKey; stats: GroupStats }[], minN = 1): TrendRow[] {
  const rows: TrendRow[] = [];
  let prev: TrendRow | undefined;
  for (const { key, stats } of groups) {
    const row = figures(key, stats, minN);
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
