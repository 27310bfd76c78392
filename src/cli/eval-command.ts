// `tilfreds eval --config F`: scores labelled records and says how well the scores agree with the humans.
// The human label is a record's rating (stars or a human score on a declared scale), normalised to 0–1; it can
// come from another column with --label and --label-scale. Figures per language and overall.
import type { Config, InputConfig, ScoreSpec } from '../config/schema.js';
import { packsFor } from '../analyze/config-packs.js';
import { createScorer, detectForScoring } from '../analyze/score-review.js';
import { TilfredsError, EXIT } from '../errors.js';
import { afinnBaseline } from '../eval/afinn-baseline.js';
import { detectionFigures, formatDetection, type DetectionFigures, type DetectionRow } from '../eval/detection.js';
import { bandFigures, fitCalibration, MIN_NEGATIVE_RECALL, NEGATIVITY_GRID, type BandFit, type LabelledScore } from '../eval/calibrate.js';
import { loadLexiconPack, type Calibration, type LexiconPack } from '../analyze/lexicon-pack.js';
import { userLexiconPack, type UserLexiconSpec } from '../analyze/user-lexicon.js';
import { auc, binaryAccuracy, classFigures, pearson, spearman, type ClassFigures } from '../eval/metrics.js';
import { WHOLE_FILE } from '../ingest/byte-range.js';
import { listFiles } from '../ingest/list-files.js';
import { SOURCES } from '../ingest/registry.js';
import { IdSet } from '../pipeline/id-set.js';
import type { Label, Lang } from '../types.js';
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
};

/** What `--scorer` may name: tilfreds' own scorer, or the plain `sentiment` package as the yardstick. */
export const SCORERS = ['tilfreds', 'afinn-baseline', 'lexicon'] as const;
export type ScorerName = (typeof SCORERS)[number];

/** `--label-scale classes`: labels written as words. */
const CLASS_LABELS = new Map([
  ['negative', 0], ['neg', 0],
  ['neutral', 1], ['neu', 1],
  ['positive', 2], ['pos', 2],
]);

export type EvalFigures = {
  language: string;
  n: number;
  pearson: number;
  spearman: number;
  classes: ClassFigures;
  binary: { n: number; accuracy: number };
  /** How well the score ranks the humans' positive items above their negative ones. */
  auc: number;
};

export type EvalReport = {
  all: EvalFigures;
  byLanguage: EvalFigures[];
  skipped: { noLabel: number; noText: number; rejected: number; duplicate: number };
  scorer: ScorerName;
  /** For `--scorer lexicon`: the packs' names and versions. */
  lexicons?: string[];
  /** The detector against the language the config declares (a constant or a column), on the records that have
   *  one: how often detection would err if the config said nothing. */
  detection?: DetectionFigures;
  textsPerSecond: number;
};

function pair(value: string | undefined, what: string, fallback: [number, number]): [number, number] {
  if (value === undefined) return fallback;
  const parts = value.split(',').map(Number);
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) throw new TilfredsError('usage', `${what}: expected two numbers like 1,5, found "${value}"`);
  return [parts[0]!, parts[1]!];
}

/** Human classes from the normalised label: below the neutral band negative, above it positive. */
const goldClass = (norm: number, [lo, hi]: [number, number]): Label => (norm < lo ? 'negative' : norm > hi ? 'positive' : 'neutral');

function figures(language: string, rows: { score: number; label: Label; norm: number }[], band: [number, number]): EvalFigures {
  const scores = rows.map((r) => r.score);
  const norms = rows.map((r) => r.norm);
  const gold = rows.map((r) => goldClass(r.norm, band));
  return {
    language,
    n: rows.length,
    pearson: pearson(scores, norms),
    spearman: spearman(scores, norms),
    classes: classFigures(gold, rows.map((r) => r.label)),
    binary: binaryAccuracy(gold, scores),
    auc: auc(gold, scores).auc,
  };
}

type Row = { score: number; label: Label; norm: number; language: string; input: string };

export async function evaluate(
  inputs: readonly InputConfig[],
  band: [number, number],
  scorer: ScorerName = 'tilfreds',
  packFor?: (lang: Lang) => LexiconPack | undefined,
  lexicons: Config['lexicons'] = {},
): Promise<EvalReport & { rows: Row[] }> {
  const score = createScorer(packFor ?? packsFor({ lexicons }));
  const baseline = scorer === 'afinn-baseline' ? afinnBaseline() : undefined;
  const rows: Row[] = [];
  const declared: DetectionRow[] = [];
  const skipped = { noLabel: 0, noText: 0, rejected: 0, duplicate: 0 };
  let scoringNs = 0;
  for (const input of inputs) {
    const source = SOURCES[input.format];
    const ids = new IdSet(); // a repeated record counts once, as in a run
    for (const file of listFiles(input)) {
      const head = await source.readHead(input, file);
      for await (const batch of source.read(input, file, head, WHOLE_FILE, { nextLine: undefined })) {
        for (const item of batch) {
          if (item.kind === 'reject') {
            skipped.rejected++;
            continue;
          }
          const review = item.review;
          if (!ids.add(review.id)) {
            skipped.duplicate++;
            continue;
          }
          if (review.language !== undefined && review.texts.length) declared.push({ text: review.texts.map((x) => x.text).join('\n'), language: review.language });
          if (!review.rating) {
            skipped.noLabel++;
            continue;
          }
          let sentiment: { score: number; label: Label } | undefined;
          let language: string;
          if (baseline === undefined) {
            const t = process.hrtime.bigint();
            const scored = score(review);
            scoringNs += Number(process.hrtime.bigint() - t);
            [sentiment, language] = [scored.sentiment, scored.language];
          } else {
            // The same records, texts and language as tilfreds sees them (only the baseline is timed); the
            // package scores English only.
            const scored = score(review);
            language = scored.language;
            const t = process.hrtime.bigint();
            sentiment = scored.sentiment && language === 'en' ? baseline(review.texts.map((x) => x.text).join('\n')) : undefined;
            scoringNs += Number(process.hrtime.bigint() - t);
          }
          if (!sentiment) {
            skipped.noText++;
            continue;
          }
          rows.push({ score: sentiment.score, label: sentiment.label, norm: review.rating.norm, language, input: input.name });
        }
      }
    }
  }
  const languages = [...new Set(rows.map((r) => r.language))].sort();
  return {
    all: figures('all', rows, band),
    byLanguage: languages.map((lang) => figures(lang, rows.filter((r) => r.language === lang), band)),
    rows,
    ...(declared.length ? { detection: detectionFigures(declared, detectForScoring) } : {}),
    skipped,
    scorer,
    textsPerSecond: scoringNs ? Math.round(rows.length / (scoringNs / 1e9)) : 0,
  };
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

export type CalibrationReport = {
  language: string;
  n: number;
  inputs: string[];
  /** The pack's calibration now, and the mean macro-F1 over inputs it gives. */
  current: Calibration & BandFit;
  fitted: Calibration & BandFit;
};

/** Scores the labelled records once per negativity weight and fits each language's band (eval/calibrate.ts). */
async function calibrate(inputs: readonly InputConfig[], band: [number, number]): Promise<CalibrationReport[]> {
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

function formatCalibration(fits: readonly CalibrationReport[]): string {
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
