// `tilfreds eval --aspects FILE`: topics against human aspect labels, the SemEval way. Category detection
// (precision, recall, F1 over sentence × topic pairs) and polarity accuracy, for tilfreds and, in the same run, for
// the keyword-plus-sentence-score baseline (the same topic terms, each topic given the sentence's plain AFINN sign).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { packsFor } from '../analyze/config-packs.js';
import { scoreText } from '../analyze/sentiment.js';
import { loadTaxonomy, type TopicsSpec } from '../analyze/topics.js';
import { TilfredsError } from '../errors.js';
import { LANGS, type Label, type Lang } from '../types.js';
import { afinnBaseline } from './afinn-baseline.js';
import {
  comparableTopic, mapCategories, mergeAspects, readMamsXml, readSemEvalXml, RESTAURANT_SCHEMES,
  type AspectSentence, type RestaurantScheme, type RestaurantTopic,
} from './aspect-data.js';

export type AspectFigures = {
  /** Sentence × topic pairs: labelled, found, found and labelled. */
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Polarity on the pairs found and labelled (conflict labels left out). */
  polarity: PolarityFigures;
  /** Polarity with the labelled topics given (SemEval slot 3): a topic tilfreds did not find takes the sentence's
   *  label. */
  polarityGiven: PolarityFigures;
};
export type PolarityFigures = { n: number; correct: number; accuracy: number };

export type AspectReport = {
  file: string;
  scheme: string;
  taxonomy: string;
  sentences: number;
  /** Labels with the conflict polarity (both ways), left out of polarity accuracy. */
  conflict: number;
  tilfreds: AspectFigures;
  baseline: AspectFigures;
  perTopic: { topic: string; gold: number; predicted: number; f1: number; polarity: number }[];
};

/** How a file's categories become topics: a restaurant scheme (SemEval 2014, 2015/16, MAMS) or a user's map. */
export type CategoryMapping = { scheme: string; topicOf: (category: string) => string | null | undefined; comparable: (topic: string) => string | undefined };

/** Reads a SemEval or MAMS XML file and works out its scheme from the layout of its first sentences:
 *  `<Opinions>` (2015/16), sentences with ids (2014) or without (MAMS). */
export function readAspectFile(file: string): { sentences: AspectSentence[]; scheme: RestaurantScheme } {
  const head = readHead(file, 64 * 1024);
  if (head.includes('<Opinions')) return { sentences: readSemEvalXml(file), scheme: 'semeval2016' };
  if (/<sentence\s[^>]*\bid=/.test(head)) return { sentences: readSemEvalXml(file), scheme: 'semeval2014' };
  return { sentences: readMamsXml(file), scheme: 'mams' };
}

function readHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

export function restaurantMapping(scheme: RestaurantScheme): CategoryMapping {
  const map = RESTAURANT_SCHEMES[scheme];
  return {
    scheme,
    topicOf: (category) => {
      if (!Object.hasOwn(map, category)) throw new TilfredsError('input', `"${category}" is not a ${scheme} restaurant category: give --category-map FILE.json for other data`);
      return map[category];
    },
    comparable: (topic) => comparableTopic(scheme, topic as RestaurantTopic),
  };
}

