// What drives the NPS: for each pain-point topic, the NPS of the respondents who name it negatively against the
// NPS of the other respondents who wrote a text, with the 95 % interval of the difference ("delivery complaints
// cost 18 NPS points (±6)"). Per product over all periods, and over all products. Respondents who wrote nothing
// are left out of both sides: they could not name a topic, and silent respondents score differently from those
// who comment (in the R survey the Python block has no comment box at all). From the integer sums of TopicSums
// and SurveySums, so the figures are the same however the input was cut into ranges.
import type { GroupKey, TopicKey } from './accumulator.js';
import type { QuestionStats } from './survey-accumulator.js';
import type { TopicStats } from './topic-accumulator.js';
import { belowMinN, npsDifference, npsFigure, type NpsCounts } from './survey-stats.js';

/** The product of the rows over all products. */
export const ALL_PRODUCTS = 'all';

export type DriverRow = {
  product: string;
  topic: string;
  topicName: string;
  /** 1 = the topic whose complaints cost the most NPS points for certain (the interval's end nearest zero). */
  rank: number | undefined;
  /** Respondents with an NPS answer and a scored text, and those of them who name the topic negatively. */
  respondents: number;
  mentionedNegatively: number;
  npsMentioned: number | undefined;
  npsOthers: number | undefined;
  /** NPS of those who name the topic negatively minus the others'; negative: the complaint costs points. */
  difference: number | undefined;
  margin: number | undefined;
  /** `n<30` when either group has fewer answers than the minimum n (the figures are then left out). */
  note: string | undefined;
};

type TopicEntry = { key: TopicKey; stats: TopicStats };
type Respondents = { key: GroupKey; stats: QuestionStats };

const add = (into: NpsCounts, n: number, promoters: number, detractors: number) => {
  into.n += n;
  into.promoters += promoters;
  into.detractors += detractors;
};
const counts = (): NpsCounts => ({ n: 0, promoters: 0, detractors: 0 });

/** Rows by product (ALL_PRODUCTS first), then rank, then topic for rows without figures. Topics that no NPS
 *  respondent of the product names negatively have no row. */
export function driverRows(topics: readonly TopicEntry[], respondents: readonly Respondents[], nameOf: (topic: string) => string, minN: number): DriverRow[] {
  const totals = new Map<string, NpsCounts>([[ALL_PRODUCTS, counts()]]);
  for (const { key, stats } of respondents) {
    for (const product of [key.product, ALL_PRODUCTS]) {
      let t = totals.get(product);
      if (t === undefined) totals.set(product, (t = counts()));
      add(t, stats.textNpsN, stats.textPromoters, stats.textDetractors);
    }
  }
  const mentioned = new Map<string, Map<string, NpsCounts>>();
  for (const { key, stats } of topics) {
    if (stats.negativeNpsN === 0) continue;
    for (const product of [key.product, ALL_PRODUCTS]) {
      let byTopic = mentioned.get(product);
      if (byTopic === undefined) mentioned.set(product, (byTopic = new Map()));
      let c = byTopic.get(key.topic);
      if (c === undefined) byTopic.set(key.topic, (c = counts()));
      add(c, stats.negativeNpsN, stats.negativePromoters, stats.negativeDetractors);
    }
  }
  const products = [...mentioned.keys()].sort((a, b) => (a === ALL_PRODUCTS ? -1 : b === ALL_PRODUCTS ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const rows: DriverRow[] = [];
  for (const product of products) {
    const total = totals.get(product)!;
    const productRows = [...mentioned.get(product)!].map(([topic, a]) => driverRow(product, topic, nameOf(topic), a, total, minN));
    productRows.sort((x, y) => sureCost(x) - sureCost(y) || (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : 0));
    let rank = 0;
    for (const row of productRows) if (row.difference !== undefined) row.rank = ++rank;
    rows.push(...productRows);
  }
  return rows;
}

/** The end of the difference's interval nearest zero: what the complaint costs at least. Rows without figures last. */
const sureCost = (r: DriverRow): number => (r.difference === undefined ? Infinity : r.difference + r.margin!);

function driverRow(product: string, topic: string, topicName: string, a: NpsCounts, total: NpsCounts, minN: number): DriverRow {
  const b = { n: total.n - a.n, promoters: total.promoters - a.promoters, detractors: total.detractors - a.detractors };
  const row: DriverRow = {
    product, topic, topicName, rank: undefined, respondents: total.n, mentionedNegatively: a.n,
    npsMentioned: undefined, npsOthers: undefined, difference: undefined, margin: undefined, note: undefined,
  };
  if (a.n < minN || b.n < minN) return { ...row, note: belowMinN(minN) };
  const d = npsDifference(a, b)!;
  return {
    ...row,
    npsMentioned: npsFigure(a.promoters, a.detractors, a.n, minN).nps,
    npsOthers: npsFigure(b.promoters, b.detractors, b.n, minN).nps,
    difference: d.difference,
    margin: d.margin,
  };
}
