// Running sums for survey reports, part of Accumulator (which finds a record's product × period group and hands
// its index here):
// - per group, input and question group (`records[].key`; '' for one record per row): NPS categories and CSAT
//   top-2 box, for survey_questions.csv;
// - the records whose text disagrees with their score (disagreement.ts), for alerts.csv: the strongest
//   MAX_FLAGGED per product and flag, chosen by a total order (strength, then id), so the same records are kept
//   however the input was cut into ranges and merged.
import type { Aggregable } from './accumulator.js';
import { csatFlag, DISAGREEMENT_FLAGS, npsFlag, type DisagreementFlag } from '../analyze/disagreement.js';
import { ownCopy } from '../strings.js';
import { withRoom } from './with-room.js';

export type QuestionStats = {
  npsN: number; promoters: number; passives: number; detractors: number; csatN: number; csatTop2: number;
  /** NPS answers that came with a scored text: the respondents who could name a topic (drivers.ts). */
  textNpsN: number; textPromoters: number; textDetractors: number;
};

const NPS_N = 0;
const PROMOTERS = 1;
const PASSIVES = 2;
const DETRACTORS = 3;
const CSAT_N = 4;
const CSAT_TOP2 = 5;
const TEXT_NPS_N = 6;
const TEXT_PROMOTERS = 7;
const TEXT_DETRACTORS = 8;
const WIDTH = 9;
const SCALE = 1e6;

/** Flagged records listed per product and flag: a follow-up list, not a dump. */
export const MAX_FLAGGED = 20;

/** One record whose text and score disagree. `sentiment` in millionths (an integer: ordering stays exact). */
export type FlaggedRecord = {
  flag: DisagreementFlag;
  id: string;
  product: string;
  period: string;
  nps: number | undefined;
  csat: number | undefined;
  sentiment: number;
  /** The first topic the text names negatively, if any. */
  topic: string | undefined;
};

export type SurveySumsData = { groups: number[]; inputs: string[]; questions: string[]; sums: Float64Array; flagged: FlaggedRecord[]; flaggedCounts: [string, number][] };

