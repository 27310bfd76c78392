// The tokenizer's two paths (by hand for Latin-1 text, the regex for the rest) must give the same tokens:
// differential, on every line of the shared dumps (when present) and on hand-picked edge cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWithRegex, tokenize, tokenizeWithBreaks } from '../../src/analyze/tokenize.js';
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
