// Text + lexicon pack → sentiment: AFINN-style term sums with the rules that make lexicon methods good, each
// measured with `tilfreds eval` (README, "Sentiment"): phrases before words, negation with a scope, intensifiers
// and dampeners, contrast (`but`: the clause after weighs more; `although`: the clause it opens weighs less),
// emphasis (a word in capitals, `!`), emoji and emoticons (every pack has them). Sentences are scored one by one
// and summed into the text's score, normalised the way VADER does. Every contribution is kept with the rule that
// shaped it, so that a score can be explained term by term. Pure and synchronous.
import type { Label, SentimentResult, TermHit, TopicSentiment } from '../types.js';
import type { Calibration, Compounds, LexiconPack } from './lexicon-pack.js';
import type { TopicTerms } from './topics.js';
import { ownCopy } from '../strings.js';
import { boundedMemo } from '../memo.js';
import { CAPS_MARK, CLAUSE_BREAK, EXCLAIM_BREAKS, SENTENCE_BREAK, tokenizeWithBreaks, Vocabulary } from './tokenize.js';

/** A pack's calibration (its manifest's `calibration`) when it declares none: VADER's neutral band, no
 *  negativity weight. */
export const DEFAULT_CALIBRATION: Calibration = { negativity: 1, positiveFrom: 0.05, negativeTo: -0.05 };
/** `s / sqrt(s² + α)`: VADER's α, which maps a raw sum of ±4 (one strong word) to about ±0.72. */
export const NORMALISATION_ALPHA = 15;

/** A raw sum of contributions as a score in (-1, 1), VADER's way. */
export const normalise = (sum: number): number => sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);

/** A negated term keeps half its strength with the opposite sign: "not bad" is mildly good, not great (VADER). */
export const NEGATION_FACTOR = -0.5;
/** How many tokens after a negator it reaches, unless a clause ends first. */
const NEGATION_SCOPE = 3;
/** Contrast: in the sentence, what comes after the last `but` outweighs what came before (VADER's weights). A
 *  `but` or `however` that opens a sentence contrasts it with the sentence before. */
export const BEFORE_CONTRAST = 0.5;
export const AFTER_CONTRAST = 1.5;
/** Concession: the clause `although` opens weighs this much; the rest of its sentence AFTER_CONTRAST. */
export const CONCESSION = 0.5;
/** A word in capitals in a text that is not all capitals (VADER adds 0.733 to a word of about 2). */
export const CAPS_FACTOR = 1.35;
/** Each `!` at a sentence's end (up to three) adds this in the direction of the sentence's sum (VADER: 0.292). */
export const EXCLAIM_BONUS = 0.3;
/** Inflected forms that may fall back to a stem lookup. Short words are excluded: `has` → `ha` would score. */
const inflected = (t: string) => t.endsWith('s') || t.endsWith('ed') || t.endsWith('ing');
const MIN_STEMMED_LENGTH = 5;

