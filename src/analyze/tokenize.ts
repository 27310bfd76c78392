// Text → tokens. The one place that imports natural, and only its submodules: natural's index loads dotenv,
// which prints to stdout, and stdout carries data.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { ownCopy } from '../strings.js';

/** Marker token for the end of a sentence (`.` `!` `?` or a newline) in `tokenizeWithBreaks`. */
export const SENTENCE_BREAK = '.';
/** Marker token for a clause boundary inside a sentence (`,` `;` `:` brackets, dashes). */
export const CLAUSE_BREAK = ',';

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
  if (prev === undefined || prev === SENTENCE_BREAK) return;
  if (prev === CLAUSE_BREAK) out[out.length - 1] = mark;
  else out.push(mark);
}

/** The general path: the regex above, on NFC text. */
export function scanWithRegex(text: string, withBreaks: boolean): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFC').toLowerCase();
  TOKEN_RE.lastIndex = 0; // shared global regex: safe because the loop below never yields
  for (let m = TOKEN_RE.exec(lower); m !== null; m = TOKEN_RE.exec(lower)) {
    if (m[5] !== undefined || m[6] !== undefined) {
      if (withBreaks) pushBreak(out, m[5] !== undefined ? SENTENCE_BREAK : CLAUSE_BREAK);
      continue;
    }
    out.push(m[0].includes('’') ? m[0].replaceAll('’', "'") : m[0]);
  }
  return out;
}

// Character classes of the regex, for lower-cased Latin-1 text: \p{N} holds ² ³ ¹ ¼ ½ ¾ too; \p{L} holds
// ª µ º and the letters from À to ÿ but × and ÷.
const isDigit = (c: number) => (c >= 48 && c <= 57) || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
const isAlnum = (c: number) =>
  (c >= 97 && c <= 122) || isDigit(c) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? \n
// , ; : ( ) [ ] – —
const isClauseMark = (c: number) => c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2013 || c === 0x2014;

/** Length of the emoticon at i (`:)` `;-p` `=]` `:'(` `<3` `</3`), or 0. */
function emoticonAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 60) return s.charCodeAt(i + 1) === 51 ? 2 : s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 51 ? 3 : 0; // <3 </3
  if (c !== 58 && c !== 59 && c !== 61) return 0; // : ; =
  if (c === 58 && s.charCodeAt(i + 1) === 39 && s.charCodeAt(i + 2) === 40) return 3; // :'(
  const j = s.charCodeAt(i + 1) === 45 ? i + 2 : i + 1; // optional -
  const m = s.charCodeAt(j);
  return m === 40 || m === 41 || m === 91 || m === 93 || m === 100 || m === 112 ? j + 1 - i : 0; // ( ) [ ] d p
}

const EMOJI_AT = new RegExp(`${EMOJI_PART}(?:\\u200D${EMOJI_PART})*`, 'uy');
const LETTER_AT = /[\p{L}\p{N}\p{M}]/uy;

/** The same tokens as scanWithRegex, by hand, for lower-cased text of Latin-1 letters, ’ – — and emoji (nearly
 *  every review in our languages): three times faster, and the tokenizer is the largest part of scoring. Returns
 *  undefined at the first character it does not handle (a letter beyond Latin-1, a combining mark, anything NFC
 *  would change): the regex path takes that text. A differential test holds the two paths together. */
function scanLatin1(lower: string, withBreaks: boolean, vocabulary?: Vocabulary): string[] | undefined {
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c === 58 || c === 59 || c === 61 || c === 60) {
      const len = emoticonAt(lower, i);
      if (len > 0 && !isAlnum(lower.charCodeAt(i + len))) {
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
        while (isDigit(lower.charCodeAt(k))) k++;
        let groups = 0;
        for (let sep = lower.charCodeAt(k); (sep === 46 || sep === 44) && isDigit(lower.charCodeAt(k + 1)); sep = lower.charCodeAt(k)) {
          k += 2;
          while (isDigit(lower.charCodeAt(k))) k++;
          groups++;
        }
        if (groups > 0) {
          out.push(lower.slice(i, k));
          i = k;
          continue;
        }
      }
      while (isAlnum(lower.charCodeAt(j))) j++;
      let curly = false;
      while (isApostrophe(lower.charCodeAt(j)) && isAlnum(lower.charCodeAt(j + 1))) {
        curly ||= lower.charCodeAt(j) !== 39;
        j += 2;
        while (isAlnum(lower.charCodeAt(j))) j++;
      }
      if (vocabulary && !curly) {
        out.push(vocabulary.word(lower, i, j));
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
      while (i < n && inRun(lower.charCodeAt(i))) i++;
      if (withBreaks) pushBreak(out, sentence ? SENTENCE_BREAK : CLAUSE_BREAK);
      continue;
    }
    if (c > 0xff || c === 0xa9 || c === 0xae) {
      // © and ® are emoji too (Extended_Pictographic).
      EMOJI_AT.lastIndex = i;
      const emoji = EMOJI_AT.exec(lower);
      if (emoji) {
        out.push(emoji[0]);
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

function scan(text: string, withBreaks: boolean, vocabulary?: Vocabulary): string[] {
  return scanLatin1(text.toLowerCase(), withBreaks, vocabulary) ?? scanWithRegex(text, withBreaks);
}

/** Lower-cased word tokens (plus emoticons, emoji and numbers), Unicode-aware: `dårlig`, `jättenöjd` and
 *  `don't` stay whole, typographic apostrophes become `'`, hyphenated words split (`well-made` → well, made). */
export function tokenize(text: string): string[] {
  return scan(text, false);
}

/** `tokenize`, plus `SENTENCE_BREAK` and `CLAUSE_BREAK` marker tokens where punctuation ends a sentence or a
 *  clause, so that scope rules (negation, contrast) can stop there. Runs of breaks collapse into one; no marker
 *  at the start. */
export function tokenizeWithBreaks(text: string, vocabulary?: Vocabulary): string[] {
  return scan(text, true, vocabulary);
}

/** Stands for a word that no list holds and that cannot match through its stem: no string is made for it. */
export const OTHER_WORD = '';

/** The words a lexicon pack knows, found by their characters in the text, so that the tokenizer hands back the
 *  pack's own string for them and no new string for the many words that are in no list. `keep` says which
 *  unknown words still need their text (say, for a stem lookup). */
export class Vocabulary {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;

  constructor(
    words: Iterable<string>,
    private readonly keep: (length: number, last: number, beforeLast: number) => boolean,
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
    const length = to - from;
    for (let slot = hashRange(text, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const w = this.slots[slot];
      if (w === undefined) break;
      if (w.length === length && text.startsWith(w, from)) return w;
    }
    return this.keep(length, text.charCodeAt(to - 1), text.charCodeAt(to - 2)) ? text.slice(from, to) : OTHER_WORD;
  }
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

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
