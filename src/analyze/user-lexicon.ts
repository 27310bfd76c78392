// Reads a sentiment lexicon the user supplies (a public one such as AFINN, VADER, Sentida or NorSentLex, or their
// own) into the keys our packs use, and builds a LexiconPack from one or more of them: a plain AFINN-style sum by
// default, or with the negators, intensifiers and contrast words of one of our packs, so that "public lexicon" and
// "public lexicon + our rules" can both be measured against our packs. Like lexicon-pack.ts, a bad line fails at
// load time with its file, line and the fix.
//
// Decisions:
// - Formats: `tsv` (word<TAB>score, extra columns ignored), `csv` (`,` or `;` separated, RFC 4180 quotes, optional
//   header), `list` (one word or phrase a line, every entry scored `polarity`). The score is the column right after
//   the word, unless a header names the columns (`word`/`stem`/`term`…, `score`/`value`/`mean`/`strength`…) or
//   `column` (counted from 1) says otherwise. `auto` sniffs the first 20 entry lines: a tab makes it tsv; a header
//   naming a column, or rows with a number after the word, make it csv; else it is a list. Lines starting with `#`
//   and blank lines are skipped in every format.
// - Encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE); without one, UTF-8 if the bytes are valid UTF-8,
//   else Windows-1252 (Latin-1; Sentida ships so). CRLF or LF.
// - Duplicates: the last one wins, within a file and across the files of a pack (later files override earlier
//   ones), as in the Python `afinn` and `vaderSentiment` packages, which build a dict line by line.
// - Decimal comma: decided per score cell. A score with one comma and digits on both sides (`0,5`, `-2,25`) is a
//   decimal: scores lie in −5…5, so a comma is never a thousands separator. In comma-separated CSV such a score must
//   be quoted; unquoted, it splits its row, and rows with another number of cells than the header (or the first
//   row) are errors that say so. Scores outside −5…5 (AFINN's scale, which the scorer's normalisation assumes) are
//   errors.
// - Keys: `tokenize` form, multi-word entries joined by one space, as in our packs. An entry no text could match
//   as written is skipped, not an error (public lists carry such entries, VADER's emoticons): one the tokenizer
//   cannot reproduce (`>:(` would become `:(`, `8-)` the number `8`), one split by punctuation (`ja, visst`), one longer
//   than MAX_PHRASE_TOKENS.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { configError } from '../errors.js';
import type { Lang } from '../types.js';
import { type Calibration, type LexiconPack, MAX_PHRASE_TOKENS } from './lexicon-pack.js';
import { DEFAULT_CALIBRATION } from './sentiment.js';
import { CAPS_MARK, CLAUSE_BREAK, isSentenceBreak, tokenize, tokenizeWithBreaks } from './tokenize.js';

export type UserLexiconFormat = 'tsv' | 'csv' | 'list';

/** One lexicon file and how to read it. */
export type UserLexiconSpec = {
  /** Path of the file (relative paths from the working directory). */
  file: string;
  /** Default `auto`: sniffed from the first lines (see the file's header comment). */
  format?: 'auto' | UserLexiconFormat;
  /** The score of every entry of a word list (`list`), e.g. 1 or -1; only for lists, from −5 to 5, not 0. */
  polarity?: number;
  /** The score's column, counted from 1, for `tsv` and `csv`. Default: the column named `score` (`value`,
   *  `mean`, …) in a header, else the column right after the word. */
  column?: number;
};

/** A file as read, with what was made of it. */
export type UserLexicon = {
  /** The path as given, and resolved. */
  file: string;
  path: string;
  format: UserLexiconFormat;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  /** Key in `tokenize` form (multi-word keys space-joined) → score on AFINN's −5…5 scale; zeros kept as written. */
  entries: Map<string, number>;
  /** Entry lines read (header, comments and blank lines not counted). */
  lines: number;
  /** Lines whose key an earlier line had (the later line's score was kept). */
  duplicates: number;
  /** Entries that cannot be matched as written, with the reason. */
  skipped: { line: number; text: string; reason: string }[];
};

