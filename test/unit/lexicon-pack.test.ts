import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TilfredsError } from '../../src/errors.js';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { CONTRAST_ALTHOUGH, CONTRAST_BUT, scoreText } from '../../src/analyze/sentiment.js';

const tmp = mkdtempSync(join(tmpdir(), 'tilfreds-lexicon-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let packs = 0;
/** A pack folder of its own (the loader caches per folder), files given inline; returns the lexicons dir. */
function fixture(files: Record<string, string>, lang = 'en'): string {
  const root = join(tmp, `case-${packs++}`);
  mkdirSync(join(root, lang), { recursive: true });
  const all = {
    'manifest.json': JSON.stringify({ lang, name: 'test-pack', version: '9.9.9' }),
    'sentiment.tsv': '# test\n',
    'negators.txt': '# test\n',
    'intensifiers.tsv': '# test\n',
    'contrast.tsv': '# test\n',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) writeFileSync(join(root, lang, name), text);
  return root;
}

describe('loadLexiconPack: the shipped English pack', () => {
  const pack = loadLexiconPack('en')!;

  it('is found from the package root and names itself', () => {
    expect(pack).toMatchObject({ name: 'tilfreds-en', version: '0.2.0', lang: 'en' });
  });

  it('holds AFINN-165 with our review-domain overrides on top', () => {
    expect(pack.terms.get('excellent')).toBe(3); // AFINN
    expect(pack.terms.get('broke')).toBe(-3); // AFINN says -1 (no money); in reviews it means broken
    expect(pack.terms.get('defective')).toBe(-3);
    expect(pack.terms.has('no')).toBe(false); // removed (0): a negator, not a -1 word
    expect(pack.phrases.get('waste of money')).toBe(-3);
    expect(pack.phrases.get('does not work')).toBe(-3); // AFINN's own phrase
    expect(pack.phrases.has('kind of')).toBe(false); // removed: it is a dampener here
  });

  it('has negators and intensifiers, none of which is itself a scored term', () => {
    expect(pack.negators.has('not')).toBe(true);
    expect(pack.negators.has("don't")).toBe(true);
    expect(pack.intensifiers.get('very')).toBe(1.3);
    expect(pack.intensifiers.get('a bit')).toBe(0.7);
    for (const word of [...pack.negators, ...pack.intensifiers.keys()]) {
      expect(pack.terms.has(word) || pack.phrases.has(word), word).toBe(false);
    }
  });

  it('never finds Object.prototype names', () => {
    for (const word of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf']) {
      expect(pack.terms.get(word), word).toBeUndefined();
      expect(scoreText(word, pack)).toEqual({ score: 0, label: 'neutral', terms: [], topics: [] });
    }
  });

  it('falls back to the stem for inflected forms of base-form terms only', () => {
    expect(pack.terms.has('refunds')).toBe(false);
    expect(scoreText('refunds', pack).terms).toMatchObject([{ term: 'refunds', weight: -1 * pack.calibration.negativity }]);
    expect(scoreText('using it', pack).terms).toEqual([]); // not via `useful` (stem `us`)
  });

  it('is cached per folder', () => {
    expect(loadLexiconPack('en')).toBe(pack);
  });
});

describe('loadLexiconPack: loading rules', () => {
  it('returns undefined when lexicons/<lang>/ does not exist', () => {
    expect(loadLexiconPack('sv', fixture({}, 'en'))).toBeUndefined();
  });

  it('reads terms, phrases (normalised to tokens), negators, intensifiers and contrast words', () => {
    const dir = fixture({
      'sentiment.tsv': '# header\n\nGood\t3\nWell-Made\t2\n# comment\ndon’t like\t-2\r\nmeh\t-0.5\n:)\t1\n',
      'negators.txt': '# header\nnot\r\nNever\n',
      'intensifiers.tsv': 'very\t1.3\na bit\t0.7\n',
      'contrast.tsv': 'But\tbut\neven though\talthough\n',
    });
    const pack = loadLexiconPack('en', dir)!;
    // Every pack starts with the emoji and tilfreds' emoticons; its own list may override them.
    const own = [...pack.terms].filter(([t]) => /^\p{L}/u.test(t));
    expect(own).toEqual([
      ['good', 3],
      ['meh', -0.5],
    ]);
    expect(pack.terms.get(':)')).toBe(1);
    expect(pack.terms.get(':(')).toBe(-2);
    expect(pack.terms.get('👍')).toBe(2);
    expect([...pack.contrast]).toEqual([
      ['but', CONTRAST_BUT],
      ['even though', CONTRAST_ALTHOUGH],
    ]);
    expect([...pack.phrases]).toEqual([
      ['well made', 2],
      ["don't like", -2],
    ]);
    expect([...pack.negators]).toEqual(['not', 'never']);
    expect([...pack.intensifiers]).toEqual([
      ['very', 1.3],
      ['a bit', 0.7],
    ]);
    expect(pack.stemming).toBeUndefined(); // no stemmer declared
    expect(pack.terms.has('excellent')).toBe(false); // no AFINN base declared
  });

  it('lets a 0 word remove a base entry, and keeps a 0 phrase to block its words, unless it is an intensifier', () => {
    const dir = fixture({
      'manifest.json': JSON.stringify({ lang: 'en', name: 'x', version: '1', base: 'afinn-165' }),
      'sentiment.tsv': 'joke\t0\nkind of\t0\nnot only\t0\n',
      'negators.txt': 'not\n',
      'intensifiers.tsv': 'kind of\t0.7\n',
    });
    const pack = loadLexiconPack('en', dir)!;
    expect(pack.terms.has('joke')).toBe(false);
    expect(pack.phrases.has('kind of')).toBe(false);
    expect(pack.phrases.get('not only')).toBe(0);
    expect(pack.terms.get('good')).toBe(3);
    // "not only good": the 0 phrase keeps `not` from reaching `good`.
    expect(scoreText('not only good', pack).terms.map((t) => t.weight)).toEqual([3]);
    expect(scoreText('kind of good', pack).terms.map((t) => t.weight)).toEqual([3 * 0.7]);
  });

  const badCases: [string, Record<string, string>, RegExp][] = [
    ['a line without a tab', { 'sentiment.tsv': '# h\ngood\t3\ngreat 3\n' }, /sentiment\.tsv:3: expected term<TAB>value; got "great 3"/],
    ['a score off the scale', { 'sentiment.tsv': 'good\t7\n' }, /sentiment\.tsv:1: expected a score from -5 to 5; got "7"/],
    ['a score that is not a number', { 'sentiment.tsv': 'good\tthree\n' }, /sentiment\.tsv:1: expected a score/],
    ['a phrase of more than 4 words', { 'sentiment.tsv': 'a b c d e\t1\n' }, /sentiment\.tsv:1: expected a term of 1–4 words/],
    ['a term with no word in it', { 'sentiment.tsv': '...\t1\n' }, /sentiment\.tsv:1: expected a term of 1–4 words/],
    ['a duplicate term', { 'sentiment.tsv': 'Good\t3\nok\t1\ngood\t2\n' }, /sentiment\.tsv:3: expected each term once; .*line 1/],
    ['a two-word negator', { 'negators.txt': 'not\nno way\n' }, /negators\.txt:2: expected one word per line/],
    ['a zero multiplier', { 'intensifiers.tsv': 'very\t0\n' }, /intensifiers\.tsv:1: expected a multiplier/],
    ['a manifest for another language', { 'manifest.json': '{"lang":"da","name":"x","version":"1"}' }, /manifest\.json: expected "lang": "en"/],
    ['an unknown stemmer', { 'manifest.json': '{"lang":"en","name":"x","version":"1","stemmer":"snowball"}' }, /"stemmer"/],
    ['a manifest that is not JSON', { 'manifest.json': '{lang: en}' }, /manifest\.json: expected a readable JSON manifest/],
  ];
  it.each(badCases)('throws a config error naming file and line for %s', (_name, files, message) => {
    const dir = fixture(files);
    let error: unknown;
    try {
      loadLexiconPack('en', dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TilfredsError);
    expect((error as TilfredsError).code).toBe('config');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(dir, 'en'));
  });

  it('throws when a pack file is missing', () => {
    const dir = fixture({});
    rmSync(join(dir, 'en', 'negators.txt'));
    expect(() => loadLexiconPack('en', dir)).toThrow(/negators\.txt: missing/);
  });
});
