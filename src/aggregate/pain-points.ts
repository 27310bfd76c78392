// Topic sums → pain-point rows (product × period × topic, and per product over all periods), each product's top
// pain points per period, and the series the emerging-pain-point test reads.
import type { GroupKey, GroupStats, TopicKey } from './accumulator.js';
import type { TopicSeries } from './emerging.js';
import { UNDATED } from './period.js';
import type { TopicStats } from './topic-accumulator.js';

/** One string for a product, a period and a topic (or fewer), as lookup keys in and around these rows. */
export const keyOf = (...parts: string[]): string => parts.join('\u0000');

/** The period of the rows that cover every period of a product. */
export const ALL_PERIODS = 'all';

export type PainPointRow = {
  product: string;
  period: string;
  topic: string;
  topicName: string;
  /** The product's reviews in the period, and how many of them mention the topic. */
  reviews: number;
  mentions: number;
  sharePct: number | undefined;
  negative: number;
  negativeSharePct: number;
  positive: number;
  meanSentiment: number;
  /** The topic's negative share over every product and period: what is usual for it (some topics, such as
   *  waiting, come up almost only in complaints). */
  catalogueNegativeSharePct: number;
  /** How far the negative mentions lie above what the catalogue's share predicts, in standard deviations
   *  ((negative − ½ − mentions·p) / √(mentions·p·(1−p))): large only when the excess is both big and well supported.
   *  The ½ is the continuity correction of a count: without it a single complaint in a topic that rarely draws
   *  any (1 of 5 where 2 % is usual) outranked a product's real weakness (on gen-dump, weak topic first for 77
   *  products of 149 with it, 72 without; 132 either way on the generator's own counts). */
  excess: number;
  /** 1 = the topic that hurts this product most against what is usual for the topic: ranked by `excess` among
   *  the topics with no parent (a taxonomy's part, such as packaging of delivery, is counted in its parent's
   *  figures, so that the ranking compares like with like; the part's own row follows, unranked). Undefined for
   *  a topic with no negative mention and for a part. */
  rank: number | undefined;
  prevPeriod: string | undefined;
  changeSharePct: number | undefined;
  changeNegativeSharePct: number | undefined;
  changeMeanSentiment: number | undefined;
  exampleId: string;
};

type TopicEntry = { key: TopicKey; stats: TopicStats };
type Group = { key: GroupKey; stats: GroupStats };

const pct = (a: number, n: number) => (n > 0 ? (100 * a) / n : undefined);
const diff = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);

/** Rows sorted by product, then period (undated, then `all` last), then rank (parts of a topic after the ranked
 *  topics). `groups` are the trend groups sorted as Accumulator.sorted() gives them; `parentOf` gives a topic's
 *  parent in the taxonomy. */
export function painPointRows(topics: readonly TopicEntry[], groups: readonly Group[], nameOf: (topic: string) => string, parentOf: (topic: string) => string | undefined = () => undefined): PainPointRow[] {
  const byGroup = new Map<string, TopicEntry[]>();
  for (const e of topics) {
    const k = keyOf(e.key.product, e.key.period);
    const list = byGroup.get(k);
    if (list === undefined) byGroup.set(k, [e]);
    else list.push(e);
  }
  const usual = catalogueShares(topics);
  const rows: PainPointRow[] = [];
  let product: string | undefined;
  let prev: { period: string; rows: Map<string, PainPointRow> } | undefined;
  let all = new Map<string, TopicStats>();
  let allReviews = 0;
  const flushAll = () => {
    if (product === undefined) return;
    const entries = [...all].map(([topic, stats]) => ({ key: { product: product!, period: ALL_PERIODS, topic }, stats }));
    rows.push(...rowsOf(entries, allReviews, nameOf, parentOf, undefined, usual));
  };
  for (const { key, stats } of groups) {
    if (key.product !== product) {
      flushAll();
      [product, prev, all, allReviews] = [key.product, undefined, new Map(), 0];
    }
    allReviews += stats.reviews;
    const entries = byGroup.get(keyOf(key.product, key.period)) ?? [];
    for (const e of entries) {
      const a = all.get(e.key.topic);
      all.set(e.key.topic, a === undefined ? { ...e.stats } : mergeStats(a, e.stats));
    }
    const dated = key.period !== UNDATED;
    const periodRows = rowsOf(entries, stats.reviews, nameOf, parentOf, dated ? prev : undefined, usual);
    rows.push(...periodRows);
    if (dated) prev = { period: key.period, rows: new Map(periodRows.map((r) => [r.topic, r])) };
  }
  flushAll();
  return rows;
}

