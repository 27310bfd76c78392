import { describe, expect, it } from 'vitest';
import { loadLexiconPack, type LexiconPack } from '../../src/analyze/lexicon-pack.js';
import {
  NORMALISATION_ALPHA,
  AFTER_CONTRAST,
  CAPS_FACTOR,
  CONTRAST_ALTHOUGH,
  CONTRAST_BUT,
  EXCLAIM_BONUS,
  explain,
  DEFAULT_CALIBRATION,
  labelOf,
  scoreText,
} from '../../src/analyze/sentiment.js';
import type { TermHit } from '../../src/types.js';

const en = loadLexiconPack('en')!;
const norm = (s: number): number => s / Math.sqrt(s * s + NORMALISATION_ALPHA);

describe('scoreText: real review sentences with the English pack', () => {
  const cases: [string, 'positive' | 'negative' | 'neutral'][] = [
    ['Great product, works perfectly', 'positive'],
    ['It broke after two days. Waste of money.', 'negative'],
    ['not good', 'negative'],
    ['The delivery was slow but the quality is excellent', 'positive'],
    ['I would not recommend this seller.', 'negative'],
    ['Arrived late and the box was damaged.', 'negative'],
    ['Fits perfectly and arrived on time, worth every penny!', 'positive'],
    ['Stopped working after a week, had to ask for a refund.', 'negative'],
    ['No problems at all so far.', 'positive'],
    ['Not as described.', 'negative'],
    ['The zipper is very cheaply made :(', 'negative'],
    ['I ordered a blue one on Monday.', 'neutral'],
  ];
  it.each(cases)('%s → %s', (text, label) => {
    expect(scoreText(text, en).label).toBe(label);
  });

  it('does not call "not bad" negative', () => {
    expect(scoreText('not bad', en).label).not.toBe('negative');
  });

  it('scores empty and white-space text as neutral, with no terms', () => {
    for (const text of ['', '   \n\t ']) expect(scoreText(text, en)).toEqual({ score: 0, label: 'neutral', terms: [], topics: [] });
  });

  it('keeps every score within [-1, 1]', () => {
    const texts = [
      'excellent '.repeat(2000),
      'terrible horrible awful '.repeat(2000),
      'not very not really so extremely bad but but but good',
      'Great product, works perfectly',
      'It broke after two days. Waste of money.',
    ];
    for (const text of texts) {
      const { score } = scoreText(text, en);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('scoreText: each rule on real review sentences, with the English pack', () => {
  const label = (text: string) => scoreText(text, en).label;
  const explained = (text: string) => explain(scoreText(text, en).terms);

  it('negation reaches past an intensifier and covers contractions, with or without the apostrophe', () => {
    expect(label('The blender is not very good.')).toBe('negative');
    expect(explained('The blender is not very good.')).toMatch(/^not→very→good\(-/);
    for (const text of ["It isn't good.", 'It isnt good.', "It wasn't good at all.", "I don't love it.", 'I don’t love it.']) expect(label(text), text).toBe('negative');
    expect(label("didn't work")).toBe('negative');
  });

  it('reads "not bad", "no problems" and "never again" the way reviewers mean them', () => {
    expect(label('Not bad for the price.')).toBe('positive');
    expect(label('No problems at all with it.')).toBe('positive');
    expect(label('Never again.')).toBe('negative');
    expect(label('It was nothing but trouble.')).toBe('negative');
  });

  it('lets the clause after a contrast decide, within the sentence and across it', () => {
    expect(label('The delivery was quick, but the kettle leaks.')).toBe('negative');
    expect(label('The box was damaged, but the kettle works great.')).toBe('positive');
    expect(label('Lovely design. However, it stopped working after a week.')).toBe('negative');
    expect(label('Although it was expensive, it is excellent.')).toBe('positive');
  });

  it('dampens with "a bit" and "barely", and boosts with "extremely"', () => {
    const score = (t: string) => scoreText(t, en).score;
    expect(score('The seller was extremely helpful.')).toBeGreaterThan(score('The seller was helpful.'));
    expect(score('The seller was a bit helpful.')).toBeLessThan(score('The seller was helpful.'));
    expect(Math.abs(score('It is barely usable.'))).toBeLessThan(Math.abs(score('It is usable.')) + 1e-9);
  });

  it('hears capitals and exclamation marks as emphasis', () => {
    const score = (t: string) => scoreText(t, en).score;
    expect(score('This is TERRIBLE.')).toBeLessThan(score('This is terrible.'));
    expect(score('This is terrible!!!')).toBeLessThan(score('This is terrible.'));
    expect(score('Love it!')).toBeGreaterThan(score('Love it.'));
  });

  it('scores emoji and emoticons', () => {
    expect(label('Arrived today 👍')).toBe('positive');
    expect(label('Arrived today 👎')).toBe('negative');
    expect(label('Arrived today :(')).toBe('negative');
    expect(label('Arrived today :D')).toBe('positive');
  });

  it('reads comparisons against expectation', () => {
    expect(label('I expected more from this brand.')).toBe('negative');
    expect(label('Not as good as the old model.')).toBe('negative');
    expect(label('Better than expected.')).toBe('positive');
  });

  it('sums the sentences: one strong complaint outweighs two mild compliments', () => {
    expect(label('Nice colour. Fine size. It broke on the first day and I want a refund!')).toBe('negative');
  });
});

describe('scoreText: rules, on a tiny pack with known scores', () => {
  const pack: LexiconPack = {
    name: 'test',
    version: '1',
    lang: 'en',
    terms: new Map([
      ['good', 2],
      ['bad', -2],
      ['slow', -2],
      ['great', 3],
    ]),
    phrases: new Map([
      ['not bad at', 1], // deliberately odd, to see the longest phrase win
      ['not bad', 0.5],
      ['waste of money', -3],
      ['some kind', 0],
    ]),
    negators: new Set(['not', 'never']),
    intensifiers: new Map([
      ['very', 1.5],
      ['a bit', 0.5],
    ]),
    calibration: DEFAULT_CALIBRATION,
    negatesPreceding: 0,
    contrast: new Map([
      ['but', CONTRAST_BUT],
      ['however', CONTRAST_BUT],
      ['although', CONTRAST_ALTHOUGH],
      ['even though', CONTRAST_ALTHOUGH],
    ]),
  };
  /** Lexicon terms and their weights (rules left out). */
  const weights = (text: string): [string, number][] => scoreText(text, pack).terms.filter((t) => t.rule === 'term').map((t) => [t.term, t.weight]);
  const hit = (term: string, weight: number, extra: Partial<TermHit> = {}): TermHit => ({ term, weight, negator: undefined, negatorAfter: false, intensifier: undefined, caps: false, rule: 'term', ...extra });

  it('sums term weights, normalises VADER-style and returns the terms in order', () => {
    const result = scoreText('Good, great and bad', pack);
    expect(result.terms).toEqual([hit('good', 2), hit('great', 3), hit('bad', -2)]);
    expect(result.score).toBeCloseTo(norm(3), 12);
    expect(result.label).toBe('positive');
  });

  it('matches the longest phrase first, before single terms', () => {
    expect(weights('not bad at all')).toEqual([['not bad at', 1]]);
    expect(weights('not bad')).toEqual([['not bad', 0.5]]);
    expect(weights('a waste of money, bad')).toEqual([
      ['waste of money', -3],
      ['bad', -2],
    ]);
  });

  it('lets a 0 phrase block its words without showing up', () => {
    expect(scoreText('some kind', pack).terms).toEqual([]);
  });

  it('does not match a phrase across punctuation', () => {
    expect(weights('waste. of money')).toEqual([]);
  });

  it('flips scored terms within 3 tokens after a negator, at half strength', () => {
    expect(weights('not good')).toEqual([['good', -1]]);
    expect(weights('never really that good')).toEqual([['good', -1]]);
    expect(weights('never really that very good')).toEqual([['good', 3]]); // 4 tokens on: out of scope
    expect(weights('not good or great')).toEqual([
      ['good', -1],
      ['great', -1.5],
    ]);
  });

  it('stops negation at a clause boundary or a contrast', () => {
    expect(weights('not fast, good')).toEqual([['good', 2]]);
    expect(weights('not fast. good')).toEqual([['good', 2]]);
  });

  it('multiplies the term right after an intensifier (chains compound, other words end it)', () => {
    expect(weights('very good')).toEqual([['good', 3]]);
    expect(weights('a bit slow')).toEqual([['slow', -1]]);
    expect(weights('very very good')).toEqual([['good', 4.5]]);
    expect(weights('very much good')).toEqual([['good', 2]]);
    expect(weights('not very good')).toEqual([['good', -1.5]]);
  });

  it('weighs the clause before "but" by 0.5 and after it by 1.5, within the sentence', () => {
    expect(weights('slow but good')).toEqual([
      ['slow', -1],
      ['good', 3],
    ]);
    expect(weights('Bad. Slow but good')).toEqual([
      ['bad', -2],
      ['slow', -1],
      ['good', 3],
    ]);
    expect(weights('good but slow but great')).toEqual([
      ['good', 1],
      ['slow', -1],
      ['great', 4.5],
    ]);
  });

  it('takes its contrast words from the pack', () => {
    const nb: LexiconPack = { ...pack, lang: 'nb', contrast: new Map([['men', CONTRAST_BUT]]) };
    expect(scoreText('slow men good', nb).terms.map((t) => t.weight)).toEqual([-1, 0, 3]);
    expect(scoreText('slow but good', nb).terms.map((t) => t.weight)).toEqual([-2, 2]);
  });

  it('lets a "but" or "however" that opens a sentence turn against the sentence before', () => {
    expect(weights('Good and great. However, slow.')).toEqual([['good', 1], ['great', 1.5], ['slow', -3]]);
    expect(weights('Good. But slow')).toEqual([['good', 1], ['slow', -3]]);
  });

  it('weighs the clause "although" opens by 0.5 and the rest of the sentence by 1.5, when both carry terms', () => {
    expect(weights('Although good, slow')).toEqual([['good', 1], ['slow', -3]]);
    expect(weights('Slow, even though good.')).toEqual([['slow', -3], ['good', 1]]);
    expect(weights('Although good. Slow')).toEqual([['good', 2], ['slow', -2]]); // nothing else in its sentence
  });

  it('boosts a term written in capitals, unless the whole text is in capitals', () => {
    expect(weights('it is GOOD')).toEqual([['good', 2 * CAPS_FACTOR]]);
    expect(weights('IT IS GOOD')).toEqual([['good', 2]]);
    expect(weights('NOT good')).toEqual([['good', -1]]); // the capitals are on the negator, not the term
  });

  it('adds emphasis for "!" in the direction of its sentence, up to three', () => {
    const rules = (text: string) => scoreText(text, pack).terms.filter((t) => t.rule === 'exclaim').map((t) => [t.term, t.weight]);
    expect(rules('Good!')).toEqual([['!', EXCLAIM_BONUS]]);
    expect(rules('Slow!!!!! Good.')).toEqual([['!!!', -3 * EXCLAIM_BONUS]]);
    expect(rules('Hello!')).toEqual([]); // no sentiment: nothing to emphasise
  });

  it('counts negative contributions `negativity` times, after every other rule', () => {
    const harsh: LexiconPack = { ...pack, calibration: { ...DEFAULT_CALIBRATION, negativity: 1.5 } };
    expect(scoreText('not good but very bad', harsh).terms.filter((t) => t.rule === 'term').map((t) => t.weight)).toEqual([-0.75, -4.5 * 1.5]);
    expect(scoreText('good', harsh).terms[0]!.weight).toBe(2);
  });

  it('explains a score with its terms and rules, the numbers adding up to the raw sum', () => {
    const result = scoreText('not very good but GREAT!', pack);
    expect(explain(result.terms)).toBe(`not→very→good(-0.75) but×${AFTER_CONTRAST} GREAT(+${Math.round(3 * CAPS_FACTOR * 1.5 * 100) / 100}) !(+0.3)`);
    const sum = result.terms.reduce((s, t) => s + t.weight, 0);
    expect(result.score).toBeCloseTo(norm(sum), 12);
    expect(explain(scoreText('Although a bit slow, good', pack).terms)).toBe('although×0.5 a bit→slow(-0.5) good(+3)');
  });
});

describe('labelOf', () => {
  it('uses the default calibration when given none, thresholds inclusive', () => {
    expect(DEFAULT_CALIBRATION).toEqual({ negativity: 1, positiveFrom: 0.05, negativeTo: -0.05 });
    expect(labelOf(0.05)).toBe('positive');
    expect(labelOf(0.0499)).toBe('neutral');
    expect(labelOf(0)).toBe('neutral');
    expect(labelOf(-0.05)).toBe('negative');
  });

  it("uses a pack's own band", () => {
    const band = { negativity: 1, positiveFrom: 0.3, negativeTo: -0.1 };
    expect([0.3, 0.29, -0.09, -0.1].map((x) => labelOf(x, band))).toEqual(['positive', 'neutral', 'neutral', 'negative']);
  });
});