/** The entries of one lexicon file: key in `tokenize` form (multi-word keys joined by one space) → score. Throws a
 *  config TilfredsError naming the file, the line and the fix. */
export function readUserLexicon(spec: UserLexiconSpec): Map<string, number> {
  return readUserLexiconFile(spec).entries;
}

/** `readUserLexicon`, with the format and encoding found, the duplicates and the skipped entries. */
export function readUserLexiconFile(spec: UserLexiconSpec): UserLexicon {
  const file = spec.file;
  checkSpec(spec);
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw configError(`${file}: lexicon file not found (looked for ${path}). Fix: check the path; relative paths are read from the working directory.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw configError(`${file}: cannot read the lexicon file (${(err as Error).message}). Fix: check its permissions.`);
  }
  const { text, encoding } = decode(bytes, file);
  const format = spec.format === undefined || spec.format === 'auto' ? sniffFormat(text, file, spec) : spec.format;
  if (format === 'list' && spec.polarity === undefined) {
    throw configError(`${file}: a word list (one word or phrase a line) needs "polarity", the score of every entry. Fix: add "polarity": 1 (or -1 for a list of negative words), or give a file with scores.`);
  }
  if (format !== 'list' && spec.polarity !== undefined) {
    throw configError(`${file}: "polarity" is only for word lists, and this file is read as ${format} (word and score). Fix: remove "polarity", or set "format": "list" if every line is one word.`);
  }
  const out: UserLexicon = { file, path, format, encoding, sha256: createHash('sha256').update(bytes).digest('hex'), entries: new Map(), lines: 0, duplicates: 0, skipped: [] };
  const add = (raw: string, score: number, line: number): void => {
    out.lines++;
    const entry = keyOf(raw);
    if (typeof entry !== 'string') {
      out.skipped.push({ line, text: raw, reason: entry.reason });
      return;
    }
    if (out.entries.has(entry)) {
      out.duplicates++;
      out.entries.delete(entry); // re-inserted below: the map's order is that of the winning lines
    }
    out.entries.set(entry, score);
  };
  if (format === 'list') readList(text, file, spec.polarity!, add);
  else readTable(text, file, format, spec.column, add);
  if (out.lines === 0) throw configError(`${file}: no entries (only blank lines, comments or a header). Fix: check that this is the lexicon file.`);
  if (out.entries.size === 0) {
    const first = out.skipped[0]!;
    throw configError(`${file}: no entry that a text could match; all ${out.skipped.length} were skipped (line ${first.line}, ${JSON.stringify(first.text)}: ${first.reason}). Fix: check that this is the lexicon file and its format.`);
  }
  return out;
}

/** Options of `userLexiconPack`. */
export type UserLexiconPackOptions = {
  /** A pack whose negators, intensifiers and contrast words the user lexicon gets (its terms, emoji, stemmer and
   *  calibration are not taken). Default: none, a plain sum of the entries found. */
  rules?: LexiconPack;
  /** Default: DEFAULT_CALIBRATION (VADER's neutral band, no negativity weight), since a calibration is fitted to one
   *  pack's terms. */
  calibration?: Calibration;
};

/** A pack made of user lexicon files: their entries (several files merge, later files overriding earlier ones),
 *  single words as `terms`, multi-word entries as `phrases`; no emoji, emoticons or stemming beyond what the files
 *  hold. Without `options.rules` there are no negators, intensifiers or contrast words (an AFINN-style sum); with
 *  them, a word that is one of those rules is that rule, not a term (the scorer would never score it anyway). As
 *  in our packs, a word scored 0 is no term, and a phrase scored 0 stays to keep its words from scoring.
 *  Named after the files (`AFINN-sv-165`, `a+b`, plus `+rules:<pack>@<version>`); the version is a short hash of
 *  the files' contents and of how they were read. */
export function userLexiconPack(lang: Lang, specs: UserLexiconSpec[], options: UserLexiconPackOptions = {}): LexiconPack {
  if (specs.length === 0) throw configError('a user lexicon needs at least one file. Fix: list one or more lexicon files.');
  const merged = new Map<string, number>();
  const hash = createHash('sha256');
  for (const spec of specs) {
    const lexicon = readUserLexiconFile(spec);
    for (const [key, score] of lexicon.entries) {
      merged.delete(key); // last wins, and keeps the later file's place
      merged.set(key, score);
    }
    hash.update(`${lexicon.sha256} ${lexicon.format} ${spec.polarity ?? ''} ${spec.column ?? ''}\n`);
  }
  const rules = options.rules;
  const negators = new Set(rules?.negators ?? []);
  const intensifiers = new Map(rules?.intensifiers ?? []);
  const contrast = new Map(rules?.contrast ?? []);
  const isRule = (key: string) => negators.has(key) || intensifiers.has(key) || contrast.has(key);
  const terms = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const [key, score] of merged) {
    if (key.includes(' ')) {
      if (!(score === 0 && isRule(key))) phrases.set(key, score);
    } else if (score !== 0 && !isRule(key)) terms.set(key, score);
  }
  const files = specs.map((s) => basename(s.file, extname(s.file))).join('+');
  return {
    name: rules ? `${files}+rules:${rules.name}@${rules.version}` : files,
    version: hash.digest('hex').slice(0, 12),
    lang,
    terms,
    phrases,
    negators,
    intensifiers,
    contrast,
    calibration: { ...(options.calibration ?? DEFAULT_CALIBRATION) },
    negatesPreceding: rules?.negatesPreceding ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------

function checkSpec(spec: UserLexiconSpec): void {
  const file = spec.file;
  if (typeof file !== 'string' || file === '') throw configError('a user lexicon needs "file", the path of the lexicon. Fix: give the path.');
  const formats = ['auto', 'tsv', 'csv', 'list'];
  if (spec.format !== undefined && !formats.includes(spec.format)) {
    throw configError(`${file}: "format" must be one of ${formats.join(', ')}; got ${JSON.stringify(spec.format)}. Fix: use one of those, or leave it out (auto).`);
  }
  if (spec.polarity !== undefined && !(typeof spec.polarity === 'number' && Number.isFinite(spec.polarity) && spec.polarity !== 0 && Math.abs(spec.polarity) <= 5)) {
    throw configError(`${file}: "polarity" must be a number from -5 to 5 other than 0; got ${JSON.stringify(spec.polarity)}. Fix: use 1 for a list of positive words, -1 for negative ones.`);
  }
  if (spec.column !== undefined && !(Number.isInteger(spec.column) && spec.column >= 1)) {
    throw configError(`${file}: "column" must be a whole number from 1 (the first column); got ${JSON.stringify(spec.column)}. Fix: count the score's column from 1.`);
  }
}

