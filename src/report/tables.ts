// The column order of every CSV report: fixed, so that a spreadsheet built on it keeps working.
import { dirname, relative, sep } from 'node:path';
import type { Config } from '../config/schema.js';
import { periodKey } from '../aggregate/period.js';
import type { Reject, ScoredReview, TopicSentiment } from '../types.js';
import type { TrendRow } from '../aggregate/trend.js';
import type { PainPointRow } from '../aggregate/pain-points.js';
import type { EmergingAlert } from '../aggregate/emerging.js';
import type { Column } from './csv-writer.js';
import { explain } from '../analyze/sentiment.js';
import { flagsCell, type DisagreementFlag } from '../analyze/disagreement.js';

/** Raw values in rejects are cut: enough to find and fix the row. */
export const MAX_RAW_CELL = 200;

export function truncate(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Where a file is named in a report: relative to the config file's folder, as the config names it. */
export function displayPath(config: Pick<Config, 'file'>, file: string): string {
  return relative(dirname(config.file), file).split(sep).join('/');
}

/** displayPath, worked out once per file: it is asked for on every row. */
function displayPaths(config: Pick<Config, 'file'>): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let shown = known.get(file);
    if (shown === undefined) known.set(file, (shown = displayPath(config, file)));
    return shown;
  };
}


export const scoredColumns = (config: Pick<Config, 'file' | 'output'>, shown = displayPaths(config)): readonly Column<ScoredReview>[] => [
  { name: 'id', kind: 'text', get: (r) => r.id },
  { name: 'source', kind: 'text', get: (r) => r.ref.input, repeats: true },
  { name: 'file', kind: 'text', get: (r) => shown(r.ref.file), repeats: true },
  { name: 'line', kind: 'int', get: (r) => r.ref.line },
  { name: 'product', kind: 'text', get: (r) => r.product, repeats: true },
  { name: 'date', kind: 'text', get: (r) => r.date, repeats: true },
  { name: 'period', kind: 'text', get: (r) => periodKey(r.date, config.output.period), repeats: true },
  { name: 'language', kind: 'text', get: (r) => r.language, repeats: true },
  { name: 'rating', kind: 'num', decimals: 1, get: (r) => r.rating?.raw },
  { name: 'rating_norm', kind: 'num', decimals: 3, get: (r) => r.rating?.norm },
  { name: 'nps', kind: 'int', get: (r) => r.nps },
  { name: 'csat', kind: 'num', decimals: 1, get: (r) => r.csat?.raw },
  { name: 'sentiment', kind: 'num', decimals: 3, get: (r) => r.sentiment?.score },
  { name: 'label', kind: 'text', get: (r) => r.sentiment?.label, repeats: true },
  { name: 'terms', kind: 'text', get: (r) => (r.sentiment ? explain(r.sentiment.terms) : undefined) },
  { name: 'topics', kind: 'text', get: (r) => (r.sentiment && r.sentiment.topics.length > 0 ? topicsCell(r.sentiment.topics) : undefined) },
  { name: 'pain_points', kind: 'text', get: (r) => (r.sentiment && r.sentiment.topics.length > 0 ? painCell(r.sentiment.topics) : undefined), repeats: true },
  { name: 'lexicon', kind: 'text', get: (r) => r.lexicon, repeats: true },
  { name: 'flags', kind: 'text', get: flagsCell, repeats: true },
];