const SEP = '\u0000';
/** Strongest disagreement first (the lowest sentiment for a complaint, the highest for praise), then by id. */
const before = (a: FlaggedRecord, b: FlaggedRecord): number =>
  Math.abs(b.sentiment) - Math.abs(a.sentiment) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class SurveySums {
  private readonly groups: number[] = [];
  private readonly inputs: string[] = [];
  private readonly questions: string[] = [];
  private sums = new Float64Array(16 * WIDTH);
  /** Entry index by group index, then input, then question. */
  private readonly byGroup: (Map<string, Map<string, number>> | undefined)[] = [];
  /** Kept flagged records by product + SEP + flag, sorted by `before`, and how many there were in all. */
  private readonly flagged = new Map<string, FlaggedRecord[]>();
  private readonly flaggedCounts = new Map<string, number>();

  /** A record with an NPS or a CSAT answer, in group `group` (its period key is `period`). */
  add(group: number, period: string, r: Aggregable): void {
    const e = this.entry(group, r.ref.input, r.group ?? '') * WIDTH;
    const sums = this.sums;
    if (r.nps !== undefined) {
      sums[e + NPS_N]!++;
      sums[e + (r.nps >= 9 ? PROMOTERS : r.nps >= 7 ? PASSIVES : DETRACTORS)]!++;
      if (r.sentiment) {
        sums[e + TEXT_NPS_N]!++;
        if (r.nps >= 9) sums[e + TEXT_PROMOTERS]!++;
        else if (r.nps <= 6) sums[e + TEXT_DETRACTORS]!++;
      }
    }
    if (r.csat) {
      sums[e + CSAT_N]!++;
      if (r.csat.top2) sums[e + CSAT_TOP2]!++;
    }
    const nps = npsFlag(r);
    if (nps !== undefined) this.flag(nps, period, r);
    const csat = csatFlag(r);
    if (csat !== undefined) this.flag(csat, period, r);
  }

  toData(): SurveySumsData {
    return {
      groups: [...this.groups], inputs: [...this.inputs], questions: [...this.questions], sums: this.sums.slice(0, this.groups.length * WIDTH),
      flagged: [...this.flagged.values()].flat(), flaggedCounts: [...this.flaggedCounts],
    };
  }

  /** Adds partial sums; `groupOf` maps the data's group indexes to this accumulator's. */
  mergeData(data: SurveySumsData, groupOf: (group: number) => number): void {
    data.groups.forEach((group, i) => {
      const e = this.entry(groupOf(group), data.inputs[i]!, data.questions[i]!);
      for (let j = 0; j < WIDTH; j++) this.sums[e * WIDTH + j]! += data.sums[i * WIDTH + j]!;
    });
    for (const f of data.flagged) this.keep(f);
    for (const [key, n] of data.flaggedCounts) this.flaggedCounts.set(key, (this.flaggedCounts.get(key) ?? 0) + n);
  }

  /** Every entry with its group index, input, question and counts, in no particular order. */
  entries(): { group: number; input: string; question: string; stats: QuestionStats }[] {
    return this.groups.map((group, i) => {
      const s = this.sums.subarray(i * WIDTH, (i + 1) * WIDTH);
      return {
        group, input: this.inputs[i]!, question: this.questions[i]!,
        stats: { npsN: s[NPS_N]!, promoters: s[PROMOTERS]!, passives: s[PASSIVES]!, detractors: s[DETRACTORS]!, csatN: s[CSAT_N]!, csatTop2: s[CSAT_TOP2]!,
          textNpsN: s[TEXT_NPS_N]!, textPromoters: s[TEXT_PROMOTERS]!, textDetractors: s[TEXT_DETRACTORS]!,
        },
      };
    });
  }

  /** The kept flagged records, by product, then flag (in DISAGREEMENT_FLAGS order), then strongest first; with
   *  how many records of that product had the flag. */
  flaggedRecords(): { record: FlaggedRecord; of: number }[] {
    const order = (f: DisagreementFlag) => DISAGREEMENT_FLAGS.indexOf(f);
    return [...this.flagged.values()]
      .sort((a, b) => (a[0]!.product < b[0]!.product ? -1 : a[0]!.product > b[0]!.product ? 1 : order(a[0]!.flag) - order(b[0]!.flag)))
      .flatMap((list) => list.map((record) => ({ record, of: this.flaggedCounts.get(record.product + SEP + record.flag)! })));
  }

  private flag(flag: DisagreementFlag, period: string, r: Aggregable): void {
    const key = r.product + SEP + flag;
    this.flaggedCounts.set(key, (this.flaggedCounts.get(key) ?? 0) + 1);
    const sentiment = Math.round(r.sentiment!.score * SCALE);
    const list = this.flagged.get(key);
    // Most flagged records are weaker than the kept ones: only those that would be kept are copied out.
    if (list !== undefined && list.length >= MAX_FLAGGED && Math.abs(sentiment) < Math.abs(list[list.length - 1]!.sentiment)) return;
    const negative = flag.endsWith('complaint') ? r.sentiment!.topics.find((t) => t.label === 'negative')?.topic : undefined;
    this.keep({
      flag, id: ownCopy(r.id), product: ownCopy(r.product), period: ownCopy(period), nps: r.nps, csat: r.csat?.raw, sentiment, topic: negative,
    });
  }

  private keep(f: FlaggedRecord): void {
    const key = f.product + SEP + f.flag;
    let list = this.flagged.get(key);
    if (list === undefined) this.flagged.set(key, (list = []));
    list.push(f);
    list.sort(before);
    if (list.length > MAX_FLAGGED) list.length = MAX_FLAGGED;
  }

  private entry(group: number, input: string, question: string): number {
    let inputs = this.byGroup[group];
    if (inputs === undefined) this.byGroup[group] = inputs = new Map();
    let questions = inputs.get(input);
    if (questions === undefined) inputs.set(ownCopy(input), (questions = new Map()));
    let e = questions.get(question);
    if (e === undefined) {
      e = this.groups.length;
      questions.set(ownCopy(question), e);
      this.groups.push(group);
      this.inputs.push(ownCopy(input));
      this.questions.push(ownCopy(question));
      this.sums = withRoom(this.sums, (e + 1) * WIDTH);
    }
    return e;
  }
}