/** Score one text. Tokenises once; empty or white-space text is neutral with no terms. */
export function scoreText(text: string, pack: LexiconPack): SentimentResult {
  const { words, vocabulary } = startsOf(pack);
  const tokens = tokenizeWithBreaks(text, vocabulary);
  const state = new TextState();
  const terms = state.terms;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    // One lookup tells what a token can be; most are in no list at all (OTHER_WORD, the empty string, or a word
    // kept only for the stem fallback).
    const info = token.length === 0 ? undefined : words.get(token);
    if (info === undefined) {
      const reading = token.length === 0 ? NOTHING : readingOf(token, pack);
      if (reading.topics !== undefined) state.mention(reading.topics, i);
      const score = reading.score;
      if (score !== undefined) state.add(token, score, i);
      else state.boost = 1;
      state.caps = false;
      i++;
      continue;
    }
    if (info.mark !== MARK_NONE) {
      if (info.mark === MARK_CAPS) state.caps = true;
      else {
        if (info.mark === MARK_SENTENCE) state.closeSentence(info.bangs);
        else {
          state.closeClause();
          state.nextClause(false);
        }
        state.endScopes();
      }
      i++;
      continue;
    }
    if (info.topics !== undefined || info.topicPhrases !== undefined) noteTopics(info, tokens, i, state);
    const phrase = info.phrases && matchPhrase(info.phrases, tokens, i);
    if (phrase) {
      state.add(phrase.key, phrase.value, i, i + phrase.length - 1);
      if (pack.topics !== undefined) noteTopicsWithin(words, tokens, i + 1, i + phrase.length, state, pack);
      i += phrase.length;
      continue;
    }
    const contrast = (info.contrastPhrases && matchPhrase(info.contrastPhrases, tokens, i)) || (info.contrast !== 0 ? single(token, info.contrast) : undefined);
    if (contrast) {
      state.nextClause(true);
      state.contrast(contrast.key, contrast.value);
      state.endScopes();
      if (contrast.length > 1 && pack.topics !== undefined) noteTopicsWithin(words, tokens, i + 1, i + contrast.length, state, pack);
      i += contrast.length;
      continue;
    }
    const boosting = (info.intensifierPhrases && matchPhrase(info.intensifierPhrases, tokens, i)) || (info.intensifier !== 0 ? single(token, info.intensifier) : undefined);
    if (boosting) {
      state.boost *= boosting.value;
      state.intensifier = boosting.key;
      state.caps = false;
      if (boosting.length > 1 && pack.topics !== undefined) noteTopicsWithin(words, tokens, i + 1, i + boosting.length, state, pack);
      i += boosting.length;
      continue;
    }
    if (info.negator) {
      if (pack.negatesPreceding > 0) state.negateBack(i - pack.negatesPreceding, token);
      state.negatedUntil = i + NEGATION_SCOPE;
      state.negator = token;
      state.boost = 1;
      state.caps = false;
      i++;
      continue;
    }
    // A word known only as a topic word is scored as any word in no list would be.
    const score = info.score ?? (info.topicOnly ? readingOf(token, pack).score : stemScore(token, pack));
    if (score !== undefined) state.add(token, score, i);
    else state.boost = 1; // an intensifier reaches only the word right after it
    state.caps = false;
    i++;
  }
  state.closeSentence(0);

  // Capitals are emphasis only against lower-case: a text written all in capitals shouts nothing in particular.
  if (state.capsTerms > 0 && text.toUpperCase() === text) {
    for (const t of terms) if (t.caps) t.weight /= CAPS_FACTOR;
  }
  // Negative contributions count `negativity` times, after every other rule: what a rating follows is the
  // complaint among the praise (the pack's calibration says how much; README, "Sentiment").
  const { negativity } = pack.calibration;
  let sum = 0;
  for (const t of terms) {
    if (t.weight < 0) t.weight *= negativity;
    sum += t.weight;
  }
  const score = normalise(sum);
  const topics = state.mentionAt.length === 0 ? NO_TOPICS : topicSentiments(state);
  return { score, label: labelOf(score, pack.calibration), terms, topics };
}

/** Shared by every text that names no topic: one array, never written to. */
const NO_TOPICS: TopicSentiment[] = [];
Object.freeze(NO_TOPICS);

/** Each topic's sentiment from its own clauses. A term counts for the nearest mention in its clause (so that
 *  "great food and terrible service" gives each its own word); a mention whose clause gave it no term takes the
 *  clause's sum ("the food and service were great"), or a neighbouring clause's (see neighbourSum). Contrast and
 *  concession weights apply as in the text's score; `!` marks do not (they belong to no clause). Labels use the
 *  narrow default band (±0.05), not the pack's document calibration: any net judgement of a topic counts. */
