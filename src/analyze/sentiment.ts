// Text + lexicon pack → sentiment: AFINN-style term sums with the rules that make lexicon methods good (phrases,
// negation scope, intensifiers, contrast), normalised the way VADER does. Pure and synchronous.
import type { Label, Lang, SentimentResult } from '../types.js';
import type { LexiconPack } from './lexicon-pack.js';
import { CLAUSE_BREAK, SENTENCE_BREAK, tokenizeWithBreaks, Vocabulary } from './tokenize.js';

/** A score at or above this is `positive` (VADER's threshold). */
export const POSITIVE_THRESHOLD = 0.05;
/** A score at or below this is `negative`. */
export const NEGATIVE_THRESHOLD = -0.05;
/** `s / sqrt(s² + α)`: VADER's α, which maps a raw sum of ±4 (one strong word) to about ±0.72. */
export const NORMALISATION_ALPHA = 15;

/** A negated term keeps half its strength with the opposite sign: "not bad" is mildly good, not great (VADER). */
const NEGATION_FACTOR = -0.5;
/** How many tokens after a negator it reaches, unless a clause ends first. */
const NEGATION_SCOPE = 3;
/** Contrast: in the sentence, what comes after the last `but` outweighs what came before (VADER's weights). */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** The contrast word per language; `men` is only ever looked up in a Scandinavian pack. */
const CONTRAST: Record<Lang, string> = { en: 'but', nb: 'men', nn: 'men', da: 'men', sv: 'men' };
/** Inflected forms that may fall back to a stem lookup. Short words are excluded: `has` → `ha` would score. */
const inflected = (t: string) => t.endsWith('s') || t.endsWith('ed') || t.endsWith('ing');
const MIN_STEMMED_LENGTH = 5;

type Term = SentimentResult['terms'][number];

/** Score one text. Tokenises once; empty or white-space text is neutral with no terms. */
export function scoreText(text: string, pack: LexiconPack): SentimentResult {
  const { phrases, intensifierPhrases, known, vocabulary } = startsOf(pack);
  const tokens = tokenizeWithBreaks(text, vocabulary);
  const contrast = CONTRAST[pack.lang];
  const terms: Term[] = [];
  let negatedUntil = -1; // last token index a negator reaches
  let boost = 1; // product of the intensifiers right before the current token
  let sentenceStart = 0; // first entry of `terms` in the current sentence
  let contrastAt = -1; // entry of `terms` where the last contrast word in the sentence was seen

  const closeSentence = (): void => {
    if (contrastAt >= 0) {
      for (let k = sentenceStart; k < terms.length; k++) {
        terms[k]!.weight *= k < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
      }
    }
    sentenceStart = terms.length;
    contrastAt = -1;
  };
  const add = (term: string, score: number, at: number): void => {
    let weight = score * boost;
    if (at <= negatedUntil) weight *= NEGATION_FACTOR;
    boost = 1;
    if (weight !== 0) terms.push({ term, weight }); // a 0 entry (`some kind`) only blocks its words from scoring
  };

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token === SENTENCE_BREAK || token === CLAUSE_BREAK || token === contrast) {
      if (token === SENTENCE_BREAK) closeSentence();
      else if (token === contrast) contrastAt = terms.length;
      negatedUntil = -1;
      boost = 1;
      i++;
      continue;
    }
    // Most tokens are in no list at all: one lookup says so, and only the stem fallback is left to try.
    if (!known.has(token)) {
      const score = stemScore(token, pack);
      if (score !== undefined) add(token, score, i);
      else boost = 1;
      i++;
      continue;
    }
    const phrase = matchPhrase(phrases, tokens, i);
    if (phrase !== undefined) {
      add(phrase.key, phrase.value, i);
      i += phrase.length;
      continue;
    }
    const intensifier = matchPhrase(intensifierPhrases, tokens, i) ?? single(pack.intensifiers, token);
    if (intensifier !== undefined) {
      boost *= intensifier.value;
      i += intensifier.length;
      continue;
    }
    if (pack.negators.has(token)) {
      negatedUntil = i + NEGATION_SCOPE;
      boost = 1;
      i++;
      continue;
    }
    const score = termScore(token, pack);
    if (score !== undefined) add(token, score, i);
    else boost = 1; // an intensifier reaches only the word right after it
    i++;
  }
  closeSentence();

  let sum = 0;
  for (const t of terms) sum += t.weight;
  const score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  return { score, label: labelOf(score), terms };
}