/** A user's `{ "CATEGORY": "topic" | null }` map; a topic outside the map's values is not scored. */
export function fileMapping(file: string): CategoryMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TilfredsError('usage', `--category-map ${file}: expected a JSON object of category → topic id or null; ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TilfredsError('usage', `--category-map ${file}: expected a JSON object of category → topic id or null`);
  const map = raw as Record<string, string | null>;
  const topics = new Set(Object.values(map).filter((t): t is string => typeof t === 'string'));
  return {
    scheme: `map ${file}`,
    topicOf: (category) => {
      if (!Object.hasOwn(map, category)) throw new TilfredsError('input', `--category-map ${file} has no entry for category "${category}"`);
      return map[category];
    },
    comparable: (topic) => (topics.has(topic) ? topic : undefined),
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function evaluateAspects(file: string, sentences: readonly AspectSentence[], mapping: CategoryMapping, topics: TopicsSpec): AspectReport {
  const baseline = afinnBaseline();
  const taxonomy = loadTaxonomy(topics);
  if (taxonomy === undefined) throw new TilfredsError('usage', 'a taxonomy to evaluate against is needed (not "none")');
  const packs = packsFor({ lexicons: {}, topics });
  const packFor = (language: string) => {
    if (!(LANGS as readonly string[]).includes(language)) throw new TilfredsError('input', `${file}: sentences in "${language}", a language tilfreds has no lexicon for`);
    return packs(language as Lang);
  };
  const known = new Set(taxonomy.topics.map((t) => t.id));
  const counts = () => ({ gold: 0, predicted: 0, truePositives: 0, polarity: { n: 0, correct: 0 }, polarityGiven: { n: 0, correct: 0 } });
  const ours = counts();
  const theirs = counts();
  const perTopic = new Map<string, { gold: number; predicted: number; tp: number; n: number; correct: number }>();
  const topicCounts = (t: string) => {
    let c = perTopic.get(t);
    if (!c) perTopic.set(t, (c = { gold: 0, predicted: 0, tp: 0, n: 0, correct: 0 }));
    return c;
  };
  let conflict = 0;
  for (const sentence of mapCategories(sentences, mapping.topicOf)) {
    const gold = new Map<string, string | undefined>();
    for (const aspect of mergeAspects(sentence.aspects)) {
      const topic = mapping.comparable(aspect.category);
      if (topic === undefined) continue;
      if (!known.has(topic)) throw new TilfredsError('usage', `category maps to topic "${topic}", which the taxonomy ${taxonomy.label} does not have`);
      gold.set(topic, aspect.polarity);
    }
    const pack = packFor(sentence.language);
    if (pack === undefined) continue;
    const result = scoreText(sentence.text, pack);
    const found = new Map<string, Label>();
    for (const t of result.topics) {
      const topic = mapping.comparable(t.topic);
      // Two topics of ours may be one of theirs (drinks counts as food in SemEval-2014): a neutral one gives way.
      if (topic !== undefined && (!found.has(topic) || found.get(topic) === 'neutral')) found.set(topic, t.label);
    }
    const sentenceLabel = baseline(sentence.text).label;
    for (const [c, labelOf] of [[ours, (t: string) => found.get(t) ?? result.label], [theirs, () => sentenceLabel]] as const) {
      c.gold += gold.size;
      c.predicted += found.size;
      for (const [topic, polarity] of gold) {
        const hit = found.has(topic);
        if (hit) c.truePositives++;
        if (polarity === undefined || polarity === 'conflict') continue;
        const right = labelOf(topic) === polarity;
        if (hit) {
          c.polarity.n++;
          if (right) c.polarity.correct++;
        }
        c.polarityGiven.n++;
        if (right) c.polarityGiven.correct++;
      }
    }
    for (const [topic, polarity] of gold) {
      if (polarity === 'conflict') conflict++;
      const t = topicCounts(topic);
      t.gold++;
      if (found.has(topic)) {
        t.tp++;
        if (polarity !== undefined && polarity !== 'conflict') {
          t.n++;
          if (found.get(topic) === polarity) t.correct++;
        }
      }
    }
    for (const topic of found.keys()) topicCounts(topic).predicted++;
  }
  const figures = (c: ReturnType<typeof counts>): AspectFigures => {
    const precision = ratio(c.truePositives, c.predicted);
    const recall = ratio(c.truePositives, c.gold);
    return {
      gold: c.gold, predicted: c.predicted, truePositives: c.truePositives, precision, recall,
      f1: (2 * precision * recall) / (precision + recall),
      polarity: { ...c.polarity, accuracy: ratio(c.polarity.correct, c.polarity.n) },
      polarityGiven: { ...c.polarityGiven, accuracy: ratio(c.polarityGiven.correct, c.polarityGiven.n) },
    };
  };
  return {
    file, scheme: mapping.scheme, taxonomy: taxonomy.label, sentences: sentences.length, conflict,
    tilfreds: figures(ours), baseline: figures(theirs),
    perTopic: [...perTopic].sort(([a], [b]) => (a < b ? -1 : 1)).map(([topic, t]) => ({
      topic, gold: t.gold, predicted: t.predicted, f1: ratio(2 * t.tp, t.gold + t.predicted), polarity: ratio(t.correct, t.n),
    })),
  };
}