function topicSentiments(state: TextState): TopicSentiment[] {
  const { terms, termAt, termLast, termClause, mentionAt, mentionClause, mentionTopics, clauseSentence, clauseSegment } = state;
  const n = mentionAt.length;
  const clauses = clauseSentence.length;
  // Scratch arrays shared by every call (typed arrays are costly to allocate per text), zeroed for this one.
  const own = scratch.take(0, n);
  const got = scratch.take(1, n);
  /** The word that names a topic may carry a score of its own (`refund`, `on hold`): it says the topic came up
   *  in a complaint, not how it went, so it counts for its topic only when nothing else in reach does. */
  const self = scratch.take(2, n);
  const clauseSum = scratch.take(3, clauses);
  const clauseMentioned = scratch.take(4, clauses);
  // Mentions come in token order, so each clause's mentions are a run: clause c has mentions [first[c], first[c + 1]).
  const first = scratch.take(5, clauses + 1);
  for (let c = 0, m = 0; c <= clauses; c++) {
    while (m < n && mentionClause[m]! < c) m++;
    first[c] = m;
    if (c > 0 && first[c]! > first[c - 1]!) clauseMentioned[c - 1] = 1;
  }
  for (let k = 0; k < terms.length; k++) {
    const at = termAt[k]!;
    if (at < 0) continue;
    const clause = termClause[k]!;
    const w = terms[k]!.weight;
    const from = first[clause]!;
    const to = first[clause + 1]!;
    // A term (a word or a phrase) that holds a mention's word names that topic.
    const last = termLast[k]!;
    let named = -1;
    for (let m = from; m < to && named < 0; m++) if (mentionAt[m]! >= at && mentionAt[m]! <= last) named = m;
    if (named >= 0) {
      self[named]! += w;
      continue;
    }
    clauseSum[clause]! += w;
    let best = -1;
    let bestDistance = Infinity;
    for (let m = from; m < to; m++) {
      // On a tie the later mention: a word between two mentions usually qualifies the one after it
      // ("great price and terrible service", "god pris, dårlig kundeservice").
      const d = Math.abs(mentionAt[m]! - at);
      if (d <= bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    if (best >= 0) {
      own[best]! += w;
      got[best] = 1;
    }
  }
  const out: TopicSentiment[] = [];
  for (let m = 0; m < n; m++) {
    const clause = mentionClause[m]!;
    let sum = own[m]!;
    if (got[m] === 0) {
      // Borrow from the clause only when no other mention of the same topics there has terms of its own.
      let covered = false;
      for (let o = first[clause]!, to = first[clause + 1]!; o < to && !covered; o++) covered = o !== m && got[o] === 1 && sameTopics(mentionTopics[o]!, mentionTopics[m]!);
      sum = covered ? 0 : clauseSum[clause] !== 0 ? clauseSum[clause]! : neighbourSum(clause, clauseSum, clauseMentioned, clauseSentence, clauseSegment);
      if (sum === 0 && !covered) sum = self[m]!;
    }
    for (const topic of mentionTopics[m]!) addToTopic(out, topic, sum, 1);
  }
  return labelTopics(out);
}

/** Adds a mention's sum to its topic's entry in `topics` (a text names few topics: a list beats a Map). */
function addToTopic(topics: TopicSentiment[], topic: string, sum: number, mentions: number): void {
  for (const t of topics) {
    if (t.topic === topic) {
      t.sum += sum;
      t.mentions += mentions;
      return;
    }
  }
  topics.push({ topic, sum, score: 0, label: 'neutral', mentions });
}

/** Scores and labels from the sums. */
function labelTopics(topics: TopicSentiment[]): TopicSentiment[] {
  for (const t of topics) {
    t.score = normalise(t.sum);
    t.label = labelOf(t.score);
  }
  return topics;
}

/** For a mention whose clause has no sentiment: the nearest clause with sentiment between the same contrast words
 *  (a list), else a clause of the sentence beyond them that names no topic of its own; else 0 (neutral). */
function neighbourSum(clause: number, sums: Float64Array, mentioned: Float64Array, sentenceOf: readonly number[], segmentOf: readonly number[]): number {
  const sentence = sentenceOf[clause];
  const segment = segmentOf[clause];
  // A list ("great food, wine, and service"): the nearest clause of the segment with sentiment, the next first.
  const clauses = sentenceOf.length;
  for (let c = clause + 1; c < clauses && segmentOf[c] === segment; c++) if (sums[c] !== 0) return sums[c]!;
  for (let c = clause - 1; c >= 0 && segmentOf[c] === segment; c--) if (sums[c] !== 0) return sums[c]!;
  // Past a contrast word, only into clauses that name no topic of their own ("the service, however, was slow").
  for (let c = clause + 1; c < clauses && sentenceOf[c] === sentence; c++) {
    if (mentioned[c] === 1) break;
    if (sums[c] !== 0) return sums[c]!;
  }
  for (let c = clause - 1; c >= 0 && sentenceOf[c] === sentence; c--) {
    if (mentioned[c] === 1) break;
    if (sums[c] !== 0) return sums[c]!;
  }
  return 0;
}

/** Reusable zeroed Float64Arrays by slot: `take(slot, n)` gives the slot's array with its first n values 0. */
const scratch = {
  arrays: [] as Float64Array[],
  take(slot: number, n: number): Float64Array {
    let a = this.arrays[slot];
    if (a === undefined || a.length < n) this.arrays[slot] = a = new Float64Array(Math.max(64, 2 * n));
    a.fill(0, 0, n);
    return a;
  },
};

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The topic mention that starts at tokens[i] (a phrase before a word), unless a phrase already covered it. */
function noteTopics(info: WordInfo, tokens: string[], i: number, state: TextState): void {
  if (i <= state.topicsCoveredTo) return;
  if (info.topicPhrases !== undefined) {
    const phrase = matchTopicPhrase(info.topicPhrases, tokens, i);
    if (phrase !== undefined) {
      state.mention(phrase.topics, i);
      state.topicsCoveredTo = i + phrase.length - 1;
      return;
    }
  }
  if (info.topics !== undefined) state.mention(info.topics, i);
}

/** Topic mentions among tokens [from, to) that a sentiment, contrast or intensifier phrase consumed. */
function noteTopicsWithin(words: Map<string, WordInfo>, tokens: string[], from: number, to: number, state: TextState, pack: LexiconPack): void {
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    const info = words.get(token);
    if (info !== undefined) {
      if (info.topics !== undefined || info.topicPhrases !== undefined) noteTopics(info, tokens, k, state);
    } else if (token.length !== 0 && k > state.topicsCoveredTo) {
      // A word that is only the inner part of a phrase (`leverans` in `snabb leverans`) has no entry of its own.
      const found = readingOf(token, pack).topics;
      if (found !== undefined) state.mention(found, k);
    }
  }
}

/** The scorer's state within one text: the scopes that are open and where the current sentence's terms begin.
 *  A class rather than closures over local variables: one allocation per text, fields the compiler can see. */
class TextState {
  readonly terms: TermHit[] = [];
  /** Per entry of `terms`: its first and last token index (-1 for a rule mark) and its clause. */
  readonly termAt: number[] = [];
  readonly termLast: number[] = [];
  readonly termClause: number[] = [];
  /** Topic mentions: their topics, token index and clause. */
  readonly mentionTopics: (readonly string[])[] = [];
  readonly mentionAt: number[] = [];
  readonly mentionClause: number[] = [];
  /** The sentence of each clause. Clauses end at clause marks, contrast words and sentence ends. */
  readonly clauseSentence: number[] = [0];
  /** The segment of each clause: the part of its sentence between contrast words. */
  readonly clauseSegment: number[] = [0];
  /** The last token a matched topic phrase covers. */
  topicsCoveredTo = -1;
  /** Last token index the latest negator reaches, and that negator. */
  negatedUntil = -1;
  negator: string | undefined = undefined;
  /** Product of the intensifiers right before the current token, and the last of them. */
  boost = 1;
  intensifier: string | undefined = undefined;
  /** The next word is in capitals. */
  caps = false;
  capsTerms = 0;
  /** First entry of `terms` in the sentence before, and in the current one. */
  private previousStart = 0;
  private sentenceStart = 0;
  /** Entry of `terms` where the last `but` in the sentence was seen. */
  private contrastAt = -1;
  /** Entries of the clause an `although` opened: [from, to). */
  private concessionFrom = -1;
  private concessionTo = -1;

  /** Token index of the last term added in this clause (-1: none). */
  private lastTermAt = -1;

  /** A negator after the verb ("fungerer ikke", "gillar den inte") flips the term at or after token `from`, when
   *  it is the last term of the clause and not negated already. */
  negateBack(from: number, negator: string): void {
    const last = this.terms[this.terms.length - 1];
    if (this.lastTermAt >= from && last !== undefined && last.rule === 'term' && last.negator === undefined) {
      last.weight *= NEGATION_FACTOR;
      last.negator = negator;
      last.negatorAfter = true;
    }
  }

  mention(topics: readonly string[], at: number): void {
    this.mentionTopics.push(topics);
    this.mentionAt.push(at);
    this.mentionClause.push(this.clauseSentence.length - 1);
  }

  /** A clause mark (`,`), or a contrast word, which also opens a new segment. */
  nextClause(contrast: boolean): void {
    this.clauseSentence.push(this.clauseSentence[this.clauseSentence.length - 1]!);
    this.clauseSegment.push(this.clauseSegment[this.clauseSegment.length - 1]! + (contrast ? 1 : 0));
  }

  private push(hit: TermHit, at: number, last = at): void {
    this.terms.push(hit);
    this.termAt.push(at);
    this.termLast.push(last);
    this.termClause.push(this.clauseSentence.length - 1);
  }

  /** A term over tokens [at, last]. */
  add(term: string, score: number, at: number, last = at): void {
    let weight = score * this.boost;
    const negated = at <= this.negatedUntil;
    if (negated) weight *= NEGATION_FACTOR;
    if (this.caps) {
      weight *= CAPS_FACTOR;
      this.capsTerms++;
    }
    // A 0 entry (`some kind`) only blocks its words from scoring.
    if (weight !== 0) {
      this.push({ term, weight, negator: negated ? this.negator : undefined, negatorAfter: false, intensifier: this.boost !== 1 ? this.intensifier : undefined, caps: this.caps, rule: 'term' }, at, last);
      this.lastTermAt = at;
    }
    this.boost = 1;
    this.caps = false;
  }

  contrast(word: string, kind: number): void {
    const terms = this.terms;
    if (kind === CONTRAST_BUT) {
      // Opening its sentence, it turns against the sentence before.
      if (terms.length === this.sentenceStart && this.sentenceStart > this.previousStart) this.weigh(this.previousStart, this.sentenceStart, BEFORE_CONTRAST);
      this.contrastAt = terms.length;
      this.push(ruleHit(word, 0, 'contrast'), -1);
    } else if (this.concessionFrom < 0) {
      this.concessionFrom = terms.length;
      this.push(ruleHit(word, 0, 'concession'), -1);
    }
  }

  endScopes(): void {
    this.negatedUntil = -1;
    this.lastTermAt = -1;
    this.boost = 1;
    this.caps = false;
  }

  closeClause(): void {
    if (this.concessionFrom >= 0 && this.concessionTo < 0) this.concessionTo = this.terms.length;
  }

  closeSentence(bangs: number): void {
    const terms = this.terms;
    const start = this.sentenceStart;
    this.closeClause();
    const { contrastAt, concessionFrom, concessionTo } = this;
    if (contrastAt >= 0) {
      this.weigh(start, contrastAt, BEFORE_CONTRAST);
      this.weigh(contrastAt, terms.length, AFTER_CONTRAST);
    } else if (concessionFrom >= 0) {
      if (concessionTo - concessionFrom > 1 && terms.length - start > concessionTo - concessionFrom) {
        // Only when both the concession and the rest of the sentence carry terms: "Although cheap, it broke".
        this.weigh(start, concessionFrom, AFTER_CONTRAST);
        this.weigh(concessionFrom, concessionTo, CONCESSION);
        this.weigh(concessionTo, terms.length, AFTER_CONTRAST);
      } else {
        // Nothing weighed: no mark in the explanation.
        terms.splice(concessionFrom, 1);
        this.termAt.splice(concessionFrom, 1);
        this.termLast.splice(concessionFrom, 1);
        this.termClause.splice(concessionFrom, 1);
      }
    }
    if (bangs > 0) {
      let sum = 0;
      for (let k = start; k < terms.length; k++) sum += terms[k]!.weight;
      if (sum !== 0) this.push(ruleHit(bangs === 1 ? '!' : bangs === 2 ? '!!' : '!!!', Math.sign(sum) * EXCLAIM_BONUS * bangs, 'exclaim'), -1);
    }
    // The next sentence opens a clause of its own.
    this.clauseSentence.push(this.clauseSentence[this.clauseSentence.length - 1]! + 1);
    this.clauseSegment.push(this.clauseSegment[this.clauseSegment.length - 1]! + 1);
    this.previousStart = start;
    this.sentenceStart = terms.length;
    this.contrastAt = this.concessionFrom = this.concessionTo = -1;
  }

  private weigh(from: number, to: number, factor: number): void {
    for (let k = from; k < to; k++) this.terms[k]!.weight *= factor;
  }
}

function ruleHit(term: string, weight: number, rule: TermHit['rule']): TermHit {
  return { term, weight, negator: undefined, negatorAfter: false, intensifier: undefined, caps: false, rule };
}

/** One result for texts scored apart (the sentences of a mixed-language text, each in its language's pack): their
 *  contributions in order, summed and normalised as one text's, labelled by `calibration`. */
export function combineResults(parts: readonly SentimentResult[], calibration: Calibration): SentimentResult {
  const terms = parts.flatMap((p) => p.terms);
  let sum = 0;
  for (const t of terms) sum += t.weight;
  const score = normalise(sum);
  const topics: TopicSentiment[] = [];
  for (const p of parts) for (const t of p.topics) addToTopic(topics, t.topic, t.sum, t.mentions);
  return { score, label: labelOf(score, calibration), terms, topics: topics.length === 0 ? NO_TOPICS : labelTopics(topics) };
}

/** The label for a score in [-1, 1]: positive from `positiveFrom` up, negative from `negativeTo` down. */
export function labelOf(score: number, { positiveFrom, negativeTo }: Calibration = DEFAULT_CALIBRATION): Label {
  if (score >= positiveFrom) return 'positive';
  if (score <= negativeTo) return 'negative';
  return 'neutral';
}

/** `not→very→good(-1.95) but×1.5 GREAT(+5.4) !(+0.3)`, `liker←ikke(-1)`: the terms and rules behind a score, in
 *  text order (a negator after its term points back at it); the numbers are the contributions to the raw sum, so
 *  they add up to it. */
export function explain(terms: readonly TermHit[]): string {
  let out = '';
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (i > 0) out += ' ';
    if (t.rule === 'contrast') out += `${t.term}×${AFTER_CONTRAST}`;
    else if (t.rule === 'concession') out += `${t.term}×${CONCESSION}`;
    else {
      if (t.negator !== undefined && !t.negatorAfter) out += t.negator + '→';
      if (t.intensifier !== undefined) out += t.intensifier + '→';
      out += t.caps ? t.term.toUpperCase() : t.term;
      if (t.negatorAfter) out += '←' + t.negator!;
      out += '(' + signed(t.weight) + ')';
    }
  }
  return out;
}