/** The label for a score in [-1, 1]. */
export function labelOf(score: number): Label {
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

function termScore(token: string, pack: LexiconPack): number | undefined {
  return pack.terms.get(token) ?? stemScore(token, pack);
}

/** The score of an inflected form through its stem (`refunded` → `refund`), when the pack stems. */
function stemScore(token: string, pack: LexiconPack): number | undefined {
  if (pack.stemming === undefined || token.length < MIN_STEMMED_LENGTH || !inflected(token)) return undefined;
  return pack.stemming.terms.get(pack.stemming.stem(token));
}

type Match = { key: string; value: number; length: number };

function single(map: Map<string, number>, token: string): Match | undefined {
  const value = map.get(token);
  return value === undefined ? undefined : { key: token, value, length: 1 };
}

/** Multi-token entries as a trie of tokens: a phrase is matched by walking the tokens, no key string is built
 *  unless it matches. */
type PhraseNode = { key?: string; value?: number; next: Map<string, PhraseNode> };

function phraseTrie(map: Map<string, number>): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  for (const [key, value] of map) {
    const parts = key.split(' ');
    if (parts.length < 2) continue;
    let node = root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, (child = { next: new Map() }));
      node = child;
    }
    node.key = key;
    node.value = value;
  }
  return root;
}

/** The longest multi-token entry starting at `tokens[i]`, never across a break marker (markers are no words). */
function matchPhrase(trie: PhraseNode, tokens: string[], i: number): Match | undefined {
  let node = trie.next.get(tokens[i]!);
  let best: Match | undefined;
  for (let k = i + 1; node !== undefined && k < tokens.length; k++) {
    node = node.next.get(tokens[k]!);
    if (node?.value !== undefined) best = { key: node.key!, value: node.value, length: k - i + 1 };
  }
  return best;
}

type Starts = {
  phrases: PhraseNode;
  intensifierPhrases: PhraseNode;
  /** Every token that starts a phrase, is a term, an intensifier or a negator. */
  known: Set<string>;
  /** Every word the scorer looks at (the above, the rest of every phrase, the contrast word), for the tokenizer. */
  vocabulary: Vocabulary;
};
// Per pack; packs are treated as immutable once loaded.
const startsCache = new WeakMap<LexiconPack, Starts>();

function startsOf(pack: LexiconPack): Starts {
  let starts = startsCache.get(pack);
  if (starts === undefined) {
    const phrases = phraseTrie(pack.phrases);
    const intensifierPhrases = phraseTrie(pack.intensifiers);
    const known = new Set([...phrases.next.keys(), ...intensifierPhrases.next.keys(), ...pack.intensifiers.keys(), ...pack.negators, ...pack.terms.keys()]);
    const words = [...known, CONTRAST[pack.lang], ...[...pack.phrases.keys(), ...pack.intensifiers.keys()].flatMap((k) => k.split(' '))];
    // Unknown words keep their text only where the stem fallback may score them (at least 5 letters, ending
    // in s, ed or -ng): the check is by character codes, before any string exists.
    const stems = pack.stemming !== undefined;
    const keep = (length: number, last: number, beforeLast: number) =>
      stems && length >= MIN_STEMMED_LENGTH && (last === 115 || (last === 100 && beforeLast === 101) || (last === 103 && beforeLast === 110));
    starts = { phrases, intensifierPhrases, known, vocabulary: new Vocabulary(words, keep) };
    startsCache.set(pack, starts);
  }
  return starts;
}
