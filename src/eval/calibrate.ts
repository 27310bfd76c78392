// Fits a language's calibration (lexicons/<lang>/manifest.json "calibration") to human labels: the negativity
// weight and the neutral band that make tilfreds' labels agree best with the humans', by 3-class macro-F1, among
// the settings that still find a given share of the complaints on every input (negative recall): for a tool whose job is pain
// points, a missed complaint costs more than a false alarm, and macro-F1 alone widens the band until the mild
// ones go neutral. Every input counts the same (means over inputs), so that a large dump of five-star reviews does
// not decide the band alone. A plain grid: the scores only change with the negativity weight, so each weight is
// scored once and every band is read off the same scores.
import type { Calibration } from '../analyze/lexicon-pack.js';
import type { Label } from '../types.js';
import { classFigures } from './metrics.js';

export type LabelledScore = { score: number; gold: Label; input: string };

export const NEGATIVITY_GRID = [1, 1.25, 1.5, 1.75, 2] as const;
/** Band edges tried: 0.05 to 0.6 in steps of 0.05 on each side of 0. */
const EDGES = Array.from({ length: 12 }, (_, i) => Math.round((i + 1) * 5) / 100);

export type BandFit = { positiveFrom: number; negativeTo: number; macroF1: number; negativeRecall: number };

/** The negative recall a fit must keep on every input, unless no setting reaches it (then the highest wins). */
export const MIN_NEGATIVE_RECALL = 0.55;

/** The mean over inputs of the macro-F1 the band gives, and the lowest negative recall of any input. */
export function bandFigures(rows: readonly LabelledScore[], positiveFrom: number, negativeTo: number): { macroF1: number; negativeRecall: number } {
  const byInput = new Map<string, { gold: Label[]; predicted: Label[] }>();
  for (const r of rows) {
    let g = byInput.get(r.input);
    if (!g) byInput.set(r.input, (g = { gold: [], predicted: [] }));
    g.gold.push(r.gold);
    g.predicted.push(r.score >= positiveFrom ? 'positive' : r.score <= negativeTo ? 'negative' : 'neutral');
  }
  let macroF1 = 0;
  let negativeRecall = Infinity;
  for (const g of byInput.values()) {
    const figures = classFigures(g.gold, g.predicted);
    macroF1 += figures.macroF1;
    if (!Number.isNaN(figures.recall.negative)) negativeRecall = Math.min(negativeRecall, figures.recall.negative);
  }
  return byInput.size ? { macroF1: macroF1 / byInput.size, negativeRecall } : { macroF1: NaN, negativeRecall: NaN };
}

/** Whether fit a beats fit b: keeping the negative recall first, then by macro-F1 (the earlier, narrower band on a tie). */
function better(a: BandFit, b: BandFit, minNegativeRecall: number): boolean {
  const aKeeps = a.negativeRecall >= minNegativeRecall;
  const bKeeps = b.negativeRecall >= minNegativeRecall;
  if (aKeeps !== bKeeps) return aKeeps;
  if (!aKeeps && Math.abs(a.negativeRecall - b.negativeRecall) > 1e-9) return a.negativeRecall > b.negativeRecall;
  return a.macroF1 > b.macroF1 + 1e-9;
}

const NONE: BandFit = { positiveFrom: 0.05, negativeTo: -0.05, macroF1: -Infinity, negativeRecall: -Infinity };

/** The band with the best mean macro-F1 among those keeping the negative recall (or the best of all, if none does). */
export function fitBand(rows: readonly LabelledScore[], minNegativeRecall = MIN_NEGATIVE_RECALL): BandFit {
  let best = NONE;
  for (const hi of EDGES) {
    for (const lo of EDGES) {
      const fit = { positiveFrom: hi, negativeTo: -lo, ...bandFigures(rows, hi, -lo) };
      if (better(fit, best, minNegativeRecall)) best = fit;
    }
  }
  return best;
}

/** The best calibration over the negativity grid, given the rows scored with each weight. */
export function fitCalibration(scoredWith: ReadonlyMap<number, readonly LabelledScore[]>, minNegativeRecall = MIN_NEGATIVE_RECALL): Calibration & BandFit {
  let best: Calibration & BandFit = { negativity: 1, ...NONE };
  for (const [negativity, rows] of scoredWith) {
    const band = fitBand(rows, minNegativeRecall);
    if (better(band, best, minNegativeRecall)) best = { negativity, ...band };
  }
  return best;
}
