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

function scan(text: string, withBreaks: boolean): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFC').toLowerCase();
  TOKEN_RE.lastIndex = 0; // shared global regex: safe because the loop below never yields
  for (let m = TOKEN_RE.exec(lower); m !== null; m = TOKEN_RE.exec(lower)) {
    if (m[5] !== undefined || m[6] !== undefined) {
      const prev = out[out.length - 1];
      // No marker at the start or after a sentence end; a sentence end replaces a clause break just before it.
      if (!withBreaks || prev === undefined || prev === SENTENCE_BREAK) continue;
      const mark = m[5] !== undefined ? SENTENCE_BREAK : CLAUSE_BREAK;
      if (prev === CLAUSE_BREAK) out[out.length - 1] = mark;
      else out.push(mark);
      continue;
    }
    out.push(m[0].includes('’') ? m[0].replaceAll('’', "'") : m[0]);
  }
  return out;
}

/** Lower-cased word tokens (plus emoticons, emoji and numbers), Unicode-aware: `dårlig`, `jättenöjd` and
 *  `don't` stay whole, typographic apostrophes become `'`, hyphenated words split (`well-made` → well, made). */
export function tokenize(text: string): string[] {
  return scan(text, false);
}

/** `tokenize`, plus `SENTENCE_BREAK` and `CLAUSE_BREAK` marker tokens where punctuation ends a sentence or a
 *  clause, so that scope rules (negation, contrast) can stop there. Runs of breaks collapse into one; no marker
 *  at the start. */
export function tokenizeWithBreaks(text: string): string[] {
  return scan(text, true);
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