function mergeStats(a: TopicStats, b: TopicStats): TopicStats {
  const example = b.exampleScore < a.exampleScore || (b.exampleScore === a.exampleScore && b.exampleId < a.exampleId) ? b : a;
  return {
    mentions: a.mentions + b.mentions, negative: a.negative + b.negative, neutral: a.neutral + b.neutral, positive: a.positive + b.positive,
    sentimentSum: a.sentimentSum + b.sentimentSum,
    negativeNpsN: a.negativeNpsN + b.negativeNpsN, negativePromoters: a.negativePromoters + b.negativePromoters, negativeDetractors: a.negativeDetractors + b.negativeDetractors,
    exampleId: example.exampleId, exampleScore: example.exampleScore,
  };
}

/** Each topic's negative share over all products and periods, kept off 0 and 1 so that a deviation can be taken. */
function catalogueShares(topics: readonly TopicEntry[]): Map<string, number> {
  const sums = new Map<string, { negative: number; mentions: number }>();
  for (const { key, stats } of topics) {
    const s = sums.get(key.topic) ?? { negative: 0, mentions: 0 };
    s.negative += stats.negative;
    s.mentions += stats.mentions;
    sums.set(key.topic, s);
  }
  return new Map([...sums].map(([topic, s]) => [topic, Math.min(0.98, Math.max(0.02, s.negative / s.mentions))]));
}

function rowsOf(entries: readonly TopicEntry[], reviews: number, nameOf: (topic: string) => string, parentOf: (topic: string) => string | undefined, prev: { period: string; rows: Map<string, PainPointRow> } | undefined, usual: Map<string, number>): PainPointRow[] {
  const rows = entries.map(({ key, stats }): PainPointRow => {
    const before = prev?.rows.get(key.topic);
    const sharePct = pct(stats.mentions, reviews);
    const negativeSharePct = (100 * stats.negative) / stats.mentions;
    const meanSentiment = stats.sentimentSum / stats.mentions;
    const p = usual.get(key.topic)!;
    const excess = (stats.negative - 0.5 - stats.mentions * p) / Math.sqrt(stats.mentions * p * (1 - p));
    return {
      product: key.product, period: key.period, topic: key.topic, topicName: nameOf(key.topic), reviews, mentions: stats.mentions, sharePct,
      negative: stats.negative, negativeSharePct, positive: stats.positive, meanSentiment, catalogueNegativeSharePct: 100 * p, excess, rank: undefined,
      prevPeriod: prev?.period,
      // A topic no review named in the period before had a share of 0, but no negative share or mean to compare.
      changeSharePct: prev === undefined ? undefined : diff(sharePct, before?.sharePct ?? 0),
      changeNegativeSharePct: diff(negativeSharePct, before?.negativeSharePct),
      changeMeanSentiment: diff(meanSentiment, before?.meanSentiment),
      exampleId: stats.exampleId,
    };
  });
  const ranked = (r: PainPointRow) => (r.negative > 0 && parentOf(r.topic) === undefined ? 2 : r.negative > 0 ? 1 : 0);
  rows.sort((a, b) => ranked(b) - ranked(a) || b.excess - a.excess || b.negative - a.negative || b.mentions - a.mentions || (a.topic < b.topic ? -1 : 1));
  rows.forEach((r, i) => {
    if (ranked(r) === 2) r.rank = i + 1;
  });
  return rows;
}

/** The top pain points of each product × period (`keyOf(product, period)` → "Name (negative mentions) | …"), at most `n`. */
export function topPainPoints(rows: readonly PainPointRow[], n = 3): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.rank === undefined || r.rank > n) continue;
    const k = keyOf(r.product, r.period);
    const text = `${r.topicName} (${r.negative})`;
    // `|` between them: neither dialect's delimiter, so the cell needs no quotes in either.
    out.set(k, out.has(k) ? `${out.get(k)} | ${text}` : text);
  }
  return out;
}

/** Each product × topic's negative mentions per dated period, against all the product's reviews in that period
 *  (a period without a mention counts as 0 of its reviews), for the emerging-pain-point test. */
export function topicSeries(rows: readonly PainPointRow[], groups: readonly Group[]): TopicSeries[] {
  const periods = new Map<string, { period: string; reviews: number }[]>();
  for (const { key, stats } of groups) {
    if (key.period === UNDATED) continue;
    const list = periods.get(key.product);
    if (list === undefined) periods.set(key.product, [{ period: key.period, reviews: stats.reviews }]);
    else list.push({ period: key.period, reviews: stats.reviews });
  }
  const series = new Map<string, { product: string; topic: string; negative: Map<string, number> }>();
  for (const r of rows) {
    if (r.period === UNDATED || r.period === ALL_PERIODS) continue;
    const k = keyOf(r.product, r.topic);
    let s = series.get(k);
    if (s === undefined) series.set(k, (s = { product: r.product, topic: r.topic, negative: new Map() }));
    s.negative.set(r.period, r.negative);
  }
  return [...series.values()].map(({ product, topic, negative }) => ({
    product, topic, periods: (periods.get(product) ?? []).map((p) => ({ ...p, negative: negative.get(p.period) ?? 0 })),
  }));
}
