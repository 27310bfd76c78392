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
  /** Among the reviews that name the topic negatively: those with an NPS answer, promoters and detractors (drivers). */
  negativeNpsN: number;
  negativePromoters: number;
  negativeDetractors: number;
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
const NEGATIVE_NPS_N = 5;
const NEGATIVE_PROMOTERS = 6;
const NEGATIVE_DETRACTORS = 7;
/** Last: merging adds every field before it and chooses the example by this one. */
const EXAMPLE_SCORE = 8;
const WIDTH = 9;
const SCALE = 1e6;

export class TopicSums {
  private readonly groups: number[] = [];
  private readonly topics: string[] = [];
  private readonly exampleIds: string[] = [];
  private sums = new Float64Array(64 * WIDTH);
  /** Topics as small numbers, in the order first seen (a taxonomy has a few dozen at most). */
  private readonly topicIndex = new Map<string, number>();
  /** Per group, per topic number: the entry index + 1 (0: none yet). Arrays of small integers: a Map per group
   *  cost more to look up, and more memory, than the record's other sums together. */
  private readonly byGroup: (number[] | undefined)[] = [];

  /** The topics of one review in group `group`, and its NPS answer if any. */
  add(group: number, id: string, topics: readonly Pick<TopicSentiment, 'topic' | 'score' | 'label'>[], nps: number | undefined): void {
    for (const t of topics) {
      const e = this.entry(group, t.topic) * WIDTH;
      const score = Math.round(t.score * SCALE);
      this.sums[e + MENTIONS]!++;
      this.sums[e + (t.label === 'negative' ? NEGATIVE : t.label === 'positive' ? POSITIVE : NEUTRAL)]!++;
      if (nps !== undefined && t.label === 'negative') {
        this.sums[e + NEGATIVE_NPS_N]!++;
        if (nps >= 9) this.sums[e + NEGATIVE_PROMOTERS]!++;
        else if (nps <= 6) this.sums[e + NEGATIVE_DETRACTORS]!++;
      }
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
          sentimentSum: s[SENTIMENT]! / SCALE,
          negativeNpsN: s[NEGATIVE_NPS_N]!, negativePromoters: s[NEGATIVE_PROMOTERS]!, negativeDetractors: s[NEGATIVE_DETRACTORS]!,
          exampleId: this.exampleIds[i]!, exampleScore: s[EXAMPLE_SCORE]! / SCALE,
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
    let t = this.topicIndex.get(topic);
    if (t === undefined) this.topicIndex.set(topic, (t = this.topicIndex.size));
    let entries = this.byGroup[group];
    if (entries === undefined) this.byGroup[group] = entries = [];
    // Holes read as undefined: the array stays as short as the highest topic number the group has.
    let e = (entries[t] ?? 0) - 1;
    if (e < 0) {
      e = this.groups.length;
      while (entries.length < t) entries.push(0);
      entries[t] = e + 1;
      this.groups.push(group);
      this.topics.push(topic);
      this.exampleIds.push('');
      this.sums = withRoom(this.sums, (e + 1) * WIDTH);
    }
    return e;
  }
}
