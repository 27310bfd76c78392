import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexiconPack, type LexiconPack } from '../../src/analyze/lexicon-pack.js';
import { DEFAULT_CALIBRATION, explain, NEGATION_FACTOR, scoreText } from '../../src/analyze/sentiment.js';
import { TilfredsError } from '../../src/errors.js';

const weights = (text: string, pack: LexiconPack): [string, number][] =>
  scoreText(text, pack).terms.filter((t) => t.rule === 'term').map((t) => [t.term, t.weight]);

describe('word formation (compounds.tsv), on a tiny pack', () => {
  const pack: LexiconPack = {
    name: 'tiny', version: '1', lang: 'nb',
    terms: new Map([['fornøyd', 2], ['dårlig', -2], ['problemer', -1.5], ['skuffelse', -2]]),
    phrases: new Map(), negators: new Set(['ikke']), intensifiers: new Map(), contrast: new Map(),
    calibration: DEFAULT_CALIBRATION, negatesPreceding: 2,
    compounds: { suffixes: ['ere', 'e', 'n', 't'], prefixes: [{ affix: 'kjempe', factor: 1.5 }, { affix: 'u', factor: -1 }] },
  };

  it('strips an ending to reach a listed word', () => {
    expect(weights('dårligere', pack)).toEqual([['dårligere', -2]]);
    expect(weights('skuffelsen', pack)).toEqual([['skuffelsen', -2]]);
  });

  it('reads an intensifying or negating prefix glued to a listed word (with an ending too)', () => {
    expect(weights('kjempefornøyd', pack)).toEqual([['kjempefornøyd', 3]]);
    expect(weights('kjempefornøyde', pack)).toEqual([['kjempefornøyde', 3]]);
    expect(weights('ufornøyd', pack)).toEqual([['ufornøyd', -2]]);
  });

  it('takes a listed word of four letters or more as the head of a compound', () => {
    expect(weights('leveringsproblemer', pack)).toEqual([['leveringsproblemer', -1.5]]);
  });

  it('leaves short words and words with no listed part alone', () => {
    expect(weights('uke ute leveringstiden kundeservicen', pack)).toEqual([]);
  });

  it('lets a negator after the verb reach back to it, within its clause', () => {
    expect(weights('fornøyd ikke', pack)).toEqual([['fornøyd', 2 * NEGATION_FACTOR]]);
    expect(weights('fornøyd med den ikke', pack)).toEqual([['fornøyd', 2]]); // three words back: too far
    expect(weights('fornøyd, ikke', pack)).toEqual([['fornøyd', 2]]); // another clause
    expect(weights('ikke dårlig ikke', pack)).toEqual([['dårlig', -2 * NEGATION_FACTOR]]); // negated once only
    expect(explain(scoreText('fornøyd ikke', pack).terms)).toBe('fornøyd←ikke(-1)');
  });
});

describe('word formation in the shipped Scandinavian packs', () => {
  it.each([
    ['nb', 'superrask levering', 'positive'],
    ['nb', 'Jeg er ufornøyd', 'negative'],
    ['nb', 'megaskuffet', 'negative'],
    ['nb', 'Jeg liker ikke varen.', 'negative'],
    ['nn', 'unøgd med leveringa', 'negative'],
    ['da', 'kæmpeskuffet over varen', 'negative'],
    ['sv', 'Jag är onöjd', 'negative'],
    ['sv', 'Jag gillar den inte.', 'negative'],
    // A phrase scored 0 keeps its negator from reaching on: "not only … but also".
    ['sv', 'Inte bara snabb leverans utan också bra kvalitet.', 'positive'],
    ['nb', 'Ikke bare billig, men også god kvalitet.', 'positive'],
  ] as const)('%s: %s → %s', (lang, text, label) => {
    expect(scoreText(text, loadLexiconPack(lang)!).label).toBe(label);
  });
});

describe('compounds.tsv is checked at load time', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tilfreds-compounds-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('names the file and line of a bad entry', () => {
    const dir = join(tmp, 'nb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ lang: 'nb', name: 'x', version: '1' }));
    for (const f of ['sentiment.tsv', 'negators.txt', 'intensifiers.tsv', 'contrast.tsv']) writeFileSync(join(dir, f), '# x\n');
    writeFileSync(join(dir, 'compounds.tsv'), '# x\nsuffix\tene\nprefix\tkjempe\n');
    let error: unknown;
    try {
      loadLexiconPack('nb', tmp);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TilfredsError);
    expect((error as Error).message).toMatch(/compounds\.tsv:3: expected suffix<TAB>ending or prefix<TAB>affix<TAB>factor/);
  });
});
