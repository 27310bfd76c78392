// Running sums per (product, period, topic): how many reviews mention the topic, how many of them negatively, and
// the most negative one as an example. Mergeable like Accumulator: sums, counts, and an example chosen by a rule
// that does not depend on order (the lowest score, then the smallest id), so the reports are the same however the
// input was cut into ranges.
import type { Period } from '../config/schema.js';
import type { ScoredReview } from '../types.js';
import { ownCopy } from '../strings.js';
import { withRoom } from './with-room.js';
import { periodKey } from './period.js';

export type TopicStats = {
  /** Reviews that mention the topic. */
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Sum of the topic's sentiment over those reviews. */
  sentimentSum: number;
  /** The review with the lowest topic sentiment (a pain point's example), and that sentiment. */
  exampleId: string;
  exampleScore: number;
};

export type TopicKey = { product: string; period: string; topic: string };

/** Plain data, for posting between threads: keys, their sums (WIDTH each), and the examples. */
export type TopicAccumulatorData = { keys: string[]; sums: Float64Array; exampleIds: string[] };

const MENTIONS = 0;
const NEGATIVE = 1;
const NEUTRAL = 2;
const POSITIVE = 3;
const SENTIMENT = 4;
const EXAMPLE_SCORE = 5;
const WIDTH = 6;
const SCALE = 1e6;
const SEP = '\u0000';

export class TopicAccumulator {
  private readonly keys: string[] = [];
  private readonly exampleIds: string[] = [];
  private sums = new Float64Array(64 * WIDTH);
  /** Group index by product + SEP + period, then topic. */
  private readonly byGroup = new Map<string, Map<string, number>>();

  constructor(readonly period: Period) {}

  add(r: ScoredReview): void {
    const topics = r.sentiment?.topics;
    if (topics === undefined || topics.length === 0) return;
    const group = r.product + SEP + periodKey(r.date, this.period);
    for (const t of topics) {
      const score = Math.round(t.score * SCALE);
      this.addSums(this.index(group, t.topic), 1, t.label === 'negative' ? 1 : 0, t.label === 'neutral' ? 1 : 0, t.label === 'positive' ? 1 : 0, score, score, r.id);
    }
  }

  get size(): number {
    return this.keys.length;
  }

  toData(): TopicAccumulatorData {
    return { keys: [...this.keys], sums: this.sums.slice(0, this.keys.length * WIDTH), exampleIds: [...this.exampleIds] };
  }

  mergeData(data: TopicAccumulatorData): void {
    data.keys.forEach((key, i) => {
      const cut = key.lastIndexOf(SEP);
      const s = data.sums.subarray(i * WIDTH, (i + 1) * WIDTH);
      this.addSums(this.index(key.slice(0, cut), key.slice(cut + 1)), s[MENTIONS]!, s[NEGATIVE]!, s[NEUTRAL]!, s[POSITIVE]!, s[SENTIMENT]!, s[EXAMPLE_SCORE]!, data.exampleIds[i]!);
    });
  }

  /** Every group with its figures, in no particular order. */
  entries(): { key: TopicKey; stats: TopicStats }[] {
    return this.keys.map((k, i) => {
      const [product, period, topic] = k.split(SEP) as [string, string, string];
      const s = this.sums.subarray(i * WIDTH, (i + 1) * WIDTH);
      return {
        key: { product, period, topic },
        stats: {
          mentions: s[MENTIONS]!, negative: s[NEGATIVE]!, neutral: s[NEUTRAL]!, positive: s[POSITIVE]!,
          sentimentSum: s[SENTIMENT]! / SCALE, exampleId: this.exampleIds[i]!, exampleScore: s[EXAMPLE_SCORE]! / SCALE,
        },
      };
    });
  }

  private addSums(g: number, mentions: number, negative: number, neutral: number, positive: number, sentiment: number, exampleScore: number, exampleId: string): void {
    const sums = this.sums;
    const at = g * WIDTH;
    const first = sums[at + MENTIONS] === 0;
    sums[at + MENTIONS]! += mentions;
    sums[at + NEGATIVE]! += negative;
    sums[at + NEUTRAL]! += neutral;
    sums[at + POSITIVE]! += positive;
    sums[at + SENTIMENT]! += sentiment;
    const known = this.exampleIds[g]!;
    if (first || exampleScore < sums[at + EXAMPLE_SCORE]! || (exampleScore === sums[at + EXAMPLE_SCORE] && exampleId < known)) {
      sums[at + EXAMPLE_SCORE] = exampleScore;
      if (exampleId !== known) this.exampleIds[g] = ownCopy(exampleId);
    }
  }

  private index(group: string, topic: string): number {
    let topics = this.byGroup.get(group);
    if (!topics) this.byGroup.set(ownCopy(group), (topics = new Map()));
    let g = topics.get(topic);
    if (g === undefined) {
      g = this.keys.length;
      topics.set(topic, g);
      this.keys.push(ownCopy(group + SEP + topic));
      this.exampleIds.push('');
      this.sums = withRoom(this.sums, (g + 1) * WIDTH);
    }
    return g;
  }
}