export const TREND_COLUMNS: readonly Column<TrendRow>[] = [
  { name: 'product', kind: 'text', get: (r) => r.product },
  { name: 'period', kind: 'text', get: (r) => r.period },
  { name: 'reviews', kind: 'int', get: (r) => r.reviews },
  { name: 'rated', kind: 'int', get: (r) => r.ratingN },
  { name: 'mean_rating_1to5', kind: 'num', decimals: 2, get: (r) => r.meanRating },
  { name: 'scored_texts', kind: 'int', get: (r) => r.sentimentN },
  { name: 'mean_sentiment', kind: 'num', decimals: 3, get: (r) => r.meanSentiment },
  { name: 'pct_positive', kind: 'num', decimals: 1, get: (r) => r.pctPositive },
  { name: 'pct_neutral', kind: 'num', decimals: 1, get: (r) => r.pctNeutral },
  { name: 'pct_negative', kind: 'num', decimals: 1, get: (r) => r.pctNegative },
  { name: 'nps_n', kind: 'int', get: (r) => r.npsN },
  { name: 'nps', kind: 'num', decimals: 1, get: (r) => r.nps },
  { name: 'nps_margin_95', kind: 'num', decimals: 1, get: (r) => r.npsMargin },
  { name: 'csat_n', kind: 'int', get: (r) => r.csatN },
  { name: 'csat_pct', kind: 'num', decimals: 1, get: (r) => r.csatPct },
  { name: 'prev_period', kind: 'text', get: (r) => r.prevPeriod },
  { name: 'change_rating', kind: 'num', decimals: 2, get: (r) => r.changeRating },
  { name: 'change_sentiment', kind: 'num', decimals: 3, get: (r) => r.changeSentiment },
  { name: 'change_nps', kind: 'num', decimals: 1, get: (r) => r.changeNps },
  { name: 'change_csat_pct', kind: 'num', decimals: 1, get: (r) => r.changeCsat },
  { name: 'top_pain_points', kind: 'text', get: (r) => r.topPainPoints },
  { name: 'promoters', kind: 'int', get: (r) => r.promoters },
  { name: 'passives', kind: 'int', get: (r) => r.passives },
  { name: 'detractors', kind: 'int', get: (r) => r.detractors },
  { name: 'nps_note', kind: 'text', get: (r) => r.npsNote },
  { name: 'csat_low_95', kind: 'num', decimals: 1, get: (r) => r.csatLow },
  { name: 'csat_high_95', kind: 'num', decimals: 1, get: (r) => r.csatHigh },
  { name: 'csat_note', kind: 'text', get: (r) => r.csatNote },
];

/** `delivery:+0.25 quality:-0.87`: each topic the text names with its own sentiment. */
function topicsCell(topics: readonly TopicSentiment[]): string {
  let out = '';
  for (const t of topics) out += (out ? ' ' : '') + t.topic + ':' + signedScore(t.score);
  return out;
}

/** The topics the text names negatively, space-separated (a filter's `contains`). */
function painCell(topics: readonly TopicSentiment[]): string | undefined {
  let out = '';
  for (const t of topics) if (t.label === 'negative') out += (out ? ' ' : '') + t.topic;
  return out || undefined;
}

/** `+0.25`, `0.00`, `-0.87` for a score in [-1, 1]: from tables of the 201 cells (the scores are continuous, so
 *  a memo keyed by them missed nearly every time). */
const signedScore = (x: number): string => {
  const hundredths = Math.round(Math.abs(x) * 100);
  return x > 0 ? POSITIVE_CELLS[hundredths]! : x < 0 ? NEGATIVE_CELLS[hundredths]! : '0.00';
};
const POSITIVE_CELLS = Array.from({ length: 101 }, (_, k) => '+' + (k / 100).toFixed(2));
const NEGATIVE_CELLS = Array.from({ length: 101 }, (_, k) => '-' + (k / 100).toFixed(2));

export const PAIN_POINT_COLUMNS: readonly Column<PainPointRow>[] = [
  { name: 'product', kind: 'text', get: (r) => r.product, repeats: true },
  { name: 'period', kind: 'text', get: (r) => r.period, repeats: true },
  { name: 'rank', kind: 'int', get: (r) => r.rank },
  { name: 'topic', kind: 'text', get: (r) => r.topic },
  { name: 'topic_name', kind: 'text', get: (r) => r.topicName },
  { name: 'reviews', kind: 'int', get: (r) => r.reviews },
  { name: 'mentions', kind: 'int', get: (r) => r.mentions },
  { name: 'pct_of_reviews', kind: 'num', decimals: 1, get: (r) => r.sharePct },
  { name: 'negative', kind: 'int', get: (r) => r.negative },
  { name: 'pct_negative', kind: 'num', decimals: 1, get: (r) => r.negativeSharePct },
  { name: 'positive', kind: 'int', get: (r) => r.positive },
  { name: 'mean_sentiment', kind: 'num', decimals: 3, get: (r) => r.meanSentiment },
  { name: 'pct_negative_all_products', kind: 'num', decimals: 1, get: (r) => r.catalogueNegativeSharePct },
  { name: 'excess_negative_sd', kind: 'num', decimals: 2, get: (r) => r.excess },
  { name: 'prev_period', kind: 'text', get: (r) => r.prevPeriod, repeats: true },
  { name: 'change_pct_of_reviews', kind: 'num', decimals: 1, get: (r) => r.changeSharePct },
  { name: 'change_pct_negative', kind: 'num', decimals: 1, get: (r) => r.changeNegativeSharePct },
  { name: 'change_mean_sentiment', kind: 'num', decimals: 3, get: (r) => r.changeMeanSentiment },
  { name: 'example_review_id', kind: 'text', get: (r) => r.exampleId },
];