/** A weight to two decimals with its sign (`+1.5`, `0`, `-0.75`), memoised. */
const signed = boundedMemo((x: number): string => {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? `+${r}` : r === 0 ? '0' : String(r);
}, 10_000);

/** The score of an inflected form through its stem (`refunded` → `refund`), when the pack stems. */
function stemScore(token: string, pack: LexiconPack): number | undefined {
  if (pack.stemming === undefined || token.length < MIN_STEMMED_LENGTH || !inflected(token)) return undefined;
  return pack.stemming.terms.get(pack.stemming.stem(token));
}

/** What a word in no list can still be: a score through its stem or through the pack's word formation
 *  (compounds.tsv: an ending stripped to reach a listed word, an intensifying or negating prefix glued to one, or
 *  a listed word as the head of a compound), and the topics it names by a listed beginning or as a compound's
 *  head. One memo per pack for both: review vocabulary repeats, and a miss costs a dozen lookups. Bounded: a batch
 *  job must not grow without limit on typos. */
type Reading = { score: number | undefined; topics: readonly string[] | undefined };
const NOTHING: Reading = { score: undefined, topics: undefined };
const readingMemos = new WeakMap<LexiconPack, Map<string, Reading>>();
const READING_MEMO_MAX = 50_000;

function readingOf(word: string, pack: LexiconPack): Reading {
  let memo = readingMemos.get(pack);
  if (memo === undefined) readingMemos.set(pack, (memo = new Map()));
  let reading = memo.get(word);
  if (reading === undefined) {
    const { compounds, topics } = pack;
    const score = stemScore(word, pack) ?? (compounds !== undefined && word.length >= MIN_COMPOUND_LENGTH ? readCompound(word, pack.terms, compounds) : undefined);
    const named = topics === undefined ? undefined : readWordTopics(word, topics, compounds);
    reading = score === undefined && named === undefined ? NOTHING : { score, topics: named };
    if (memo.size >= READING_MEMO_MAX) memo.clear();
    const own = ownCopy(word);
    memo.set(own, reading);
    if (reading === NOTHING) startsOf(pack).vocabulary.learnNothing(own);
  }
  return reading;
}

