// Running sums per (product, period): memory grows with the number of groups, never with the rows.
// Everything is a sum or a count, so partial aggregates from byte ranges, workers or machines merge by adding.
// Sums of scores are kept in millionths as integers: integer addition is exact and order-free, so the totals (and
// the reports) are byte-identical however the input was cut into ranges and in whatever order they merge.
import type { Period } from '../config/schema.js';
import type { Label, Score, ScoredReview, TextRole, TopicSentiment } from '../types.js';
import { ownCopy } from '../strings.js';
import { withRoom } from './with-room.js';
import { TopicSums, type TopicStats, type TopicSumsData } from './topic-accumulator.js';
import { periodKey } from './period.js';
import { SurveySums, type FlaggedRecord, type QuestionStats, type SurveySumsData } from './survey-accumulator.js';

export type GroupStats = {
  reviews: number;
  ratingN: number;
  /** Sum of ratings normalised to 0–1 (1 = best), so that 1–5, 1–6 and 0–10 scales mix. */
  ratingSum: number;
  sentimentN: number;
  sentimentSum: number;
  positive: number;
  neutral: number;
  negative: number;
  npsN: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatN: number;
  /** Answers in the best two points of the scale (top-2 box). */
  csatTop2: number;
};

const FIELDS = [
  'reviews', 'ratingN', 'ratingSum', 'sentimentN', 'sentimentSum', 'positive', 'neutral', 'negative',
  'npsN', 'promoters', 'passives', 'detractors', 'csatN', 'csatTop2',
] as const satisfies readonly (keyof GroupStats)[];
const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<keyof GroupStats, number>;
/** Fields held in millionths. */
const SCALED = new Set<number>([F.ratingSum, F.sentimentSum]);
const SCALE = 1e6;
const WIDTH = FIELDS.length;

/** What add() reads of a record: a ScoredReview, or a record rebuilt from the state store. */
export type Aggregable = Pick<ScoredReview, 'id' | 'product' | 'date' | 'nps' | 'group'> & {
  ref: { input: string };
  rating: { norm: number } | undefined;
  csat: Score | undefined;
  sentiment: { score: number; label: Label; topics: readonly Pick<TopicSentiment, 'topic' | 'score' | 'label'>[] } | undefined;
  /** The roles of the record's texts (whether a survey question asked for praise or complaints: disagreement.ts). */
  texts: readonly { role: TextRole }[];
};

export const emptyStats = (): GroupStats => Object.fromEntries(FIELDS.map((f) => [f, 0])) as GroupStats;

export type GroupKey = { product: string; period: string };

export type TopicKey = GroupKey & { topic: string };

/** Groups as plain data, for posting between threads or writing partial aggregates to disk: the keys, their sums
 *  one after the other (FIELDS.length each), and the topic and survey sums of the groups. */
export type AccumulatorData = { period: Period; keys: string[]; sums: Float64Array; topics: TopicSumsData; survey: SurveySumsData };

const SEP = '\u0000';
const LABEL_FIELD = { positive: F.positive, neutral: F.neutral, negative: F.negative } as const;

export class Accumulator {
  /** Group keys (product + SEP + period) in the order the groups appeared; group i's sums are at i × WIDTH. */
  private readonly keys: string[] = [];
  /** All sums in one array: 112 bytes a group, not a typed array object each (10⁶ groups must fit). */
  private sums = new Float64Array(64 * WIDTH);
  /** Group index by product, then period: add() builds no key string per record. */
  private readonly byProduct = new Map<string, Map<string, number>>();
  /** Per group and topic: mentions, negative ones, the example (pain points). */
  private readonly topics = new TopicSums();
  /** Per group, input and question group: NPS and CSAT (survey_questions.csv); records whose text and score disagree. */
  private readonly survey = new SurveySums();

  constructor(readonly period: Period) {}

