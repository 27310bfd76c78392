// The tokenizer's two paths (by hand for Latin-1 text, the regex for the rest) must give the same tokens:
// differential, on every line of the shared dumps (when present) and on hand-picked edge cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OTHER_WORD, scanWithRegex, tokenize, tokenizeWithBreaks, Vocabulary } from '../../src/analyze/tokenize.js';
import { hasShared, SHARED } from '../support/cli.js';

const EDGE_CASES = [
  'µ MÅ ×÷ ½ 3.5 ²3 ª º Don’t – won’t — ok',
  ":) :-( ;p =] :'( <3 </3 :d :dog (: ,:) .:) =x <4 ;-] :-p",
  'ÆØÅ ÄÖ É è ç ñ ß ÿ Ÿ',
  "x’y ’a a’ 12,5,6 3. .5 5star 4,5/5 'tis rock'n'roll don''t",
  'Ends with emoticon :)',
  'GREAT :D :P =D ;P ÆØÅ ÄÖÜ Æble Çava',
  '© ® ©️ Great😀! 👍🏽👍 👨‍👩‍👧 ❤️❤️ ✔ ★★★★☆ … “quoted” € 5€ 10 %',
  'Cafe\u0301 (decomposed) and Ωmega, ΩΩ, Ä', 'greek question mark\u037e then words', 'tab\tand\u00a0nbsp and soft\u00adhyphen',
  'İstanbul Straße ǅ ﬁ', 'x\u200bzero-width',
  'Fast delivery!!! But... the zipper broke?!\nNever again; (sadly) [sic]',
  'Den er f.eks. ikke god. Kom ca. 3 dager, osv. Neste gang. bl.a. www.shop.no e.g. ok. İ f.eks. ok',
  '',
  '   ',
];

function expectSamePaths(text: string) {
  expect(tokenizeWithBreaks(text), text).toEqual(scanWithRegex(text, true));
  expect(tokenize(text), text).toEqual(scanWithRegex(text, false));
}

describe('tokenizer paths agree', () => {
  it.each(EDGE_CASES)('%j', (text) => expectSamePaths(text));

  it.skipIf(!hasShared)('on every line of the shared review dumps', () => {
    const dumps = join(SHARED, 'data/dumps');
    const files = [
      'chatgpt-ios-app-reviews/chatgpt_reviews.csv',
      'datafiniti-amazon-consumer-reviews/Datafiniti_Amazon_Consumer_Reviews_of_Amazon_Products.csv',
      'amazon-reviews-2018-all-beauty-jsonl/All_Beauty_5.json',
      ...readdirSync(join(dumps, 'danish-trustpilot-reviews/data')).map((f) => `danish-trustpilot-reviews/data/${f}`),
    ];
    let lines = 0;
    for (const file of files) {
      for (const line of readFileSync(join(dumps, file), 'utf8').split('\n')) {
        lines++;
        const fast = tokenizeWithBreaks(line);
        const regex = scanWithRegex(line, true);
        if (fast.length !== regex.length || fast.some((t, i) => t !== regex[i])) expect(fast, line).toEqual(regex);
      }
    }
    expect(lines).toBeGreaterThan(30_000);
  });
});

describe('tokenizing against a vocabulary', () => {
  const vocabulary = new Vocabulary(['good', 'not', 'waste', 'of', 'money', 'but', "don't"], (text, from, to) => to - from >= 5 && text.charCodeAt(to - 1) === 115);
  const expected = (text: string) =>
    tokenizeWithBreaks(text).map((t) => (t === '.' || t === ',' || ['good', 'not', 'waste', 'of', 'money', 'but', "don't"].includes(t) || (t.length >= 5 && t.endsWith('s')) ? t : OTHER_WORD));

  it.each([
    'Not good. A waste of money, but the boxes arrived!',
    'GOOD good Good; waste-of-money… DON’T buy',
    'Refunds took weeks 😀 but the straps broke :(',
    'Numbers 3.5 and 4,5 stay; emoticons :) too',
  ])('gives the known words, the kept ones, and OTHER_WORD for the rest: %j', (text) => {
    const tokens = tokenizeWithBreaks(text, vocabulary);
    const plain = tokenizeWithBreaks(text);
    expect(tokens).toHaveLength(plain.length);
    // Non-word tokens (numbers, emoticons, emoji, curly-apostrophe words) keep their text.
    tokens.forEach((t, i) => expect(t === plain[i] || (t === OTHER_WORD && expected(text)[i] === OTHER_WORD)).toBe(true));
    expect(tokens.filter((t) => t !== OTHER_WORD).every((t) => plain.includes(t))).toBe(true);
  });

  it('hands back the vocabulary’s own string for a known word', () => {
    const [first] = tokenizeWithBreaks('good', vocabulary);
    expect(first).toBe('good');
  });

  it('makes no string again for a kept word learned to mean nothing, and leaves other words alone', () => {
    const learning = new Vocabulary(['good'], (text, from, to) => to - from >= 5);
    expect(tokenizeWithBreaks('Lovely trousers, good', learning)).toEqual(['lovely', 'trousers', ',', 'good']);
    learning.learnNothing('trousers');
    expect(tokenizeWithBreaks('Lovely trousers, good', learning)).toEqual(['lovely', OTHER_WORD, ',', 'good']);
    // A known word is found before the learned ones, even if it was (wrongly) learned.
    learning.learnNothing('good');
    expect(tokenizeWithBreaks('good', learning)).toEqual(['good']);
  });
});
