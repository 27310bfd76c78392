// The column order of every CSV report: fixed, so that a spreadsheet built on it keeps working.
import { dirname, relative, sep } from 'node:path';
import type { Config } from '../config/schema.js';
import { periodKey } from '../aggregate/period.js';
import type { Reject, ScoredReview } from '../types.js';
import type { TrendRow } from '../aggregate/trend.js';
import type { Column } from './csv-writer.js';
import { explain } from '../analyze/sentiment.js';

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
  { name: 'lexicon', kind: 'text', get: (r) => r.lexicon, repeats: true },
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
