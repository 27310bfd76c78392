import { describe, expect, it } from 'vitest';
import { binaryAccuracy, classFigures, pearson, ranks, spearman } from '../../src/eval/metrics.js';
import { auc } from '../../src/eval/metrics.js';
import type { Label } from '../../src/types.js';

describe('pearson and spearman', () => {
  it('pearson matches a hand computation', () => {
    // x = 1,2,3,4; y = 2,4,5,4: sxy = 3.5, sxx = 5, syy = 4.75 → r = 3.5 / sqrt(23.75)
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(3.5 / Math.sqrt(23.75), 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('ranks ties by the mean of the ranks they span', () => {
    expect(ranks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
  });

  it('spearman is 1 for any increasing relation and uses tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    // ranks x = 1,2,3,4; ranks y = 1.5,1.5,3,4 → pearson of those
    expect(spearman([1, 2, 3, 4], [5, 5, 6, 7])).toBeCloseTo(pearson([1, 2, 3, 4], [1.5, 1.5, 3, 4]), 12);
  });
});

describe('classFigures', () => {
  const gold: Label[] = ['negative', 'negative', 'neutral', 'positive', 'positive', 'positive'];
  const pred: Label[] = ['negative', 'positive', 'neutral', 'positive', 'neutral', 'positive'];

  it('counts the confusion matrix as confusion[gold][predicted]', () => {
    const f = classFigures(gold, pred);
    expect(f.confusion.negative).toEqual({ negative: 1, neutral: 0, positive: 1 });
    expect(f.confusion.positive).toEqual({ negative: 0, neutral: 1, positive: 2 });
    expect(f.accuracy).toBeCloseTo(4 / 6, 12);
  });

  it('macro-F1 is the mean of the per-class F1', () => {
    const f = classFigures(gold, pred);
    // negative: p 1/1, r 1/2 → 2/3; neutral: p 1/2, r 1/1 → 2/3; positive: p 2/3, r 2/3 → 2/3
    expect(f.macroF1).toBeCloseTo(2 / 3, 12);
    expect(f.recall).toEqual({ negative: 0.5, neutral: 1, positive: 2 / 3 });
  });
});

describe('binaryAccuracy', () => {
  it('counts only the polar items, and a zero score as wrong', () => {
    expect(binaryAccuracy(['positive', 'negative', 'neutral', 'positive'], [0.5, 0.1, -1, 0])).toEqual({ n: 3, accuracy: 1 / 3 });
  });
});

describe('auc', () => {
  it('is 1 when every positive outscores every negative, 0 when the reverse, 0.5 for ties; neutrals are left out', () => {
    expect(auc(['negative', 'neutral', 'positive'], [-1, 5, 1])).toEqual({ n: 2, auc: 1 });
    expect(auc(['negative', 'positive'], [1, -1]).auc).toBe(0);
    expect(auc(['negative', 'positive'], [0, 0]).auc).toBe(0.5);
  });

  it('counts the pairs in order (Mann–Whitney): 3 of 4 pairs right', () => {
    expect(auc(['positive', 'positive', 'negative', 'negative'], [0.9, 0.2, 0.5, 0.1]).auc).toBe(0.75);
  });

  it('is undefined (NaN) without both classes', () => {
    expect(auc(['positive', 'neutral'], [1, 0]).auc).toBeNaN();
  });
});
