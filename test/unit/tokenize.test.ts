import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CAPS_MARK,
  CLAUSE_BREAK,
  EXCLAIM_BREAKS,
  isSentenceBreak,
  SENTENCE_BREAK,
  splitSentences,
  stemEnglish,
  tokenize,
  tokenizeWithBreaks,
} from '../../src/analyze/tokenize.js';

describe('tokenize', () => {
  it('lower-cases and keeps Scandinavian words whole', () => {
    expect(tokenize('Dårlig kvalitet, JÄTTENÖJD och kjempefornøyd!')).toEqual([
      'dårlig',
      'kvalitet',
      'jättenöjd',
      'och',
      'kjempefornøyd',
    ]);
  });

  it('keeps contractions whole and turns typographic apostrophes into plain ones', () => {
    expect(tokenize("Don't buy, it isn’t worth it")).toEqual(["don't", 'buy', 'it', "isn't", 'worth', 'it']);
  });

  it('drops quotes around words and splits hyphenated words', () => {
    expect(tokenize(`'Great' "well-made" 5-star`)).toEqual(['great', 'well', 'made', '5', 'star']);
  });

  it('keeps decimal numbers whole', () => {
    expect(tokenize('Rated 3.5 of 5, or 4,5')).toEqual(['rated', '3.5', 'of', '5', 'or', '4,5']);
  });

  it('keeps emoticons and emoji (ZWJ sequences whole) as tokens, without skin tones and presentation selectors', () => {
    expect(tokenize('Love it :) great:D 👍🏽 👨‍👩‍👧 <3 sad :-( ❤️')).toEqual([
      'love',
      'it',
      ':)',
      'great',
      ':d',
      '👍',
      '👨‍👩‍👧',
      '<3',
      'sad',
      ':-(',
      '❤',
    ]);
  });

  it('does not read emoticons into URLs or words glued to a colon', () => {
    expect(tokenize('see http://x.com re:do')).toEqual(['see', 'http', 'x', 'com', 're', 'do']);
  });

  it('joins decomposed (NFD) letters so lexicon keys match', () => {
    expect(tokenize('bla\u0308')).toEqual(['blä']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ... !? ,')).toEqual([]);
  });
});

describe('tokenizeWithBreaks', () => {
  it('marks sentence ends and clause boundaries, collapsing runs, none at the start', () => {
    expect(tokenizeWithBreaks('. Slow, but good!!! Really; yes\nno')).toEqual([
      'slow',
      CLAUSE_BREAK,
      'but',
      'good',
      '!!!',
      'really',
      CLAUSE_BREAK,
      'yes',
      SENTENCE_BREAK,
      'no',
    ]);
  });

  it('counts the exclamation marks that end a sentence, up to three', () => {
    expect(tokenizeWithBreaks('Great! Awful!?! Wow!!!!! ok?')).toEqual(['great', EXCLAIM_BREAKS[0], 'awful', EXCLAIM_BREAKS[1], 'wow', EXCLAIM_BREAKS[2], 'ok', SENTENCE_BREAK]);
  });

  it('marks words in capitals, in mixed text and any script, but not single letters or capitalised words', () => {
    expect(tokenizeWithBreaks('I was NOT happy. DON’T buy. Never A good idea, ÆRLIG talt, ΠΟΛΥ καλό, X12')).toEqual([
      'i', 'was', CAPS_MARK, 'not', 'happy', SENTENCE_BREAK, CAPS_MARK, "don't", 'buy', SENTENCE_BREAK, 'never', 'a', 'good', 'idea', CLAUSE_BREAK,
      CAPS_MARK, 'ærlig', 'talt', CLAUSE_BREAK, CAPS_MARK, 'πολυ', 'καλό', CLAUSE_BREAK, 'x12',
    ]);
    expect(tokenize('NOT')).toEqual(['not']);
  });

  it('does not end a sentence at the dot of an abbreviation followed by lower case, a digit or a comma', () => {
    const words = (t: string) => tokenizeWithBreaks(t).filter((x) => x !== CAPS_MARK).join(' ');
    expect(words('Den er f.eks. ikke god.')).toBe('den er f eks ikke god .');
    expect(words('Kom ca. 3 dager for sent.')).toBe('kom ca 3 dager for sent .');
    expect(words('Den var bl.a. for liten, t.ex. skon.')).toBe('den var bl a for liten , t ex skon .');
    expect(words('It was slow, e.g. the app.')).toBe('it was slow , e g the app .');
    // A capital after it starts a new sentence; a word that is no abbreviation ends one whatever follows.
    expect(words('Bra osv. Neste gang bedre.')).toBe('bra osv . neste gang bedre .');
    expect(words('Good. bad')).toBe('good . bad');
  });

  it('lets a sentence end outrank a clause break next to it', () => {
    expect(tokenizeWithBreaks('ok, . fine')).toEqual(['ok', SENTENCE_BREAK, 'fine']);
  });

  it('gives the same words as tokenize', () => {
    const text = 'It broke after two days!! Waste of MONEY, sadly :(';
    expect(tokenizeWithBreaks(text).filter((t) => !isSentenceBreak(t) && t !== CLAUSE_BREAK && t !== CAPS_MARK)).toEqual(tokenize(text));
  });
});

describe('splitSentences', () => {
  it('splits after . ! ? and at line breaks, keeping the punctuation', () => {
    expect(splitSentences('Great phone! Battery is weak. Would I buy again?\nMaybe')).toEqual([
      'Great phone!',
      'Battery is weak.',
      'Would I buy again?',
      'Maybe',
    ]);
  });

  it('does not split inside numbers and drops empty pieces', () => {
    expect(splitSentences('  Rated 3.5 stars.\n\n\n')).toEqual(['Rated 3.5 stars.']);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('stemEnglish', () => {
  it('stems inflected forms with the Porter stemmer', () => {
    expect(stemEnglish('refunded')).toBe('refund');
    expect(stemEnglish('refunds')).toBe('refund');
    expect(stemEnglish('refunded')).toBe('refund'); // memoised path
  });

  it('is reached through a natural submodule, never natural\'s index (which prints to stdout)', () => {
    const source = readFileSync(new URL('../../src/analyze/tokenize.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from ['"]natural['"]/);
    expect(source).toMatch(/from 'natural\/lib\/natural\/stemmers\/porter_stemmer\.js'/);
  });
});