const MIN_COMPOUND_LENGTH = 5;
/** The shortest listed word a prefix may be glued to. */
const MIN_PART = 4;
/** The shortest listed word an ending may be stripped to, a compound may end in, and the shortest first part of
 *  a compound: shorter ones matched by accident (measured on NoReC: `verda` read as `verd` + a, `nettopp` as
 *  net + `topp`, `engelske` as eng + `elske`). */
const MIN_BASE = 5;
const MIN_MODIFIER = 4;

function readCompound(word: string, terms: Map<string, number>, { suffixes, prefixes }: Compounds): number | undefined {
  const inflected = (w: string): number | undefined => {
    const direct = terms.get(w);
    if (direct !== undefined) return direct;
    for (const suffix of suffixes) {
      if (w.length - suffix.length >= MIN_BASE && w.endsWith(suffix)) {
        const base = terms.get(w.slice(0, w.length - suffix.length));
        if (base !== undefined) return base;
      }
    }
    return undefined;
  };
  const base = inflected(word);
  if (base !== undefined) return base;
  for (const { affix, factor } of prefixes) {
    if (word.length - affix.length >= MIN_PART && word.startsWith(affix)) {
      const rest = inflected(word.slice(affix.length));
      if (rest !== undefined) return rest * factor;
    }
  }
  // The head of a compound: the longest listed tail after a first part of at least four letters.
  for (let k = MIN_MODIFIER; k <= word.length - MIN_BASE; k++) {
    const head = inflected(word.slice(k));
    if (head !== undefined) return head;
  }
  return undefined;
}

