// Text → tokens. The one place that imports natural, and only its submodules: natural's index loads dotenv,
// which prints to stdout, and stdout carries data.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { ownCopy } from '../strings.js';

// Marker tokens of `tokenizeWithBreaks`: punctuation, which never makes a word token, so no marker is a word.
/** The end of a sentence (`.` `?` or a newline). */
export const SENTENCE_BREAK = '.';
/** The end of a sentence with exclamation marks: `!`, `!!` or `!!!` for one, two, three or more. */
export const EXCLAIM_BREAKS = ['!', '!!', '!!!'] as const;
/** A clause boundary inside a sentence (`,` `;` `:` brackets, dashes). */
export const CLAUSE_BREAK = ',';
/** Put before a word written in capitals (`NEVER`, two letters or more): emphasis. */
export const CAPS_MARK = '^';

export const isSentenceBreak = (token: string): boolean => token.length !== 0 && token.length <= 3 && (token === SENTENCE_BREAK || token.charCodeAt(0) === 33);
/** The sentence-end marker for a run of end punctuation with `bangs` exclamation marks. */
const sentenceEnd = (bangs: number): string => (bangs === 0 ? SENTENCE_BREAK : EXCLAIM_BREAKS[Math.min(bangs, 3) - 1]!);

// One pass, one regex, on lower-cased NFC text; the groups are tried in order:
//  1 emoticons (before punctuation takes their `:`), only when not glued to a following letter/digit (`re:do`);
//  2 emoji, with variation selector, skin tone and ZWJ sequences kept as one token;
//  3 decimal numbers (`3.5`, `4,5`), so that the dot is not a sentence end;
//  4 words: letters, digits and combining marks, with inner apostrophes (`don't`, `isn't`, `dårlig`);
//  5 sentence ends; 6 clause boundaries. Everything else (hyphens, quotes, symbols) only separates words.
const EMOJI_PART = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?`;
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:[:;=]-?[()\[\]dp]|:'\(|<\/?3)(?![\p{L}\p{N}]))`,
    `(${EMOJI_PART}(?:\\u200D${EMOJI_PART})*)`,
    String.raw`(\p{N}+(?:[.,]\p{N}+)+)`,
    String.raw`([\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*)`,
    String.raw`([.!?\n]+)`,
    String.raw`([,;:()\[\]–—]+)`,
  ].join('|'),
  'gu',
);

/** Adds a break marker: none at the start or after a sentence end; a sentence end replaces a clause break. */
function pushBreak(out: string[], mark: string): void {
  const prev = out[out.length - 1];
  if (prev === undefined || isSentenceBreak(prev)) return;
  if (prev === CLAUSE_BREAK) out[out.length - 1] = mark;
  else out.push(mark);
}

/** An emoji token without variation selectors and skin tones: 👍🏽 and ❤️ score as 👍 and ❤. */
const bareEmoji = (emoji: string): string => (emoji.length > 2 || (emoji.length === 2 && emoji.charCodeAt(1) === 0xfe0f) ? emoji.replace(EMOJI_DECORATION, '') : emoji);
const EMOJI_DECORATION = /\uFE0F|\p{Emoji_Modifier}/gu;