function decode(bytes: Buffer, file: string): { text: string; encoding: UserLexicon['encoding'] } {
  let text: string;
  let encoding: UserLexicon['encoding'];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (text = new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (text = new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = 'utf-8';
    } catch {
      if (bom) {
        const lossy = new TextDecoder('utf-8').decode(body);
        throw configError(`${file}:${lineAt(lossy, lossy.indexOf('\uFFFD'))}: expected UTF-8 (the file starts with its byte-order mark); got bytes that are not. Fix: save the lexicon as UTF-8.`);
      }
      text = new TextDecoder('windows-1252').decode(body);
      encoding = 'windows-1252';
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = lineAt(text, nul);
    throw configError(`${file}:${line}: expected text; got a NUL byte (a binary file, or UTF-16 without a byte-order mark). Fix: save the lexicon as UTF-8.`);
  }
  return { text, encoding };
}

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

type Line = { text: string; line: number };

/** Non-blank lines that are not `#` comments, CR stripped, each with its 1-based line number. */
function* lines(text: string): Generator<Line> {
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!.endsWith('\r') ? all[i]!.slice(0, -1) : all[i]!;
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    yield { text: t, line: i + 1 };
  }
}

// --- scores ---------------------------------------------------------------------------------------------------

/** A score as written: optional sign (`-`, `+` or `−`), digits, a decimal point or a decimal comma. */
const SCORE_RE = /^[+\-\u2212]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** The number in a score cell, or undefined when it is none. */
function parseScore(cell: string): number | undefined {
  const s = cell.trim().replace(/^"(.*)"$/, '$1');
  if (!SCORE_RE.test(s)) return undefined;
  return Number(s.replace(',', '.').replace('\u2212', '-'));
}