/** Contrast kinds as values in the pack's contrast map (see LexiconPack.contrast). */
export const CONTRAST_BUT = 1;
export const CONTRAST_ALTHOUGH = 2;

type Match = { key: string; value: number; length: number };

const single = (key: string, value: number): Match => ({ key, value, length: 1 });

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

/** The longest multi-token entry starting at `tokens[i]`, given the trie node of that first token; never across a
 *  marker (markers are no words). */
function matchPhrase(first: PhraseNode, tokens: string[], i: number): Match | undefined {
  let node: PhraseNode | undefined = first;
  let best: Match | undefined;
  for (let k = i + 1; node !== undefined && k < tokens.length; k++) {
    // The capitals marker is no word: `MUST TRY` is the phrase `must try`.
    if (tokens[k] === CAPS_MARK) continue;
    node = node.next.get(tokens[k]!);
    if (node?.value !== undefined) best = { key: node.key!, value: node.value, length: k - i + 1 };
  }
  return best;
}

/** What a token can be, found with one lookup: a marker, or a word with every role it has in the pack. */
type WordInfo = {
  mark: number;
  /** For a sentence end: its exclamation marks. */
  bangs: number;
  /** The tries of the phrases, contrast phrases and intensifier phrases this word starts (at its node). */
  phrases: PhraseNode | undefined;
  contrastPhrases: PhraseNode | undefined;
  intensifierPhrases: PhraseNode | undefined;
  /** CONTRAST_BUT, CONTRAST_ALTHOUGH or 0; the intensifier's multiplier or 0. */
  contrast: number;
  intensifier: number;
  negator: boolean;
  score: number | undefined;
  /** The topics the word names (listed, by a listed beginning, or as a compound's head), and the trie of the
   *  topic phrases it starts. */
  topics: readonly string[] | undefined;
  topicPhrases: TopicNode | undefined;
  /** In the map only for its topics (no sentiment role): scored as a word in no list. */
  topicOnly: boolean;
};
const MARK_NONE = 0;
const MARK_CAPS = 1;
const MARK_SENTENCE = 2;
const MARK_CLAUSE = 3;

