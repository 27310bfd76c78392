// `tilfreds eval --config F`: scores labelled records and says how well the scores agree with the humans.
// The human label is a record's rating (stars or a human score on a declared scale), normalised to 0–1; it can
// come from another column with --label and --label-scale. Figures per language and overall.
import type { ScoreSpec } from '../config/schema.js';
import { loadLexiconPack, type LexiconPack } from '../analyze/lexicon-pack.js';
import { userLexiconPack, type UserLexiconSpec } from '../analyze/user-lexicon.js';
import { TilfredsError, EXIT } from '../errors.js';
import { formatDetection } from '../eval/detection.js';
import { evaluate, SCORERS, type EvalReport, type ScorerName } from '../eval/evaluate.js';
import type { Lang } from '../types.js';
import { aspectsEval } from './eval-aspects.js';
import { calibrate, formatCalibration } from './eval-calibrate.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';
import { textTable } from './text-table.js';

export type EvalOptions = CliOptions & {
  /** Print how the language detector does against the declared language. */
  detect?: boolean;
  input?: string;
  label?: string;
  labelScale?: string;
  neutral?: string;
  scorer?: string;
  /** For `--scorer lexicon`: lexicon files, each `FILE` or `FILE:POLARITY` (word lists); and whether to add the
   *  record language's negation, intensifier and contrast rules to the plain sum. */
  lexicon?: string[];
  lexiconRules?: boolean;
  calibrate?: boolean;
  json?: boolean;
  /** `--aspects FILE`: evaluate topics against aspect labels instead (no config needed). */
  aspects?: string;
  taxonomy?: string;
  categoryMap?: string;
};

/** `--label-scale classes`: labels written as words. */
const CLASS_LABELS = new Map([
  ['negative', 0], ['neg', 0],
  ['neutral', 1], ['neu', 1],
  ['positive', 2], ['pos', 2],
]);

function pair(value: string | undefined, what: string, fallback: [number, number]): [number, number] {
  if (value === undefined) return fallback;
  const parts = value.split(',').map(Number);
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) throw new TilfredsError('usage', `${what}: expected two numbers like 1,5, found "${value}"`);
  return [parts[0]!, parts[1]!];
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export function formatReport(report: EvalReport): string {
  const head = ['language', 'n', 'pearson', 'spearman', 'acc3', 'macroF1', 'binary acc', 'AUC', 'recall neg', 'recall neu', 'recall pos'];
  const table = [head, ...[...report.byLanguage, report.all].map((f) => [
    f.language, String(f.n), f3(f.pearson), f3(f.spearman), f3(f.classes.accuracy), f3(f.classes.macroF1),
    `${f3(f.binary.accuracy)} (n ${f.binary.n})`, f3(f.auc), f3(f.classes.recall.negative), f3(f.classes.recall.neutral), f3(f.classes.recall.positive),
  ])];
  const lines = [textTable(table).trimEnd(), '', 'confusion (all; rows: human, columns: tilfreds)', '            negative   neutral  positive'];
  for (const g of ['negative', 'neutral', 'positive'] as const) {
    const row = report.all.classes.confusion[g];
    lines.push(`${g.padEnd(10)}${String(row.negative).padStart(10)}${String(row.neutral).padStart(10)}${String(row.positive).padStart(10)}`);
  }
  lines.push('', `scorer: ${report.scorer}${report.lexicons ? ` (${report.lexicons.join('; ')})` : ''}; texts/s (scoring, one thread): ${report.textsPerSecond}`);
  const s = report.skipped;
  lines.push(`skipped: ${s.noLabel} without a label, ${s.noText} without text to score (or no lexicon), ${s.rejected} rejected, ${s.duplicate} duplicates`);
  return lines.join('\n') + '\n';
}

