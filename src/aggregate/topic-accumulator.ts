// Running sums per (product × period group, topic): how many reviews mention the topic, how many of them
// negatively, and the most negative one as an example. Part of Accumulator, which finds a record's group once and
// hands its index here. Mergeable like the group sums: sums, counts, and an example chosen by a rule that does not
// depend on order (the lowest score, then the smallest id), so the reports are the same however the input was cut
// into ranges.
import type { TopicSentiment } from '../types.js';
import { ownCopy } from '../strings.js';
import { withRoom } from './with-room.js';

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

/** Plain data, for posting between threads: per entry its group (an index into the accumulator's keys), its topic,
 *  its sums (WIDTH each) and its example. */
export type TopicSumsData = { groups: number[]; topics: string[]; sums: Float64Array; exampleIds: string[] };

const MENTIONS = 0;
const NEGATIVE = 1;
const NEUTRAL = 2;
const POSITIVE = 3;
const SENTIMENT = 4;
const EXAMPLE_SCORE = 5;
const WIDTH = 6;
const SCALE = 1e6;
const LABEL_FIELD = { negative: NEGATIVE, neutral: NEUTRAL, positive: POSITIVE } as const;

export class TopicSums {
  private readonly groups: number[] = [];
  private readonly topics: string[] = [];
  private readonly exampleIds: string[] = [];
  private sums = new Float64Array(64 * WIDTH);
  /** Entry index by group index, then topic. */
  private readonly byGroup: (Map<string, number> | undefined)[] = [];

  /** The topics of one review in group `group`. */
  add(group: number, id: string, topics: readonly Pick<TopicSentiment, 'topic' | 'score' | 'label'>[]): void {
    for (const t of topics) {
      const e = this.entry(group, t.topic) * WIDTH;
      const score = Math.round(t.score * SCALE);
      this.sums[e + MENTIONS]!++;
      this.sums[e + LABEL_FIELD[t.label]]!++;
      this.sums[e + SENTIMENT]! += score;
      this.offerExample(e / WIDTH, score, id);
    }
  }

  toData(): TopicSumsData {
    return { groups: [...this.groups], topics: [...this.topics], sums: this.sums.slice(0, this.groups.length * WIDTH), exampleIds: [...this.exampleIds] };
  }

  /** Adds partial sums; `groupOf` maps the data's group indexes to this accumulator's. */
  mergeData(data: TopicSumsData, groupOf: (group: number) => number): void {
    data.groups.forEach((group, i) => {
      const e = this.entry(groupOf(group), data.topics[i]!);
      for (let j = 0; j < EXAMPLE_SCORE; j++) this.sums[e * WIDTH + j]! += data.sums[i * WIDTH + j]!;
      this.offerExample(e, data.sums[i * WIDTH + EXAMPLE_SCORE]!, data.exampleIds[i]!);
    });
  }

  /** Every entry with its group index and figures, in no particular order. */
  entries(): { group: number; topic: string; stats: TopicStats }[] {
    return this.groups.map((group, i) => {
      const s = this.sums.subarray(i * WIDTH, (i + 1) * WIDTH);
      return {
        group,
        topic: this.topics[i]!,
        stats: {
          mentions: s[MENTIONS]!, negative: s[NEGATIVE]!, neutral: s[NEUTRAL]!, positive: s[POSITIVE]!,
          sentimentSum: s[SENTIMENT]! / SCALE, exampleId: this.exampleIds[i]!, exampleScore: s[EXAMPLE_SCORE]! / SCALE,
        },
      };
    });
  }

  /** Keeps `id` as the entry's example when its score is lower (or equal, with a smaller id). */
  private offerExample(e: number, score: number, id: string): void {
    const known = this.exampleIds[e]!;
    const at = e * WIDTH + EXAMPLE_SCORE;
    if (known === '' || score < this.sums[at]! || (score === this.sums[at] && id < known)) {
      this.sums[at] = score;
      if (id !== known) this.exampleIds[e] = ownCopy(id);
    }
  }

  private entry(group: number, topic: string): number {
    let topics = this.byGroup[group];
    if (topics === undefined) this.byGroup[group] = topics = new Map();
    let e = topics.get(topic);
    if (e === undefined) {
      e = this.groups.length;
      topics.set(topic, e);
      this.groups.push(group);
      this.topics.push(topic);
      this.exampleIds.push('');
      this.sums = withRoom(this.sums, (e + 1) * WIDTH);
    }
    return e;
  }
}
