import { describe, expect, it } from 'vitest';
import { bandFigures, fitBand, fitCalibration, type LabelledScore } from '../../src/eval/calibrate.js';

const meanMacroF1 = (rows: LabelledScore[], hi: number, lo: number) => bandFigures(rows, hi, lo).macroF1;
import type { Label } from '../../src/types.js';

const rows = (input: string, items: [number, Label][]): LabelledScore[] => items.map(([score, gold]) => ({ score, gold, input }));

describe('calibration fit', () => {
  // Negative below -0.2, neutral up to 0.3, positive above: the band [-0.2, 0.35] separates them exactly.
  const clean = rows('a', [[-0.8, 'negative'], [-0.3, 'negative'], [-0.1, 'neutral'], [0.1, 'neutral'], [0.25, 'neutral'], [0.4, 'positive'], [0.9, 'positive']]);

  it('scores a band by macro-F1, averaged over inputs', () => {
    expect(meanMacroF1(clean, 0.35, -0.2)).toBe(1);
    expect(meanMacroF1(clean, 0.05, -0.05)).toBeLessThan(1);
    // A second input that the band gets all wrong halves the mean, whatever its size.
    const wrong = rows('b', [[0.9, 'negative'], [0.9, 'negative']]);
    expect(meanMacroF1([...clean, ...wrong], 0.35, -0.2)).toBeCloseTo(0.5, 12);
  });

  it('finds the band that separates the classes', () => {
    const fit = fitBand(clean);
    expect(fit.macroF1).toBe(1);
    expect(fit.positiveFrom).toBeGreaterThan(0.25);
    expect(fit.positiveFrom).toBeLessThanOrEqual(0.4);
    expect(fit.negativeTo).toBeLessThan(-0.1);
    expect(fit.negativeTo).toBeGreaterThanOrEqual(-0.3);
  });

  it('keeps the negative recall before it looks at macro-F1', () => {
    // Many neutrals just below 0 and one mild complaint: the widest band has the best macro-F1 but finds no complaint.
    const mild = rows('a', [[-0.1, 'negative'], [-0.12, 'neutral'], [-0.12, 'neutral'], [-0.12, 'neutral'], [0.5, 'positive'], [0.0, 'neutral']]);
    expect(fitBand(mild, 0).negativeRecall).toBe(0);
    const kept = fitBand(mild, 0.6);
    expect(kept.negativeRecall).toBe(1);
    expect(kept.negativeTo).toBeGreaterThanOrEqual(-0.1);
  });

  it('picks the negativity weight whose scores fit best', () => {
    const blurred = rows('a', [[-0.1, 'negative'], [-0.1, 'neutral'], [0.4, 'positive'], [0.1, 'neutral']]);
    const fit = fitCalibration(new Map([[1, blurred], [1.5, clean]]));
    expect(fit.negativity).toBe(1.5);
    expect(fit.macroF1).toBe(1);
  });
});