/** An emerging pain point (emerging.ts). */
export type EmergingAlertRow = EmergingAlert & { kind: 'emerging_pain_point'; topicName: string; exampleId: string | undefined };

/** A record whose text and score disagree (disagreement.ts), to follow up: `example_review_id` is the record. */
export type DisagreementAlertRow = {
  kind: DisagreementFlag;
  product: string;
  period: string;
  /** The first topic a complaint names negatively. */
  topic: string | undefined;
  topicName: string | undefined;
  exampleId: string;
  /** `nps 10`, `csat 1` */
  score: string;
  sentiment: number;
  /** How many records of the product had this flag (the list holds the strongest few). */
  flaggedInProduct: number;
};

/** An alert: `emerging_pain_point`, or one of the disagreement flags. */
export type AlertRow = EmergingAlertRow | DisagreementAlertRow;

/** A column that only emerging pain points fill. */
const emerging = <T>(get: (r: EmergingAlertRow) => T) => (r: AlertRow): T | undefined => (r.kind === 'emerging_pain_point' ? get(r) : undefined);
const disagreement = <T>(get: (r: DisagreementAlertRow) => T) => (r: AlertRow): T | undefined => (r.kind === 'emerging_pain_point' ? undefined : get(r));

export const ALERT_COLUMNS: readonly Column<AlertRow>[] = [
  { name: 'alert', kind: 'text', get: (r) => r.kind },
  { name: 'product', kind: 'text', get: (r) => r.product },
  { name: 'period', kind: 'text', get: (r) => r.period },
  { name: 'topic', kind: 'text', get: (r) => r.topic },
  { name: 'topic_name', kind: 'text', get: (r) => r.topicName },
  { name: 'negative', kind: 'int', get: emerging((r) => r.negative) },
  { name: 'reviews', kind: 'int', get: emerging((r) => r.reviews) },
  { name: 'negative_per_100_reviews', kind: 'num', decimals: 2, get: emerging((r) => 100 * r.rate) },
  { name: 'baseline_from', kind: 'text', get: emerging((r) => r.baselineFrom) },
  { name: 'baseline_to', kind: 'text', get: emerging((r) => r.baselineTo) },
  { name: 'baseline_negative', kind: 'int', get: emerging((r) => r.baselineNegative) },
  { name: 'baseline_reviews', kind: 'int', get: emerging((r) => r.baselineReviews) },
  { name: 'baseline_per_100_reviews', kind: 'num', decimals: 2, get: emerging((r) => 100 * r.baselineRate) },
  { name: 'ratio', kind: 'num', decimals: 2, get: emerging((r) => (Number.isFinite(r.ratio) ? r.ratio : undefined)) },
  { name: 'p_value', kind: 'text', get: emerging((r) => r.pValue.toExponential(2)) },
  { name: 'example_review_id', kind: 'text', get: (r) => r.exampleId },
  { name: 'score', kind: 'text', get: disagreement((r) => r.score) },
  { name: 'sentiment', kind: 'num', decimals: 3, get: disagreement((r) => r.sentiment) },
  { name: 'flagged_in_product', kind: 'int', get: disagreement((r) => r.flaggedInProduct) },
];

export const rejectColumns = (config: Pick<Config, 'file'>, shown = displayPaths(config)): readonly Column<Reject>[] => [
  { name: 'source', kind: 'text', get: (r) => r.ref.input },
  { name: 'file', kind: 'text', get: (r) => shown(r.ref.file) },
  { name: 'line', kind: 'int', get: (r) => r.ref.line },
  { name: 'code', kind: 'text', get: (r) => r.code },
  { name: 'field', kind: 'text', get: (r) => r.field },
  { name: 'reason', kind: 'text', get: (r) => r.reason },
  { name: 'raw_value', kind: 'text', get: (r) => (r.actual === undefined ? undefined : truncate(r.actual, MAX_RAW_CELL)) },
];