const isScore = (cell: string) => parseScore(cell) !== undefined;

// --- keys -----------------------------------------------------------------------------------------------------

/** Characters that only separate words, in a lexicon entry and in a text alike: white space, hyphens and dashes,
 *  quotes and apostrophes, `.` `,` `!` `?`; and emoji decorations, which the tokenizer drops. */
const SEPARATORS = /[\s\p{Pd}'’‘"“”„«».,!?\uFE0F\p{Emoji_Modifier}]/gu;
const bare = (s: string) => s.normalize('NFC').toLowerCase().replace(SEPARATORS, '');

/** The entry in `tokenize` form, or why no text could match it as written: its tokens must account for every
 *  other character it has (`:-)` and `well-made` are fine; `>:(` is read as `:(` and `8-)` as the number `8`),
 *  no punctuation may split it (`prosedyre, rettstvist`, `good. bad`: in a text a sentence or clause break stands
 *  between the words, and phrases never match across one), and it may have at most MAX_PHRASE_TOKENS words. */
function keyOf(raw: string): string | { reason: string } {
  const marked = tokenizeWithBreaks(raw).filter((t) => t !== CAPS_MARK);
  while (marked.length > 0 && isBreak(marked[marked.length - 1]!)) marked.pop(); // `ok.` is `ok`
  if (marked.some(isBreak)) return { reason: 'punctuation inside it splits it in a text' };
  const tokens = tokenize(raw);
  if (tokens.length === 0) return { reason: 'no word the tokenizer makes' };
  if (bare(tokens.join('')) !== bare(raw)) return { reason: `the tokenizer reads it as ${JSON.stringify(tokens.join(' '))}` };
  if (tokens.length > MAX_PHRASE_TOKENS) return { reason: `longer than ${MAX_PHRASE_TOKENS} words` };
  return tokens.join(' ');
}

const isBreak = (token: string) => token === CLAUSE_BREAK || isSentenceBreak(token);

// --- format sniffing --------------------------------------------------------------------------------------------

const SNIFF_LINES = 20;

/** Header names of the word column, and of the score column in order of preference. */
const WORD_NAMES = ['word', 'term', 'token', 'stem', 'lemma', 'entry', 'phrase', 'expression', 'ngram', 'key', 'ord'];
const SCORE_NAMES = ['score', 'value', 'valence', 'sentiment', 'mean', 'strength', 'weight', 'rating', 'polarity'];
const headerName = (cell: string) => cell.trim().toLowerCase();
const isKnownName = (cell: string) => WORD_NAMES.includes(headerName(cell)) || SCORE_NAMES.includes(headerName(cell));

function sniffFormat(text: string, file: string, spec: UserLexiconSpec): UserLexiconFormat {
  const head: Line[] = [];
  for (const l of lines(text)) if (head.push(l) >= SNIFF_LINES) break;
  if (head.length === 0) throw configError(`${file}: no entries (only blank lines or comments). Fix: check that this is the lexicon file.`);
  if (head.some((l) => l.text.includes('\t'))) return 'tsv';
  if (sniffDelimiter(text, file, spec.column) !== undefined) return 'csv';
  // `good 3`: word and score separated by spaces, which a list would read as the phrase "good 3".
  if (head.every((l) => /\S\s+[+\-\u2212]?\d+(?:[.,]\d+)?$/.test(l.text.trim()))) {
    throw configError(`${file}:${head[0]!.line}: looks like a word and a score separated by spaces; got ${JSON.stringify(head[0]!.text)}. Fix: separate word and score with one tab (or a comma), or set "format": "list" if the numbers belong to the words.`);
  }
  return 'list';
}

/** `;` or `,` when the first records read as CSV with that delimiter: a header naming a word or score column
 *  (and at least two cells), or else a first row of two or more cells with a number in the score column and at
 *  least half of the rows like it (the odd ones are then errors naming their line). Undefined when neither does. */
function sniffDelimiter(text: string, file: string, column: number | undefined): ',' | ';' | undefined {
  const fits = (delimiter: ',' | ';'): boolean => {
    const rows: string[][] = [];
    try {
      for (const row of csvRows(text, file, delimiter)) if (rows.push(row.cells) >= SNIFF_LINES) break;
    } catch {
      return false; // a quote that never closes
    }
    const first = rows[0] ?? [];
    if (first.length < 2) return false;
    if (isHeader(first)) return true;
    const scoreAt = column !== undefined ? column - 1 : 1;
    const like = (r: string[]) => r.length === first.length && isScore(r[scoreAt] ?? '');
    return like(first) && rows.filter(like).length * 2 >= rows.length;
  };
  // The semicolon first: `word;0,5` also splits on its comma.
  return fits(';') ? ';' : fits(',') ? ',' : undefined;
}

/** A first row is a header when it names a word or score column (`word`, `stem`, `score`, …) and holds no number. */
const isHeader = (cells: string[]) => cells.some(isKnownName) && !cells.some(isScore);

function wordColumn(header: string[]): number {
  for (const name of WORD_NAMES) {
    const i = header.findIndex((h) => headerName(h) === name);
    if (i >= 0) return i;
  }
  return 0;
}

function scoreColumn(header: string[], word: number): number {
  for (const name of SCORE_NAMES) {
    const i = header.findIndex((h, k) => k !== word && headerName(h) === name);
    if (i >= 0) return i;
  }
  return word + 1;
}

// --- readers ----------------------------------------------------------------------------------------------------

type Add = (raw: string, score: number, line: number) => void;

function readList(text: string, file: string, polarity: number, add: Add): void {
  for (const { text: t, line } of lines(text)) {
    if (t.includes('\t')) {
      throw badLine(file, line, 'one word or phrase per line (a word list)', t, 'remove the tab, or read the file as "format": "tsv" (word<TAB>score) without "polarity"');
    }
    add(t.trim(), polarity, line);
  }
}

type Row = { cells: string[]; line: number; text: string };

/** A polarity label (`pos`, `negative`, …) → its sign. */
const LABEL_SIGN: Record<string, number> = { pos: 1, positive: 1, neg: -1, negative: -1 };

function readTable(text: string, file: string, format: 'tsv' | 'csv', column: number | undefined, add: Add): void {
  const delimiter = format === 'tsv' ? '\t' : (sniffDelimiter(text, file, column) ?? ',');
  const rows = format === 'tsv' ? tsvRows(text) : csvRows(text, file, delimiter);
  const first = rows.next();
  if (first.done) return;
  const firstRow = first.value;
  const header = isHeader(firstRow.cells);
  const word = header ? wordColumn(firstRow.cells) : 0;
  const score = column !== undefined ? column - 1 : header ? scoreColumn(firstRow.cells, word) : word + 1;
  if (score === word) {
    throw configError(`${file}: "column" ${column} is the word's column. Fix: give the column of the score, counted from 1.`);
  }
  // A `polarity` column of pos/neg labels beside a numeric score gives the sign (Språkbanken's Sentimentlex has
  // `neg` rows of strength +2).
  const polarityAt = header ? firstRow.cells.findIndex((h, k) => k !== score && k !== word && headerName(h) === 'polarity') : -1;
  const width = firstRow.cells.length;
  const what = format === 'tsv' ? 'word<TAB>score' : `word${delimiter}score`;
  const read = (row: Row): void => {
    if (format === 'csv' && row.cells.length !== width) {
      const hint = delimiter === ',' && row.cells.length > width ? '; a decimal comma in a comma-separated file must be quoted ("0,5"), or the file separated with ;' : '';
      throw badLine(file, row.line, `${width} cells like ${header ? 'the header' : `line ${firstRow.line}`}`, row.text, `give every row the same columns${hint}`);
    }
    if (row.cells.length < 2) throw badLine(file, row.line, what, row.text, format === 'tsv' ? 'separate word and score with one tab' : `separate word and score with ${delimiter}`);
    const rawWord = row.cells[word]!.trim();
    if (rawWord === '') throw badLine(file, row.line, `a word in column ${word + 1}`, row.text, 'fill in the word or remove the line');
    const cell = row.cells[score];
    if (cell === undefined) throw badLine(file, row.line, `a score in column ${score + 1}`, row.text, column !== undefined ? 'check "column"' : format === 'tsv' ? 'separate word and score with one tab' : 'add the score');
    let value = parseScore(cell);
    if (value === undefined) {
      const headerHint = row === firstRow ? '; if this line is a header, name its columns (word, score)' : '';
      throw badLine(file, row.line, `a number as the score in column ${score + 1}`, cell, `write the score as a number such as 2, -1.5 or 0,5${headerHint}`);
    }
    if (value < -5 || value > 5) throw badLine(file, row.line, 'a score from -5 to 5 (AFINN\'s scale, which the scorer assumes)', cell, 'rescale the file\'s scores to -5..5');
    if (polarityAt >= 0) {
      const sign = LABEL_SIGN[(row.cells[polarityAt] ?? '').trim().toLowerCase()];
      if (sign !== undefined) value = sign * Math.abs(value);
    }
    add(rawWord, value === 0 ? 0 : value, row.line); // no -0
  };
  if (!header) read(firstRow);
  for (const row of rows) read(row);
}

function* tsvRows(text: string): Generator<Row> {
  for (const { text: t, line } of lines(text)) yield { cells: t.split('\t'), line, text: t };
}

/** RFC 4180 records: quoted fields may hold the delimiter, `""` and line breaks; CRLF or LF; blank lines and lines
 *  starting with `#` (outside a quoted field) skipped. Each record with the line it starts on. */
function* csvRows(text: string, file: string, delimiter: string): Generator<Row> {
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    // At the start of a physical line.
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const physical = text.slice(i, end).replace(/\r$/, '');
    if (physical.trim() === '' || physical.trimStart().startsWith('#')) {
      i = end + 1;
      line++;
      continue;
    }
    const start = line;
    const startAt = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let done = false;
    while (!done) {
      if (i >= n) {
        if (quoted) throw badLine(file, start, 'a closing quote', text.slice(startAt, startAt + 80), 'close the quoted field, and double every quote inside it ("")');
        done = true;
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
        else if (c === '"') (quoted = false), i++;
        else {
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && cell.trim() === '') (cell = ''), (quoted = true), i++;
      else if (c === delimiter) cells.push(cell), (cell = ''), i++;
      else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
        i += c === '\r' ? 2 : 1;
        done = true;
      } else (cell += c), i++;
    }
    cells.push(cell);
    line++;
    yield { cells, line: start, text: text.slice(startAt, i).replace(/\r?\n$/, '') };
  }
}

function badLine(file: string, line: number, expected: string, got: string, fix: string): Error {
  const shown = got.length > 120 ? got.slice(0, 117) + '...' : got;
  return configError(`${file}:${line}: expected ${expected}; got ${JSON.stringify(shown)}. Fix: ${fix}.`);
}