/** Whether `word` (as written) is in capitals: two letters or more, none lower-case. */
function isCapitals(word: string): boolean {
  let letters = 0;
  for (const ch of word) {
    const upper = ch.toUpperCase();
    const lower = ch.toLowerCase();
    if (upper === lower) continue; // a digit or an apostrophe
    if (ch !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

/** The general path: the regex above, on NFC text. */
export function scanWithRegex(text: string, withBreaks: boolean): string[] {
  const out: string[] = [];
  const written = text.normalize('NFC');
  const lower = written.toLowerCase();
  // Capitals are looked up in the text as written, where lower-casing kept every position (nearly always).
  const aligned = withBreaks && written.length === lower.length;
  TOKEN_RE.lastIndex = 0; // shared global regex: safe because the loop below never yields
  for (let m = TOKEN_RE.exec(lower); m !== null; m = TOKEN_RE.exec(lower)) {
    if (m[5] !== undefined || m[6] !== undefined) {
      if (withBreaks && !(m[5] === '.' && isAbbreviationDot(lower, aligned ? written : undefined, m.index))) pushBreak(out, m[5] !== undefined ? sentenceEnd(countBangs(m[5])) : CLAUSE_BREAK);
      continue;
    }
    if (m[2] !== undefined) {
      out.push(bareEmoji(m[2]));
      continue;
    }
    if (aligned && m[4] !== undefined && written.charCodeAt(m.index) !== lower.charCodeAt(m.index) && isCapitals(written.slice(m.index, m.index + m[0].length))) {
      out.push(CAPS_MARK);
    }
    out.push(m[0].includes('’') ? m[0].replaceAll('’', "'") : m[0]);
  }
  return out;
}

// Abbreviations whose dot does not end a sentence when lower-case text or a number follows (`f.eks. ikke`,
// `ca. 3 dager`, `e.g. this`), written without their last dot. Written by hand for tilfreds from common usage
// in the five languages. A dot glued to a letter on both sides (`t.ex`, `bl.a`, `www.shop.no`) never ends one.
const ABBREVIATIONS = new Set(
  `e.g i.e etc vs approx incl esp dept mr mrs ms dr st no
   f.eks bl.a osv o.s.v dvs d.v.s mfl m.fl m.m mm ca evt ev inkl pga ifm mht iflg ift jf jfr ang o.l mv m.v
   e.l el kl tlf vha mao m.a.o ds f.ex t.ex s.k resp bl.a fx mht nr kr`.split(/\s+/),
);

/** Whether the single `.` at `dot` belongs to an abbreviation rather than ending a sentence. `written` is the text
 *  before lower-casing, at the same positions (or undefined when lower-casing moved them). */
function isAbbreviationDot(lower: string, written: string | undefined, dot: number): boolean {
  if (!isAlnum(code(lower, dot - 1))) return false;
  const after = code(lower, dot + 1);
  if (isAlnum(after)) return true; // inside `t.ex`, `bl.a`, a web address
  let next = dot + 1;
  while (code(lower, next) === 32) next++;
  const c = code(lower, next);
  // Only a lower-case letter, a digit or a comma after it keeps the sentence going: a capital starts a new one.
  const capital = written !== undefined && code(written, next) !== c;
  if (!(c === 44 || isDigit(c) || (isAlnum(c) && !capital))) return false;
  let start = dot;
  while (start > 0 && (isAlnum(code(lower, start - 1)) || (code(lower, start - 1) === 46 && isAlnum(code(lower, start - 2))))) start--;
  return ABBREVIATIONS.has(lower.slice(start, dot));
}

function countBangs(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 33) n++;
  return n;
}

// Character classes of the regex, for lower-cased Latin-1 text: \p{N} holds ² ³ ¹ ¼ ½ ¾ too; \p{L} holds
// ª µ º and the letters from À to ÿ but × and ÷.
const inDigits = (c: number) => (c >= 48 && c <= 57) || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
const inAlnums = (c: number) =>
  (c >= 97 && c <= 122) || inDigits(c) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba;
// The two classes as a table over Latin-1, looked up once per character in the scanner's inner loops.
const DIGIT = 1;
const ALNUM = 2;
const LATIN1_CLASS = Uint8Array.from({ length: 256 }, (_, c) => (inDigits(c) ? DIGIT | ALNUM : inAlnums(c) ? ALNUM : 0));
const isDigit = (c: number) => c >= 0 && c <= 0xff && (LATIN1_CLASS[c]! & DIGIT) !== 0;
const isAlnum = (c: number) => c >= 0 && c <= 0xff && (LATIN1_CLASS[c]! & ALNUM) !== 0;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? \n
// , ; : ( ) [ ] – —
const isClauseMark = (c: number) => c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2013 || c === 0x2014;

/** The UTF-16 unit at i, or -1 past the end. Reading past the end with charCodeAt (NaN) made the compiled scanner
 *  fall back again and again, and some processes then ran it a third slower for good. */
const code = (s: string, i: number): number => (i < s.length ? s.charCodeAt(i) : -1);

/** Length of the emoticon at i (`:)` `;-p` `=]` `:'(` `<3` `</3`), or 0. */
function emoticonAt(s: string, i: number): number {
  const c = code(s, i);
  if (c === 60) return code(s, i + 1) === 51 ? 2 : code(s, i + 1) === 47 && code(s, i + 2) === 51 ? 3 : 0; // <3 </3
  if (c !== 58 && c !== 59 && c !== 61) return 0; // : ; =
  if (c === 58 && code(s, i + 1) === 39 && code(s, i + 2) === 40) return 3; // :'(
  const j = code(s, i + 1) === 45 ? i + 2 : i + 1; // optional -
  const m = code(s, j);
  return m === 40 || m === 41 || m === 91 || m === 93 || m === 100 || m === 112 ? j + 1 - i : 0; // ( ) [ ] d p
}

const EMOJI_AT = new RegExp(`${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`, 'uy');
const LETTER_AT = /[\p{L}\p{N}\p{M}]/uy;

/** The same tokens as scanWithRegex, by hand, for lower-cased text of Latin-1 letters, ’ – — and emoji (nearly
 *  every review in our languages): three times faster, and the tokenizer is the largest part of scoring. Returns
 *  undefined at the first character it does not handle (a letter beyond Latin-1, a combining mark, anything NFC
 *  would change): the regex path takes that text. A differential test holds the two paths together. */
function scanLatin1(written: string, lower: string, withBreaks: boolean, vocabulary?: Vocabulary): string[] | undefined {
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = code(lower, i);
    if (c === 58 || c === 59 || c === 61 || c === 60) {
      const len = emoticonAt(lower, i);
      if (len > 0 && !isAlnum(code(lower, i + len))) {
        out.push(lower.slice(i, i + len));
        i += len;
        continue;
      }
    }
    if (isAlnum(c)) {
      let j = i;
      if (isDigit(c)) {
        // A decimal number (3.5, 4,5): its dot is no sentence end.
        let k = i + 1;
        while (isDigit(code(lower, k))) k++;
        let groups = 0;
        for (let sep = code(lower, k); (sep === 46 || sep === 44) && isDigit(code(lower, k + 1)); sep = code(lower, k)) {
          k += 2;
          while (isDigit(code(lower, k))) k++;
          groups++;
        }
        if (groups > 0) {
          out.push(lower.slice(i, k));
          i = k;
          continue;
        }
      }
      // The word's hash for the vocabulary is taken on the way (FNV-1a over its UTF-16 units, as hashRange).
      let h = 0x811c9dc5;
      for (let w = code(lower, j); isAlnum(w); w = code(lower, ++j)) h = Math.imul(h ^ w, 0x01000193);
      let curly = false;
      while (isApostrophe(code(lower, j)) && isAlnum(code(lower, j + 1))) {
        curly ||= code(lower, j) !== 39;
        h = Math.imul(h ^ code(lower, j), 0x01000193);
        j++;
        for (let w = code(lower, j); isAlnum(w); w = code(lower, ++j)) h = Math.imul(h ^ w, 0x01000193);
      }
      // Lower-casing Latin-1 keeps every position, so the word as written is at the same place.
      if (withBreaks && code(written, i) !== c && isCapitalsAt(written, lower, i, j)) out.push(CAPS_MARK);
      if (vocabulary && !curly) {
        out.push(vocabulary.wordWithHash(lower, i, j, finishHash(h)));
      } else {
        const word = lower.slice(i, j);
        out.push(curly ? word.replaceAll('’', "'") : word);
      }
      i = j;
      continue;
    }
    if (isSentenceEnd(c) || isClauseMark(c)) {
      const sentence = isSentenceEnd(c);
      const inRun = sentence ? isSentenceEnd : isClauseMark;
      let bangs = 0;
      const runStart = i;
      for (; i < n && inRun(code(lower, i)); i++) if (code(lower, i) === 33) bangs++;
      if (withBreaks && !(c === 46 && i === runStart + 1 && isAbbreviationDot(lower, written, runStart))) pushBreak(out, sentence ? sentenceEnd(bangs) : CLAUSE_BREAK);
      continue;
    }
    if (c > 0xff || c === 0xa9 || c === 0xae) {
      // © and ® are emoji too (Extended_Pictographic).
      EMOJI_AT.lastIndex = i;
      const emoji = EMOJI_AT.exec(lower);
      if (emoji) {
        out.push(bareEmoji(emoji[0]));
        i += emoji[0].length;
        continue;
      }
      if (c > 0xff) {
        const ch = String.fromCodePoint(lower.codePointAt(i)!);
        LETTER_AT.lastIndex = i;
        if (LETTER_AT.test(lower) || ch.normalize('NFC') !== ch) return undefined;
        i += ch.length;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Whether written[i, j) (a word of Latin-1 letters and digits, the first one upper-case) is in capitals:
 *  two letters or more, none lower-case. */
function isCapitalsAt(written: string, lower: string, i: number, j: number): boolean {
  let letters = 0;
  for (let k = i; k < j; k++) {
    const w = code(written, k);
    if (isDigit(w) || isApostrophe(w)) continue;
    if (w === code(lower, k)) {
      if (w === 0xdf || w === 0xaa || w === 0xb5 || w === 0xba) continue; // ß ª µ º have no capital of their own
      return false;
    }
    letters++;
  }
  return letters >= 2;
}

function scan(text: string, withBreaks: boolean, vocabulary?: Vocabulary): string[] {
  return scanLatin1(text, text.toLowerCase(), withBreaks, vocabulary) ?? scanWithRegex(text, withBreaks);
}

/** Lower-cased word tokens (plus emoticons, emoji and numbers), Unicode-aware: `dårlig`, `jättenöjd` and
 *  `don't` stay whole, typographic apostrophes become `'`, hyphenated words split (`well-made` → well, made). */
export function tokenize(text: string): string[] {
  return scan(text, false);
}

/** `tokenize`, plus marker tokens: `SENTENCE_BREAK` (or an `EXCLAIM_BREAKS` one) and `CLAUSE_BREAK` where
 *  punctuation ends a sentence or a clause, so that scope rules (negation, contrast) can stop there, and
 *  `CAPS_MARK` before a word in capitals. Runs of breaks collapse into one; no break marker at the start. */
export function tokenizeWithBreaks(text: string, vocabulary?: Vocabulary): string[] {
  return scan(text, true, vocabulary);
}

/** Stands for a word that no list holds and that cannot match through its stem: no string is made for it. */
export const OTHER_WORD = '';

/** The words a lexicon pack knows, found by their characters in the text, so that the tokenizer hands back the
 *  pack's own string for them and no new string for the many words that are in no list. `keep` says which
 *  unknown words still need their text (say, for a stem lookup). Kept words that turn out to mean nothing (no
 *  stem, compound or topic reading) are learned, so that their next occurrence is OTHER_WORD again: in the
 *  compounding languages every word of five letters or more is kept, and most of them are such words. */
export class Vocabulary {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;
  /** Learned words that mean nothing, an open-addressing table like `slots`; emptied when half full, so that a
   *  long tail of rare words cannot grow it. */
  private readonly nothing: (string | undefined)[] = new Array<string | undefined>(LEARNED_SLOTS);
  private learned = 0;

  constructor(
    words: Iterable<string>,
    private readonly keep: (text: string, from: number, to: number) => boolean,
  ) {
    const list = [...new Set(words)];
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.slots = new Array<string | undefined>(size);
    this.mask = size - 1;
    for (const w of list) {
      let slot = hashRange(w, 0, w.length) & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = w;
    }
  }

  /** The token for text[from, to): the known string, the text itself when `keep` wants it, else OTHER_WORD. */
  word(text: string, from: number, to: number): string {
    return this.wordWithHash(text, from, to, hashRange(text, from, to));
  }

  /** `word`, with the hash of text[from, to) already taken (hashRange's). */
  wordWithHash(text: string, from: number, to: number, hash: number): string {
    const length = to - from;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const w = this.slots[slot];
      if (w === undefined) break;
      if (w.length === length && text.startsWith(w, from)) return w;
    }
    if (!this.keep(text, from, to)) return OTHER_WORD;
    for (let slot = hash & LEARNED_MASK; ; slot = (slot + 1) & LEARNED_MASK) {
      const w = this.nothing[slot];
      if (w === undefined) break;
      if (w.length === length && text.startsWith(w, from)) return OTHER_WORD;
    }
    return text.slice(from, to);
  }

  /** Remembers a kept word that means nothing: from now on the tokenizer makes no string for it. */
  learnNothing(word: string): void {
    if (this.learned >= LEARNED_SLOTS / 2) {
      this.nothing.fill(undefined);
      this.learned = 0;
    }
    let slot = hashRange(word, 0, word.length) & LEARNED_MASK;
    while (this.nothing[slot] !== undefined) {
      if (this.nothing[slot] === word) return;
      slot = (slot + 1) & LEARNED_MASK;
    }
    this.nothing[slot] = word;
    this.learned++;
  }
}

const LEARNED_SLOTS = 1 << 16;
const LEARNED_MASK = LEARNED_SLOTS - 1;

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finishHash(h);
}

const finishHash = (h: number): number => (h ^ (h >>> 15)) >>> 0;

/** Sentences, trimmed, terminal punctuation kept: a split after `.` `!` `?` followed by white space, and at every
 *  line break. Deliberately simple: `3.5 stars` stays whole, `e.g. this` splits. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\s*\n\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// Stemming is ~2 µs a word; review vocabulary is small and repetitive, so memoise (with copies of the words:
// see strings.ts). Bounded: a batch job
// must not grow without limit on a long tail of typos, so the memo starts over when full.
const STEM_MEMO_MAX = 50_000;
const stemMemo = new Map<string, string>();

/** English Porter stem (natural's), memoised: `refunded` → `refund`. */
export function stemEnglish(word: string): string {
  let stem = stemMemo.get(word);
  if (stem === undefined) {
    if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.clear();
    stem = ownCopy(PorterStemmer.stem(word));
    stemMemo.set(ownCopy(word), stem);
  }
  return stem;
}
