// `tilfreds eval --calibrate`: fits each language's calibration (negativity weight and neutral band) to the
// labelled records, beside the pack's current one (the fit itself is src/eval/calibrate.ts).
import { loadLexiconPack, type Calibration } from '../analyze/lexicon-pack.js';
import type { InputConfig } from '../config/schema.js';
import { bandFigures, fitCalibration, MIN_NEGATIVE_RECALL, NEGATIVITY_GRID, type BandFit, type LabelledScore } from '../eval/calibrate.js';
import type { Lang } from '../types.js';
import { evaluate, goldClass, type Row } from '../eval/evaluate.js';
import { textTable } from './text-table.js';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export type CalibrationReport = {
  language: string;
  n: number;
  inputs: string[];
  /** The pack's calibration now, and the mean macro-F1 over inputs it gives. */
  current: Calibration & BandFit;
  fitted: Calibration & BandFit;
};

/** Scores the labelled records once per negativity weight and fits each language's band (eval/calibrate.ts). */
export async function calibrate(inputs: readonly InputConfig[], band: [number, number]): Promise<CalibrationReport[]> {
  const perWeight = new Map<number, Row[]>();
  let current: Row[] = [];
  for (const negativity of NEGATIVITY_GRID) {
    const packFor = (lang: Lang) => {
      const pack = loadLexiconPack(lang);
      return pack && { ...pack, calibration: { ...pack.calibration, negativity } };
    };
    perWeight.set(negativity, (await evaluate(inputs, band, 'tilfreds', packFor)).rows);
  }
  current = (await evaluate(inputs, band)).rows;
  const labelled = (rows: Row[], lang: string): LabelledScore[] =>
    rows.filter((r) => r.language === lang).map((r) => ({ score: r.score, gold: goldClass(r.norm, band), input: r.input }));
  const languages = [...new Set(current.map((r) => r.language))].sort();
  return languages.map((language) => {
    const now = loadLexiconPack(language as Lang)!.calibration;
    const rows = labelled(current, language);
    const fitted = fitCalibration(new Map([...perWeight].map(([w, r]) => [w, labelled(r, language)])));
    return {
      language,
      n: rows.length,
      inputs: [...new Set(rows.map((r) => r.input))],
      current: { ...now, ...bandFigures(rows, now.positiveFrom, now.negativeTo) },
      fitted,
    };
  });
}

export function formatCalibration(fits: readonly CalibrationReport[]): string {
  const c = (x: Calibration & BandFit) => [String(x.negativity), String(x.positiveFrom), String(x.negativeTo), f3(x.macroF1), f3(x.negativeRecall)];
  const table = [
    ['language', 'n', 'inputs', 'negativity', 'positiveFrom', 'negativeTo', 'macroF1', 'recall neg', '', 'now: negativity', 'positiveFrom', 'negativeTo', 'macroF1', 'recall neg'],
    ...fits.map((f) => [f.language, String(f.n), String(f.inputs.length), ...c(f.fitted), '', ...c(f.current)]),
  ];
  return (
    textTable(table).trimEnd() +
    `\n\nThe fit: the best mean macro-F1 over inputs among the settings whose negative recall is at least ${MIN_NEGATIVE_RECALL} on every\n` +
    'input (recall neg: the lowest of the inputs).\n' +
    'To use a fit, put it in lexicons/<language>/manifest.json as\n' +
    '"calibration": { "negativity": …, "positiveFrom": …, "negativeTo": … }\n'
  );
}
