// One record as the state keeps it: what the aggregation needs (product, date, scores, topics), the content hash
// that tells a changed record from a repeated one, and the mapped review itself, to score it again when a
// lexicon changes. Pure and shared by the worker threads (which stage rows) and the main thread (which imports
// and rescores them), so a row is the same whichever thread made it.
import { createHash } from 'node:crypto';
import type { Aggregable } from '../aggregate/accumulator.js';
import type { Label, Review, ScoredReview, TextRole } from '../types.js';

/** The review's content without where it was read from: the same record in tonight's dump and last week's has the
 *  same content, whatever its file and line. Key order is fixed by map-fields, so the JSON is stable. */
export function reviewContent(review: Review): string {
  return JSON.stringify([review.product, review.date, review.language, review.rating, review.nps, review.csat, review.texts, review.group]);
}

/** 128 bits of SHA-1 over the content: enough to tell versions of one id apart; not a security boundary. */
export const contentHash = (content: string): Buffer => createHash('sha1').update(content).digest().subarray(0, 16);

/** The columns of `records` below the key, in the order of STATE_COLUMNS. */
export type StateRow = [
  product: string,
  date: string | null,
  language: string,
  lexicon: string,
  rating: number | null,
  nps: number | null,
  csatTop2: number | null,
  csatRaw: number | null,
  csatNorm: number | null,
  sentiment: number | null,
  label: Label | null,
  /** JSON `[[topic, score, label], …]`, or null without topics. */
  topics: string | null,
  /** The survey question group, and the text roles comma-joined. */
  question: string | null,
  roles: string,
];

export const STATE_COLUMNS = ['product', 'date', 'language', 'lexicon', 'rating', 'nps', 'csat_top2', 'csat_raw', 'csat_norm', 'sentiment', 'label', 'topics', 'question', 'roles'] as const;

export function stateRowOf(r: ScoredReview): StateRow {
  const s = r.sentiment;
  const topics = s && s.topics.length ? JSON.stringify(s.topics.map((t) => [t.topic, t.score, t.label])) : null;
  return [
    r.product, r.date ?? null, r.language, r.lexicon, r.rating ? r.rating.norm : null, r.nps ?? null,
    r.csat ? (r.csat.top2 ? 1 : 0) : null, r.csat ? r.csat.raw : null, r.csat ? r.csat.norm : null, s ? s.score : null, s ? s.label : null, topics,
    r.group ?? null, r.texts.map((t) => t.role).join(','),
  ];
}

/** A stored row as the Accumulator reads it (scores are stored as the same doubles, so the sums are exact). */
export function aggregableOf(input: string, id: string, row: StateRow): Aggregable {
  const [product, date, , , rating, nps, csatTop2, csatRaw, csatNorm, sentiment, label, topics, question, roles] = row;
  return {
    id,
    ref: { input },
    group: question ?? undefined,
    texts: rolesOf(roles),
    product,
    date: date ?? undefined,
    rating: rating === null ? undefined : { norm: rating },
    nps: nps ?? undefined,
    csat: csatTop2 === null ? undefined : { raw: csatRaw!, norm: csatNorm!, top2: csatTop2 === 1 },
    sentiment: sentiment === null ? undefined : {
      score: sentiment,
      label: label!,
      topics: topics === null ? [] : (JSON.parse(topics) as [string, number, Label][]).map(([topic, score, l]) => ({ topic, score, label: l })),
    },
  };
}

/** Text roles as the flags read them, one shared array per distinct list (a store holds few). */
const roleLists = new Map<string, readonly { role: TextRole }[]>();
function rolesOf(roles: string): readonly { role: TextRole }[] {
  let list = roleLists.get(roles);
  if (list === undefined) roleLists.set(roles, (list = roles === '' ? [] : roles.split(',').map((role) => ({ role: role as TextRole }))));
  return list;
}

/** A staged record, one JSON line in a range's state part: how the lookup classed it, its key, hash, row and the
 *  review for rescoring. */
export type StagedRecord = [kind: 'new' | 'changed', id: string, hash: string, row: StateRow, content: string];

/** The review back from its stored content, to score it again (where it was read from is not kept). */
export function reviewOf(input: string, id: string, content: string): Review {
  const [product, date, language, rating, nps, csat, texts, group] = JSON.parse(content) as [Review['product'], string | null, Review['language'] | null, Review['rating'] | null, number | null, Review['csat'] | null, Review['texts'], string | null | undefined];
  return { id, ref: { input, file: '', line: 0 }, product, date: date ?? undefined, language: language ?? undefined, rating: rating ?? undefined, nps: nps ?? undefined, csat: csat ?? undefined, texts, group: group ?? undefined };
}
