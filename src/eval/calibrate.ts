// Fits a language's calibration (lexicons/<lang>/manifest.json "calibration") to human labels: the negativity
// weight and the neutral band that make tilfreds' labels agree best with the humans', by 3-class macro-F1. Every
// input counts the same (the mean of their macro-F1s), so that a large dump of five-star reviews does not decide
// the band alone. A plain grid: the scores only change with the negativity weight, so each weight is scored once
// and every band is read off the same scores.
import type { Calibration } from '../analyze/lexicon-pack.js';
import type { Label } from '../types.js';
import { classFigures } from './metrics.js';

export type LabelledScore = { score: number; gold: Label; input: string };

export const NEGATIVITY_GRID = [1, 1.25, 1.5, 1.75, 2] as const;
/** Band edges tried: 0.05 to 0.6 in steps of 0.05 on each side of 0. */
const EDGES = Array.from({ length: 12 }, (_, i) => Math.round((i + 1) * 5) / 100);

export type BandFit = { positiveFrom: number; negativeTo: number; macroF1: number };

/** Mean over inputs of the macro-F1 the band gives. */
export function meanMacroF1(rows: readonly LabelledScore[], positiveFrom: number, negativeTo: number): number {
  const byInput = new Map<string, { gold: Label[]; predicted: Label[] }>();
  for (const r of rows) {
    let g = byInput.get(r.input);
    if (!g) byInput.set(r.input, (g = { gold: [], predicted: [] }));
    g.gold.push(r.gold);
    g.predicted.push(r.score >= positiveFrom ? 'positive' : r.score <= negativeTo ? 'negative' : 'neutral');
  }
  let sum = 0;
  for (const g of byInput.values()) sum += classFigures(g.gold, g.predicted).macroF1;
  return byInput.size ? sum / byInput.size : NaN;
}

/** The band with the best mean macro-F1 (the narrower band on a tie). */
export function fitBand(rows: readonly LabelledScore[]): BandFit {
  let best: BandFit = { positiveFrom: EDGES[0]!, negativeTo: -EDGES[0]!, macroF1: -Infinity };
  for (const hi of EDGES) {
    for (const lo of EDGES) {
      const macroF1 = meanMacroF1(rows, hi, -lo);
      if (macroF1 > best.macroF1 + 1e-9) best = { positiveFrom: hi, negativeTo: -lo, macroF1 };
    }
  }
  return best;
}

/** The best calibration over the negativity grid, given the rows scored with each weight. */
export function fitCalibration(scoredWith: ReadonlyMap<number, readonly LabelledScore[]>): Calibration & { macroF1: number } {
  let best: Calibration & { macroF1: number } = { negativity: 1, positiveFrom: 0.05, negativeTo: -0.05, macroF1: -Infinity };
  for (const [negativity, rows] of scoredWith) {
    const band = fitBand(rows);
    if (band.macroF1 > best.macroF1 + 1e-9) best = { negativity, ...band };
  }
  return best;
}