type Starts = {
  /** Every marker and every word the pack knows (as a term, or as the start of a phrase, an intensifier, a
   *  contrast word or a negator). */
  words: Map<string, WordInfo>;
  /** Every word the scorer looks at (the above and the rest of every phrase), for the tokenizer. */
  vocabulary: Vocabulary;
};
// Per pack; packs are treated as immutable once loaded.
const startsCache = new WeakMap<LexiconPack, Starts>();

function startsOf(pack: LexiconPack): Starts {
  let starts = startsCache.get(pack);
  if (starts === undefined) {
    const phrases = phraseTrie(pack.phrases);
    const intensifierPhrases = phraseTrie(pack.intensifiers);
    const contrastPhrases = phraseTrie(pack.contrast);
    const words = new Map<string, WordInfo>();
    const info = (word: string): WordInfo => {
      let entry = words.get(word);
      if (entry === undefined) {
        entry = { mark: MARK_NONE, bangs: 0, phrases: undefined, contrastPhrases: undefined, intensifierPhrases: undefined, contrast: 0, intensifier: 0, negator: false, score: undefined, topics: undefined, topicPhrases: undefined, topicOnly: false };
        words.set(word, entry);
      }
      return entry;
    };
    info(CAPS_MARK).mark = MARK_CAPS;
    info(CLAUSE_BREAK).mark = MARK_CLAUSE;
    info(SENTENCE_BREAK).mark = MARK_SENTENCE;
    EXCLAIM_BREAKS.forEach((mark, k) => Object.assign(info(mark), { mark: MARK_SENTENCE, bangs: k + 1 }));
    for (const [word, node] of phrases.next) info(word).phrases = node;
    for (const [word, node] of contrastPhrases.next) info(word).contrastPhrases = node;
    for (const [word, node] of intensifierPhrases.next) info(word).intensifierPhrases = node;
    for (const [word, kind] of pack.contrast) if (!word.includes(' ')) info(word).contrast = kind;
    for (const [word, multiplier] of pack.intensifiers) if (!word.includes(' ')) info(word).intensifier = multiplier;
    for (const word of pack.negators) info(word).negator = true;
    for (const [word, score] of pack.terms) info(word).score = score;
    const topics = pack.topics;
    if (topics !== undefined) {
      const roles = new Set(words.keys());
      for (const [word, ids] of topics.words) info(word).topics = ids;
      for (const [word, node] of topicTrie(topics.phrases).next) info(word).topicPhrases = node;
      for (const [word, entry] of words) if (!roles.has(word)) entry.topicOnly = true;
      // A word the pack knows for another role may still name a topic by its beginning or as a compound's head.
      for (const [word, entry] of words) if (entry.mark === MARK_NONE && entry.topics === undefined) entry.topics = readWordTopics(word, topics, pack.compounds);
    }
    const vocabularyWords = [...words.keys(), ...[...pack.phrases.keys(), ...pack.intensifiers.keys(), ...pack.contrast.keys(), ...(topics?.phrases.keys() ?? [])].flatMap((k) => k.split(' '))];
    // Unknown words keep their text only where the stem fallback may score them (at least 5 letters, ending
    // in s, ed or -ng) or, in a pack with word formation, where it may: the check is by character codes, before
    // any string exists.
    const stems = pack.stemming !== undefined;
    const compounds = pack.compounds !== undefined;
    // Words that may begin with a topic's word beginning are kept too: a cheap test on their first three letters.
    const key3 = (text: string, from: number) => text.charCodeAt(from) * 2 ** 32 + text.charCodeAt(from + 1) * 2 ** 16 + text.charCodeAt(from + 2);
    const starts3 = new Set((topics?.prefixes ?? []).map(({ prefix }) => key3(prefix, 0)));
    const keep = (text: string, from: number, to: number) => {
      const length = to - from;
      if (compounds && length >= MIN_COMPOUND_LENGTH) return true;
      if (stems && length >= MIN_STEMMED_LENGTH) {
        const last = text.charCodeAt(to - 1);
        const beforeLast = text.charCodeAt(to - 2);
        if (last === 115 || (last === 100 && beforeLast === 101) || (last === 103 && beforeLast === 110)) return true;
      }
      return starts3.size !== 0 && length >= 3 && starts3.has(key3(text, from));
    };
    starts = { words, vocabulary: new Vocabulary(vocabularyWords, keep) };
    startsCache.set(pack, starts);
  }
  return starts;
}

