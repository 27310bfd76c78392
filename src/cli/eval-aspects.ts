// `tilfreds eval --aspects FILE [--taxonomy NAME|FILE.json] [--category-map FILE.json] [--json]`: topic detection
// and topic polarity against human aspect labels, beside the keyword-plus-sentence-score baseline.
import { resolve } from 'node:path';
import { SHIPPED_TAXONOMIES, taxonomyFile } from '../analyze/topics.js';
import { TilfredsError } from '../errors.js';
import { evaluateAspects, fileMapping, readAspectFile, restaurantMapping, type AspectFigures, type AspectReport } from '../eval/aspects.js';
import { textTable } from './text-table.js';

export type AspectEvalOptions = { aspects: string; taxonomy?: string; categoryMap?: string; json?: boolean };

export function aspectsEval(options: AspectEvalOptions): string {
  const file = resolve(options.aspects);
  const { sentences, scheme } = readAspectFile(file);
  const mapping = options.categoryMap !== undefined ? fileMapping(resolve(options.categoryMap)) : restaurantMapping(scheme);
  // Restaurant data is read with the restaurant taxonomy unless told otherwise.
  const name = options.taxonomy ?? (options.categoryMap === undefined ? 'restaurants' : 'default');
  const taxonomy = taxonomyFile(name, process.cwd());
  if (taxonomy == null) throw new TilfredsError('usage', `--taxonomy: expected ${Object.keys(SHIPPED_TAXONOMIES).join(', ')} or a path ending in .json, found "${name}"`);
  const report = evaluateAspects(file, sentences, mapping, { taxonomy, terms: {}, names: {} });
  return options.json ? JSON.stringify(report, null, 2) + '\n' : formatAspectReport(report);
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export function formatAspectReport(r: AspectReport): string {
  const row = (name: string, f: AspectFigures) => [
    name, f3(f.precision), f3(f.recall), f3(f.f1), `${f3(f.polarity.accuracy)} (n ${f.polarity.n})`, `${f3(f.polarityGiven.accuracy)} (n ${f.polarityGiven.n})`,
  ];
  const lines = [
    `${r.file}: ${r.sentences} sentences, ${r.tilfreds.gold} labelled sentence × topic pairs (${r.scheme}); taxonomy ${r.taxonomy}`,
    '',
    textTable([
      ['scorer', 'precision', 'recall', 'F1', 'polarity (found)', 'polarity (given)'],
      row('tilfreds', r.tilfreds),
      row('keywords + sentence AFINN', r.baseline),
    ]).trimEnd(),
    '',
    textTable([['topic', 'labelled', 'found', 'F1', 'polarity (found)'], ...r.perTopic.map((t) => [t.topic, String(t.gold), String(t.predicted), f3(t.f1), f3(t.polarity)])]).trimEnd(),
    '',
    'Detection is the same for both (the taxonomy\'s terms); the baseline gives every topic the sign of the sentence\'s plain AFINN sum.',
    `polarity (found): on topics found and labelled; (given): every labelled topic, one not found taking the sentence's label. ${r.conflict} conflict labels left out.`,
  ];
  return lines.join('\n') + '\n';
}
