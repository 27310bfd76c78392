// The one config shape (DESIGN.md section 2): the types the pipeline reads after validation and defaults.
// The JSON a user writes is checked against it by `validate.ts`; relative paths are resolved by `load.ts`.
import type { TopicsSpec } from '../analyze/topics.js';
import type { Lang, TextRole } from '../types.js';

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
/** Report formats: `csv` the aggregate tables (product_trends, pain_points, alerts), `xlsx` report.xlsx, `html`
 *  report.html. scored_reviews.csv, rejects.csv and run.json are always written: they are the record-level trail. */
export const OUTPUT_FORMATS = ['csv', 'xlsx', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type Period = (typeof PERIODS)[number];

export const FORMATS = ['csv', 'jsonl', 'json'] as const;
export type InputFormat = (typeof FORMATS)[number];

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A column by header name (CSV), dotted path or key (JSON), or 0-based position (CSV). */
export type ColumnRef = string | number;

export type CsvOptions = {
  /** One character; `\t` for tab. Default `,`. */
  readonly delimiter: string;
  /** The quote character, or null for files without quoting (quotes are then plain text). Default `"`. */
  readonly quote: string | null;
  /** Default `utf-8`; a UTF-8 or UTF-16 byte-order mark overrides it. */
  readonly encoding: Encoding;
  /** Whether the first record is a header. Without one, columns are referred to by position. Default true. */
  readonly header: boolean;
  /** Which code splits records into fields: `tilfreds` (the record cutter, default) or `fast-csv` (its row parser). */
  readonly engine: 'tilfreds' | 'fast-csv';
};

export type IdSpec = { readonly column: ColumnRef } | { readonly from: 'line' | 'hash' };

export type ProductSpec =
  | { readonly value: string }
  | { readonly column: ColumnRef; readonly pattern?: RegExp }
  | { readonly from: 'filename'; readonly pattern?: RegExp };

export type DateSpec = (
  | { readonly column: ColumnRef; readonly format: string }
  | { readonly columns: { readonly year: ColumnRef; readonly month: ColumnRef; readonly day: ColumnRef } }
) & {
  /** When false, a blank date makes the record undated instead of a reject. Default true. */
  readonly required: boolean;
};

export type ScoreSpec = {
  readonly column: ColumnRef;
  /** [worst, best]; [5, 1] means 5 is worst. */
  readonly scale: readonly [number, number];
  /** Raw values meaning "no answer" (e.g. "6" = don't know). */
  readonly missing: readonly string[];
  /** A regex whose first capture group holds the number, e.g. `__label__(\d)`. */
  readonly pattern?: RegExp;
  /** Answers given as words and what number each stands for (`"Very satisfied": 5`, `"negative": 0`), keyed
   *  trimmed and lower-cased. */
  readonly values?: ReadonlyMap<string, number>;
};

export type TextSpec =
  | { readonly column: ColumnRef; readonly role: TextRole; readonly required: boolean }
  /** Text read from a file per record; `{field}` placeholders are filled from the record, relative to the input file. */
  | { readonly file: string; readonly role: TextRole; readonly required: boolean };

export type LanguageSpec = Lang | 'auto' | { readonly column: ColumnRef };

/** One record of a wide survey row (one product or question group): its own product, scores and texts, each
 *  falling back to the input's own field spec when not given. Date, id and language are the row's. */
export type RecordGroupSpec = {
  /** Distinguishes the group's records: their id is the row's id + `#` + key (`survey.csv:42#R`). Defaults to
   *  the group's constant product. */
  readonly key: string;
  readonly product: ProductSpec;
  readonly rating: ScoreSpec | undefined;
  readonly nps: ScoreSpec | undefined;
  readonly csat: ScoreSpec | undefined;
  readonly text: readonly TextSpec[];
  /** The answer fields the group sets itself: only these decide whether the group is blank in a row (an NPS
   *  question the groups share does not make every group a record). */
  readonly own: readonly ('rating' | 'nps' | 'csat' | 'text')[];
};

export type InputConfig = {
  readonly name: string;
  /** Absolute path; `*` and `?` wildcards allowed in the file name part. */
  readonly path: string;
  readonly format: InputFormat;
  readonly csv: CsvOptions;
  readonly id: IdSpec;
  readonly product: ProductSpec;
  readonly date: DateSpec | undefined;
  readonly rating: ScoreSpec | undefined;
  readonly nps: ScoreSpec | undefined;
  readonly csat: ScoreSpec | undefined;
  readonly text: readonly TextSpec[];
  /** Texts that mean "no answer" (`N/A`, `No Negative`), compared trimmed and case-insensitively, on top of the
   *  shipped list (lexicons/placeholders.tsv) unless `shippedPlaceholders` is false. */
  readonly placeholders: readonly string[];
  /** Whether the shipped placeholder answers (`Nothing`, `Ingen kommentar`, `-`…) count as "no answer". Default true. */
  readonly shippedPlaceholders: boolean;
  /** Wide survey rows: one record per entry (product or question group). Undefined: one record per row. */
  readonly records: readonly RecordGroupSpec[] | undefined;
  readonly language: LanguageSpec;
  readonly maxRejectRate: number;
  /** Longer texts are rejected (`text-too-long`): a 100 KB "review" is a paste accident or an attack. */
  readonly maxTextLength: number;
};

export type OutputConfig = {
  /** Absolute path of the output folder. */
  readonly dir: string;
  readonly period: Period;
  /** `en` (comma, decimal point) or a Scandinavian locale `nb-NO` / `nn-NO` / `da-DK` / `sv-SE` (semicolon, decimal comma). */
  readonly locale: string;
  /** The fewest answers for an NPS, a CSAT share or a driver to be shown as a number; below it the cell is empty
   *  and a note says `n<30`. Default 30. */
  readonly minN: number;
  /** Which reports to write beside the record-level files; default all of OUTPUT_FORMATS. */
  readonly formats: readonly OutputFormat[];
};

/** Where the nightly state lives (src/state/): `undefined` (the default) beside the reports, as
 *  `<output.dir>/tilfreds-state.sqlite`; `false` for a stateless run that reports on tonight's inputs alone. */
export type StateConfig = { readonly path: string } | false | undefined;

export type Config = {
  /** Absolute path of the config file, and the sha256 of its bytes. */
  readonly file: string;
  readonly hash: string;
  /** Worker threads; undefined: as many as the machine has cores. */
  readonly workers: number | undefined;
  readonly output: OutputConfig;
  readonly maxRejectRate: number;
  readonly inputs: readonly InputConfig[];
  /** The user's own term files per language, layered over the shipped pack (their entries win). */
  readonly lexicons: Readonly<Partial<Record<Lang, readonly UserLexiconFile[]>>>;
  /** The pain-point taxonomy (default: the shipped one) and the user's extra topic terms. */
  readonly topics: TopicsSpec;
  /** The state store: records already counted, their scores, the inputs seen. @default beside the reports */
  readonly state: StateConfig;
};

/** A user-supplied lexicon file (src/analyze/user-lexicon.ts): word and score as tsv or csv, or a word list with
 *  the polarity every word gets. `file` is absolute once validated. */
export type UserLexiconFile = { readonly file: string; readonly format?: 'auto' | 'tsv' | 'csv' | 'list'; readonly polarity?: number; readonly column?: number };

export const DEFAULT_MAX_REJECT_RATE = 0.05;
export const DEFAULT_MAX_TEXT_LENGTH = 32_768;
export const DEFAULT_MIN_N = 30;
