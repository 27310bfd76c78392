// How well language detection agrees with known languages: accuracy, recall per language and a confusion matrix
// (gold × detected, with a column for texts the detector gave up on). Pure: rows in, figures out.
import { detectLanguage } from '../analyze/detect-language.js';
import { textTable } from '../cli/text-table.js';
import { LANGS, type Lang } from '../types.js';

/** The column of the confusion matrix for texts the detector gave no answer for. */
export const UNDETECTED = 'undetected';
export type Detected = Lang | typeof UNDETECTED;

export type DetectionRow = { text: string; language: Lang };

export type DetectionFigures = {
  n: number;
  /** Share of rows whose detected language is the gold one; an undetected row counts as wrong. NaN when n = 0. */
  accuracy: number;
  /** Per gold language: share of its rows detected as it (NaN for a language without rows). */
  recall: Record<Lang, number>;
  /** Per detected language: share of the rows detected as it that are in it (NaN when none was). */
  precision: Record<Lang, number>;
  /** Rows the detector gave no answer for. */
  undetected: number;
  /** confusion[gold][detected]: row counts, every language and `undetected` present (zeros too). */
  confusion: Record<Lang, Record<Detected, number>>;
};

/** Detection figures over labelled rows. `detect` is the detector under test (tilfreds' own by default), so that
 *  an older or another detector can be measured on the same rows. */
export function detectionFigures(
  rows: readonly DetectionRow[],
  detect: (text: string) => Lang | undefined = detectLanguage,
): DetectionFigures {
  const confusion = Object.fromEntries(
    LANGS.map((g) => [g, Object.fromEntries([...LANGS, UNDETECTED].map((d) => [d, 0]))]),
  ) as Record<Lang, Record<Detected, number>>;
  for (const row of rows) confusion[row.language][detect(row.text) ?? UNDETECTED]++;
  const recall = {} as Record<Lang, number>;
  const precision = {} as Record<Lang, number>;
  let correct = 0;
  let undetected = 0;
  for (const lang of LANGS) {
    const hit = confusion[lang][lang];
    correct += hit;
    undetected += confusion[lang][UNDETECTED];
    const gold = [...LANGS, UNDETECTED].reduce((s, d) => s + confusion[lang][d as Detected], 0);
    const detected = LANGS.reduce((s, g) => s + confusion[g][lang], 0);
    recall[lang] = gold ? hit / gold : NaN;
    precision[lang] = detected ? hit / detected : NaN;
  }
  return { n: rows.length, accuracy: rows.length ? correct / rows.length : NaN, recall, precision, undetected, confusion };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** A plain-text report: a headline, then the confusion matrix with rows for the gold languages that have rows
 *  (columns: every language, `undetected`, then the row's n and recall), then precision per detected language. */
export function formatDetection(figures: DetectionFigures): string {
  const { confusion } = figures;
  const columns: Detected[] = [...LANGS, UNDETECTED];
  const rowTotal = (g: Lang) => columns.reduce((s, d) => s + confusion[g][d], 0);
  const head = ['gold \\ detected', ...columns, 'n', 'recall'];
  const body = LANGS.filter((g) => rowTotal(g) > 0).map((g) => [g, ...columns.map((d) => String(confusion[g][d])), String(rowTotal(g)), f3(figures.recall[g])]);
  const precision = ['precision', ...LANGS.map((d) => f3(figures.precision[d])), '', '', ''];
  const undetectedShare = figures.n ? figures.undetected / figures.n : NaN;
  return (
    `language detection: n ${figures.n}, accuracy ${f3(figures.accuracy)}, undetected ${figures.undetected} (${f3(undetectedShare)})\n` +
    textTable([head, ...body, precision])
  );
}
