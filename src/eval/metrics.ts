// Agreement between predicted sentiment and human labels: correlation over the scores, and classification
// figures over the three labels. Pure functions over arrays, so they are easy to check by hand.
import type { Label } from '../types.js';

export const CLASSES: readonly Label[] = ['negative', 'neutral', 'positive'];

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) [mx, my] = [mx + xs[i]!, my + ys[i]!];
  [mx, my] = [mx / n, my / n];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [xs[i]! - mx, ys[i]! - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks from 1, ties given the mean of the ranks they span. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = rank;
    i = j + 1;
  }
  return out;
}

/** Spearman's ρ: Pearson's r over the ranks (ties averaged). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

export type Confusion = Record<Label, Record<Label, number>>;

export type ClassFigures = {
  n: number;
  accuracy: number;
  macroF1: number;
  recall: Record<Label, number>;
  precision: Record<Label, number>;
  /** confusion[gold][predicted] */
  confusion: Confusion;
};

export function classFigures(gold: readonly Label[], predicted: readonly Label[]): ClassFigures {
  const confusion = Object.fromEntries(CLASSES.map((g) => [g, Object.fromEntries(CLASSES.map((p) => [p, 0]))])) as Confusion;
  for (let i = 0; i < gold.length; i++) confusion[gold[i]!][predicted[i]!]++;
  const recall = {} as Record<Label, number>;
  const precision = {} as Record<Label, number>;
  let f1Sum = 0;
  let correct = 0;
  for (const c of CLASSES) {
    const tp = confusion[c][c];
    correct += tp;
    const goldN = CLASSES.reduce((s, p) => s + confusion[c][p], 0);
    const predN = CLASSES.reduce((s, g) => s + confusion[g][c], 0);
    recall[c] = goldN ? tp / goldN : NaN;
    precision[c] = predN ? tp / predN : NaN;
    const p = predN ? tp / predN : 0;
    const r = goldN ? tp / goldN : 0;
    f1Sum += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return { n: gold.length, accuracy: gold.length ? correct / gold.length : NaN, macroF1: f1Sum / CLASSES.length, recall, precision, confusion };
}

/** Accuracy on the items humans call positive or negative: is the predicted score's sign right? 0 counts as wrong. */
export function binaryAccuracy(gold: readonly Label[], scores: readonly number[]): { n: number; accuracy: number } {
  let n = 0;
  let right = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] === 'neutral') continue;
    n++;
    if ((gold[i] === 'positive' && scores[i]! > 0) || (gold[i] === 'negative' && scores[i]! < 0)) right++;
  }
  return { n, accuracy: n ? right / n : NaN };
}

/** Area under the ROC curve of the scores for telling the items humans call positive from those they call
 *  negative (neutral items left out): the chance that a random positive item scores above a random negative one,
 *  ties counting half. Rank-based (Mann–Whitney U), so any monotone rescaling of the scores gives the same AUC. */
export function auc(gold: readonly Label[], scores: readonly number[]): { n: number; auc: number } {
  const polar: { score: number; positive: boolean }[] = [];
  for (let i = 0; i < gold.length; i++) if (gold[i] !== 'neutral') polar.push({ score: scores[i]!, positive: gold[i] === 'positive' });
  const positives = polar.filter((p) => p.positive).length;
  const negatives = polar.length - positives;
  if (positives === 0 || negatives === 0) return { n: polar.length, auc: NaN };
  const r = ranks(polar.map((p) => p.score));
  let rankSum = 0;
  for (let i = 0; i < polar.length; i++) if (polar[i]!.positive) rankSum += r[i]!;
  return { n: polar.length, auc: (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) };
}
