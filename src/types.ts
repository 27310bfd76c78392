// The data that flows between the stages: ingest → analyze → aggregate → report.

export const LANGS = ['en', 'nb', 'nn', 'da', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

export const TEXT_ROLES = ['review', 'title', 'positive', 'negative', 'question'] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

/** Where a record came from: the input's name, the file and the physical line it starts on (1-based, the header
 *  is line 1). `element` numbers the records of a JSON document (which may hold many on one line). Both can be
 *  known from a byte range of the file alone, which is what lets ranges be read in parallel. */
export type SourceRef = { input: string; file: string; line: number; element?: number };

export type TextPart = { role: TextRole; text: string };

/** A score on a declared scale, kept raw beside its 0–1 normalisation (1 = best). */
export type Score = {
  raw: number;
  norm: number;
  /** For CSAT: the answer is in the best two points of its scale (top-2 box). */
  top2?: boolean;
};

export type Review = {
  id: string;
  ref: SourceRef;
  product: string;
  /** YYYY-MM-DD, or undefined for an undated record (counted in the `undated` bucket). */
  date: string | undefined;
  texts: TextPart[];
  /** Language from config or a language column; undefined means "detect". */
  language: Lang | undefined;
  rating: Score | undefined;
  nps: number | undefined;
  csat: Score | undefined;
  /** The record group of a wide survey row it came from (`records[].key`); undefined for one record per row. */
  group?: string | undefined;
};

export const REJECT_CODES = [
  'csv-unclosed-quote',
  'csv-bare-quote',
  'csv-column-count',
  'record-too-large',
  'bad-encoding',
  'bad-json',
  'not-an-object',
  'bad-type',
  'missing-id',
  'duplicate-id',
  'missing-product',
  'missing-date',
  'bad-date',
  'bad-rating',
  'bad-nps',
  'bad-csat',
  'empty-text',
  'text-too-long',
  'missing-text-file',
  'nothing-to-score',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export type Reject = {
  ref: SourceRef;
  code: RejectCode;
  /** Human-readable reason: what was expected. */
  reason: string;
  field?: string;
  /** The offending raw value (truncated on output). */
  actual?: string;
};

export type SourceItem = { kind: 'review'; review: Review } | { kind: 'reject'; reject: Reject };

export type Label = 'negative' | 'neutral' | 'positive';

export type SentimentResult = {
  /** In [-1, 1]. */
  score: number;
  label: Label;
  /** The lexicon terms that produced the score, with their (rule-adjusted) contributions, and the rules that
   *  shaped them, in text order. */
  terms: TermHit[];
  /** The pain-point topics the text mentions, each with the sentiment of the clauses that mention it, in order
   *  of first mention. Empty when the pack has no topics or the text names none. */
  topics: TopicSentiment[];
};

/** One topic of one text: its sentiment from its own clauses (or sentence), not from the whole text. */
export type TopicSentiment = {
  topic: string;
  /** Raw sum of the contributions attributed to the topic (what `score` normalises), for merging parts. */
  sum: number;
  /** In [-1, 1]. */
  score: number;
  label: Label;
  /** How many times the text names it. */
  mentions: number;
};

/** One contribution to a text's score (or a rule that weighed others), for the explanation column. */
export type TermHit = {
  /** The lexicon entry (a phrase's words joined by spaces), or the word or mark that triggered a rule. */
  term: string;
  /** The contribution to the text's raw sum, after every rule (0 for contrast and concession marks). */
  weight: number;
  /** The negator whose scope the term is in, and whether it came after the term (`fungerer ikke`). */
  negator: string | undefined;
  negatorAfter: boolean;
  /** The intensifier or dampener right before the term. */
  intensifier: string | undefined;
  /** Written in capitals (emphasis). */
  caps: boolean;
  /** A lexicon term, or a rule: `contrast` (`but`: what follows weighs more, what came before less),
   *  `concession` (`although`: its clause weighs less), `exclaim` (`!` at a sentence's end). */
  rule: 'term' | 'contrast' | 'concession' | 'exclaim';
};

export type ScoredReview = Review & {
  language: Lang;
  /** Undefined when the record had no text to score (scores only). */
  sentiment: SentimentResult | undefined;
  /** Which lexicon pack scored it, `name@version`; `none` when no pack exists for the language. */
  lexicon: string;
};