/** Topic phrases as a trie of tokens, like PhraseNode, with topic ids as values. */
type TopicNode = { topics?: readonly string[]; next: Map<string, TopicNode> };

function topicTrie(phrases: Map<string, readonly string[]>): TopicNode {
  const root: TopicNode = { next: new Map() };
  for (const [key, topics] of phrases) {
    let node = root;
    for (const part of key.split(' ')) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, (child = { next: new Map() }));
      node = child;
    }
    node.topics = topics;
  }
  return root;
}

function matchTopicPhrase(first: TopicNode, tokens: string[], i: number): { topics: readonly string[]; length: number } | undefined {
  let node: TopicNode | undefined = first;
  let best: { topics: readonly string[]; length: number } | undefined;
  for (let k = i + 1; node !== undefined && k < tokens.length; k++) {
    if (tokens[k] === CAPS_MARK) continue;
    node = node.next.get(tokens[k]!);
    if (node?.topics !== undefined) best = { topics: node.topics, length: k - i + 1 };
  }
  return best;
}

/** The shortest first part and head of a compound that names a topic by its head (`hjemlevering`, `nettbutikken`):
 *  topic words are shorter than sentiment words (`pris`, `frakt`). */
const MIN_TOPIC_MODIFIER = 3;
const MIN_TOPIC_HEAD = 4;
/** The topics of a word that is no listed topic word: by a listed beginning (`levering*`), or, in a pack with word
 *  formation, as a compound whose head is a listed word or beginning (with an ending stripped). */
function readWordTopics(word: string, { words, prefixes, none }: TopicTerms, compounds: Compounds | undefined): readonly string[] | undefined {
  if (none.words.has(word) || none.prefixes.some((p) => word.startsWith(p))) return undefined;
  const byPrefix = (w: string) => prefixes.find((p) => w.startsWith(p.prefix))?.topics;
  const direct = byPrefix(word);
  if (direct !== undefined || compounds === undefined) return direct;
  for (let k = MIN_TOPIC_MODIFIER; k <= word.length - MIN_TOPIC_HEAD; k++) {
    const head = word.slice(k);
    const found = words.get(head) ?? byPrefix(head);
    if (found !== undefined) return found;
    for (const suffix of compounds.suffixes) {
      if (head.length - suffix.length >= MIN_TOPIC_HEAD && head.endsWith(suffix)) {
        const base = words.get(head.slice(0, head.length - suffix.length));
        if (base !== undefined) return base;
      }
    }
  }
  return undefined;
}