  add(r: Aggregable): void {
    const period = periodKey(r.date, this.period);
    const group = this.group(r.product, period);
    const g = group * WIDTH;
    const sums = this.sums;
    sums[g + F.reviews]!++;
    if (r.rating) {
      sums[g + F.ratingN]!++;
      sums[g + F.ratingSum]! += Math.round(r.rating.norm * SCALE);
    }
    if (r.sentiment) {
      sums[g + F.sentimentN]!++;
      sums[g + F.sentimentSum]! += Math.round(r.sentiment.score * SCALE);
      sums[g + LABEL_FIELD[r.sentiment.label]]!++;
      if (r.sentiment.topics.length > 0) this.topics.add(group, r.id, r.sentiment.topics, r.nps);
    }
    if (r.nps !== undefined) {
      sums[g + F.npsN]!++;
      sums[g + (r.nps >= 9 ? F.promoters : r.nps >= 7 ? F.passives : F.detractors)]!++;
    }
    if (r.csat) {
      sums[g + F.csatN]!++;
      if (r.csat.top2) sums[g + F.csatTop2]!++;
    }
    if (r.nps !== undefined || r.csat) this.survey.add(group, period, r);
  }

  /** Adds another accumulator's groups into this one. */
  merge(other: Accumulator): void {
    this.mergeData(other.toData());
  }

  get size(): number {
    return this.keys.length;
  }

  toData(): AccumulatorData {
    return { period: this.period, keys: [...this.keys], sums: this.sums.slice(0, this.keys.length * WIDTH), topics: this.topics.toData(), survey: this.survey.toData() };
  }

  /** Adds partial aggregates (from toData) into this one. */
  mergeData(data: AccumulatorData): void {
    const groups = data.keys.map((key, i) => {
      const sep = key.indexOf(SEP);
      const group = this.group(key.slice(0, sep), key.slice(sep + 1));
      for (let j = 0; j < WIDTH; j++) this.sums[group * WIDTH + j]! += data.sums[i * WIDTH + j]!;
      return group;
    });
    this.topics.mergeData(data.topics, (i) => groups[i]!);
    this.survey.mergeData(data.survey, (i) => groups[i]!);
  }

  /** NPS and CSAT counts per product × period group, input and question group, in no particular order. */
  questionEntries(): { key: GroupKey; input: string; question: string; stats: QuestionStats }[] {
    return this.survey.entries().map(({ group, input, question, stats }) => ({ key: this.keyAt(group), input, question, stats }));
  }

  /** The records whose text and score disagree that alerts.csv lists (survey-accumulator.ts). */
  flaggedRecords(): { record: FlaggedRecord; of: number }[] {
    return this.survey.flaggedRecords();
  }

  private keyAt(group: number): GroupKey {
    const k = this.keys[group]!;
    const sep = k.indexOf(SEP);
    return { product: k.slice(0, sep), period: k.slice(sep + 1) };
  }

  /** The topic sums of every group, in no particular order. */
  topicEntries(): { key: TopicKey; stats: TopicStats }[] {
    return this.topics.entries().map(({ group, topic, stats }) => {
      const k = this.keys[group]!;
      const sep = k.indexOf(SEP);
      return { key: { product: k.slice(0, sep), period: k.slice(sep + 1), topic }, stats };
    });
  }

  /** Groups sorted by product, then period (undated last), with sums in their natural units. */
  sorted(): { key: GroupKey; stats: GroupStats }[] {
    return this.keys
      .map((k, i) => {
        const sep = k.indexOf(SEP);
        const stats = Object.fromEntries(FIELDS.map((f, j) => [f, this.sums[i * WIDTH + j]! / (SCALED.has(j) ? SCALE : 1)])) as GroupStats;
        return { key: { product: k.slice(0, sep), period: k.slice(sep + 1) }, stats };
      })
      .sort((a, b) => compareStrings(a.key.product, b.key.product) || comparePeriods(a.key.period, b.key.period));
  }

  /** The index of a group, made on first sight (with strings of its own: see strings.ts). */
  private group(product: string, period: string): number {
    let periods = this.byProduct.get(product);
    if (!periods) this.byProduct.set(ownCopy(product), (periods = new Map()));
    let g = periods.get(period);
    if (g === undefined) {
      g = this.keys.length;
      periods.set(ownCopy(period), g);
      this.keys.push(ownCopy(product + SEP + period));
      this.sums = withRoom(this.sums, (g + 1) * WIDTH);
    }
    return g;
  }
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const comparePeriods = (a: string, b: string) => (a === b ? 0 : a === 'undated' ? 1 : b === 'undated' ? -1 : compareStrings(a, b));