export async function evalCommand(options: EvalOptions): Promise<number> {
  if (options.aspects !== undefined) {
    process.stdout.write(aspectsEval({ aspects: options.aspects, taxonomy: options.taxonomy, categoryMap: options.categoryMap, json: options.json }));
    return EXIT.ok;
  }
  if (options.taxonomy !== undefined || options.categoryMap !== undefined) throw new TilfredsError('usage', '--taxonomy and --category-map go with --aspects FILE');
  const config = configFromOptions(options);
  let inputs = config.inputs;
  if (options.input !== undefined) {
    inputs = inputs.filter((i) => i.name === options.input);
    if (!inputs.length) throw new TilfredsError('usage', `--input: no input named "${options.input}" (inputs: ${config.inputs.map((i) => i.name).join(', ')})`);
  }
  if (options.labelScale !== undefined && options.label === undefined) {
    throw new TilfredsError('usage', '--label-scale goes with --label COLUMN (without --label the rating mapping of the config is the label)');
  }
  if (options.label !== undefined) {
    // The label column stands in for the rating, on its own scale, or as class words (`negative`/`neg`, …).
    const spec: ScoreSpec =
      options.labelScale === 'classes'
        ? { column: options.label, scale: [0, 2], missing: [], values: CLASS_LABELS }
        : { column: options.label, scale: pair(options.labelScale, '--label-scale', [1, 5]), missing: [] };
    inputs = inputs.map((i) => ({ ...i, rating: spec }));
  }
  const scorer = options.scorer ?? 'tilfreds';
  if (!(SCORERS as readonly string[]).includes(scorer)) throw new TilfredsError('usage', `--scorer: expected one of ${SCORERS.join(', ')}, found "${scorer}"`);
  if ((scorer === 'lexicon') !== Boolean(options.lexicon?.length)) {
    throw new TilfredsError('usage', '--scorer lexicon goes with one or more --lexicon FILE[:POLARITY] (a public lexicon to compare against)');
  }
  const band = pair(options.neutral, '--neutral', [0.4, 0.6]);
  if (options.calibrate) {
    if (scorer !== 'tilfreds') throw new TilfredsError('usage', '--calibrate fits tilfreds\' own calibration: leave out --scorer');
    const fits = await calibrate(inputs, band);
    process.stdout.write(options.json ? JSON.stringify(fits, null, 2) + '\n' : formatCalibration(fits));
    return EXIT.ok;
  }
  const packFor = scorer === 'lexicon' ? userPacks(options.lexicon!, options.lexiconRules === true) : undefined;
  const { rows: _rows, ...report } = await evaluate(inputs, band, scorer === 'lexicon' ? 'tilfreds' : (scorer as ScorerName), packFor, config.lexicons);
  if (packFor) {
    report.scorer = 'lexicon';
    report.lexicons = report.byLanguage.map((f) => `${f.language}: ${packFor(f.language as Lang)!.name}@${packFor(f.language as Lang)!.version}`);
  }
  let text = formatReport(report);
  if (options.detect) {
    text += report.detection ? `\nlanguage detection against the language the config declares\n${formatDetection(report.detection)}` : '\nlanguage detection: no record has a declared language (config "language" constant or column)\n';
  }
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : text);
  return EXIT.ok;
}

/** `--scorer lexicon`: one pack per language from the user's files (a plain sum, or with our rules for that
 *  language), so that a public lexicon is measured through the same records and metrics as ours. */
function userPacks(files: readonly string[], withRules: boolean): (lang: Lang) => LexiconPack | undefined {
  const specs: UserLexiconSpec[] = files.map((arg) => {
    const m = /^(.*):([+-]?\d+(?:\.\d+)?)$/.exec(arg);
    return m ? { file: m[1]!, polarity: Number(m[2]) } : { file: arg };
  });
  const packs = new Map<Lang, LexiconPack>();
  return (lang) => {
    let pack = packs.get(lang);
    if (pack === undefined) packs.set(lang, (pack = userLexiconPack(lang, specs, withRules ? { rules: loadLexiconPack(lang) } : {})));
    return pack;
  };
}
