// Scores labelled records and measures the scores against the human labels: the figures `tilfreds eval` prints
// (per language and overall), and the scored rows for `--calibrate`. The human label is a record's rating (stars,
// a human score or a class, normalised to 0–1); a repeated record counts once, as in a run.
import { packsFor } from '../analyze/config-packs.js';
import { NO_TOPICS } from '../analyze/topics.js';
import type { LexiconPack } from '../analyze/lexicon-pack.js';
import { createScorer, detectForScoring } from '../analyze/score-review.js';
import type { Config, InputConfig } from '../config/schema.js';
import { WHOLE_FILE } from '../ingest/byte-range.js';
import { listFiles } from '../ingest/list-files.js';
import { SOURCES } from '../ingest/registry.js';
import { IdSet } from '../pipeline/id-set.js';
import type { Label, Lang } from '../types.js';
import { afinnBaseline } from './afinn-baseline.js';
import { detectionFigures, type DetectionFigures, type DetectionRow } from './detection.js';
import { auc, binaryAccuracy, classFigures, pearson, spearman, type ClassFigures } from './metrics.js';

/** What `--scorer` may name: tilfreds' own scorer, the plain `sentiment` package as the yardstick, or a public
 *  lexicon given as user-supplied files (`lexicon`). */
export const SCORERS = ['tilfreds', 'afinn-baseline', 'lexicon'] as const;
export type ScorerName = (typeof SCORERS)[number];

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

/** Human classes from the normalised label: below the neutral band negative, above it positive. */
export const goldClass = (norm: number, [lo, hi]: [number, number]): Label => (norm < lo ? 'negative' : norm > hi ? 'positive' : 'neutral');

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

export type Row = { score: number; label: Label; norm: number; language: string; input: string };

export async function evaluate(
  inputs: readonly InputConfig[],
  band: [number, number],
  scorer: ScorerName = 'tilfreds',
  packFor?: (lang: Lang) => LexiconPack | undefined,
  lexicons: Config['lexicons'] = {},
): Promise<EvalReport & { rows: Row[] }> {
  const score = createScorer(packFor ?? packsFor({ lexicons, topics: NO_TOPICS }));
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

