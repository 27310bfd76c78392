import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectLanguage } from '../../src/analyze/detect-language.js';
import { loadLexiconPack, type LexiconPack } from '../../src/analyze/lexicon-pack.js';
import { createScorer, decide, FALLBACK_LANG, isMixed } from '../../src/analyze/score-review.js';
import { DEFAULT_CALIBRATION } from '../../src/analyze/sentiment.js';
import { LEXICONS_DIR } from '../../src/paths.js';
import type { Lang, Review, TextPart } from '../../src/types.js';

function reviewOf(texts: TextPart[], extra: Partial<Review> = {}): Review {
  return {
    id: 'reviews.csv:2',
    ref: { input: 'shop', file: '/data/reviews.csv', line: 2 },
    product: 'Kettle',
    date: '2025-02-07',
    texts,
    language: undefined,
    rating: undefined,
    nps: undefined,
    csat: undefined,
    ...extra,
  };
}

/** A tiny pack so that tests can tell which pack scored a text. */
function fakePack(lang: Lang, terms: [string, number][]): LexiconPack {
  return {
    name: `fake-${lang}`,
    version: '9.8.7',
    lang,
    terms: new Map(terms),
    phrases: new Map(),
    negators: new Set(['ikke', 'inte', 'not']),
    intensifiers: new Map(),
    contrast: new Map(),
    calibration: DEFAULT_CALIBRATION,
    negatesPreceding: 0,
  };
}

const en = loadLexiconPack('en')!;
const manifest = JSON.parse(readFileSync(join(LEXICONS_DIR, 'en', 'manifest.json'), 'utf8')) as { name: string; version: string };

describe('createScorer: language', () => {
  it('the review language wins over detection', () => {
    const packFor = vi.fn((lang: Lang) => (lang === 'da' ? fakePack('da', [['great', 2]]) : undefined));
    const score = createScorer(packFor);
    const text = 'The kettle is great and it works very well';
    expect(detectLanguage(text)).toBe('en');
    const s = score(reviewOf([{ role: 'review', text }], { language: 'da' }));
    expect(s.language).toBe('da');
    expect(s.lexicon).toBe('fake-da@9.8.7');
    expect(s.sentiment?.terms).toMatchObject([{ term: 'great', weight: 2 }]);
    expect(packFor.mock.calls.map((c) => c[0])).toEqual(['da']);
  });

  it('an undefined language is detected', () => {
    const packFor = vi.fn((lang: Lang) => fakePack(lang, [['nöjd', 2]]));
    const score = createScorer(packFor);
    const text = 'Jag är mycket nöjd med produkten, den fungerar bra';
    const s = score(reviewOf([{ role: 'review', text }]));
    expect(s.language).toBe('sv');
    expect(s.lexicon).toBe('fake-sv@9.8.7');
    expect(s.sentiment?.terms).toMatchObject([{ term: 'nöjd', weight: 2 }]);
  });

  it('an undetectable text falls back to en', () => {
    expect(FALLBACK_LANG).toBe('en');
    const score = createScorer();
    for (const text of ['OK', '👍', '5/5']) {
      expect(detectLanguage(text)).toBeUndefined();
      const s = score(reviewOf([{ role: 'review', text }]));
      expect(s.language).toBe('en');
      expect(s.lexicon).toBe(`${manifest.name}@${manifest.version}`);
      expect(s.sentiment).toBeDefined();
    }
  });

  it('a language without a pack: no sentiment, lexicon "none"', () => {
    const score = createScorer((lang) => (lang === 'en' ? en : undefined));
    const s = score(reviewOf([{ role: 'review', text: 'Veldig bra, fornøyd med kjøpet' }], { language: 'nb' }));
    expect(s.language).toBe('nb');
    expect(s.sentiment).toBeUndefined();
    expect(s.lexicon).toBe('none');
  });

  it('a detected language that has no pack gives no sentiment and the lexicon "none"', () => {
    const s = createScorer((lang) => (lang === 'en' ? loadLexiconPack('en') : undefined))(reviewOf([{ role: 'review', text: 'Jag är mycket nöjd med produkten, den fungerar bra' }]));
    expect(s.language).toBe('sv');
    expect(s.sentiment).toBeUndefined();
    expect(s.lexicon).toBe('none');
  });

  it('the real packs: a detected Swedish text is scored by the Swedish pack', () => {
    const s = createScorer()(reviewOf([{ role: 'review', text: 'Jag är mycket nöjd med produkten, den fungerar bra' }]));
    expect(s.language).toBe('sv');
    expect(s.lexicon).toMatch(/^tilfreds-sv@/);
    expect(s.sentiment?.label).toBe('positive');
  });
});

describe('createScorer: texts', () => {
  it('a record with no text (scores only) has no sentiment', () => {
    const score = createScorer();
    const s = score(reviewOf([], { rating: { raw: 2, norm: 0.25 }, nps: 0 }));
    expect(s.sentiment).toBeUndefined();
    expect(s.language).toBe('en');
    expect(s.rating).toEqual({ raw: 2, norm: 0.25 });
    expect(s.nps).toBe(0);
  });

  it('scores the title and the review text together', () => {
    const score = createScorer();
    const s = score(
      reviewOf([
        { role: 'title', text: 'Terrible' },
        { role: 'review', text: 'Works great' },
      ], { language: 'en' }),
    );
    const terms = s.sentiment!.terms.map((t) => t.term);
    expect(terms).toContain('terrible');
    expect(terms).toContain('great');
  });

  it('the title is a sentence of its own: its negation does not reach the review text', () => {
    const score = createScorer();
    const s = score(reviewOf([{ role: 'title', text: 'Would not buy' }, { role: 'review', text: 'Good value' }], { language: 'en' }));
    expect(s.sentiment!.terms).toMatchObject([{ term: 'good', weight: 3 }]);
    expect(s.sentiment!.label).toBe('positive');
  });

  it('a negative review is negative, a positive one positive', () => {
    const score = createScorer();
    expect(score(reviewOf([{ role: 'review', text: 'It broke after two days. Waste of money.' }])).sentiment!.label).toBe('negative');
    expect(score(reviewOf([{ role: 'review', text: 'Great product, works perfectly' }])).sentiment!.label).toBe('positive');
  });
});

describe('createScorer: result', () => {
  it('the lexicon field is name@version of the pack', () => {
    const s = createScorer()(reviewOf([{ role: 'review', text: 'Great product, works perfectly' }]));
    expect(s.lexicon).toBe(`${en.name}@${en.version}`);
    expect(s.lexicon).toBe(`${manifest.name}@${manifest.version}`);
    expect(s.lexicon).toMatch(/^[^@\s]+@\d+\.\d+\.\d+/);
  });

  it('keeps the record fields and does not change the input review', () => {
    const input = reviewOf([{ role: 'review', text: 'Great product' }], { csat: { raw: 5, norm: 1, top2: true } });
    const before = structuredClone(input);
    const s = createScorer()(input);
    expect(input).toEqual(before);
    expect(s).toMatchObject({ id: input.id, ref: input.ref, product: 'Kettle', date: '2025-02-07', texts: input.texts, csat: input.csat });
  });

  it('loads each language pack once', () => {
    const packFor = vi.fn((lang: Lang) => (lang === 'en' ? en : undefined));
    const score = createScorer(packFor);
    for (let i = 0; i < 5; i++) {
      score(reviewOf([{ role: 'review', text: 'Great' }], { language: 'en' }));
      score(reviewOf([{ role: 'review', text: 'Bra' }], { language: 'nb' }));
    }
    expect(packFor).toHaveBeenCalledTimes(2);
  });
});

describe('createScorer: detection ties and mixed-language texts', () => {
  const ev = (pairs: [Lang, number][]) => pairs.map(([lang, score]) => ({ lang, score }));

  it('decides as detectLanguage does, and takes the first of tied Scandinavian languages rather than none', () => {
    expect(decide(ev([['da', 6], ['nb', 3], ['en', 0]]))).toBe('da');
    expect(decide(ev([['nb', 2], ['da', 2], ['en', 0]]))).toBe('nb');
    expect(decide(ev([['en', 2], ['nb', 2], ['da', 2]]))).toBeUndefined();
    expect(decide(ev([['sv', 1], ['en', 0]]))).toBeUndefined();
  });

  it('calls a text mixed only when English and a Scandinavian language both have real evidence', () => {
    expect(isMixed(ev([['da', 12], ['nb', 10], ['en', 2]]))).toBe(false); // close languages: not mixed
    expect(isMixed(ev([['en', 15], ['da', 11], ['nb', 8]]))).toBe(true);
    expect(isMixed(ev([['da', 20], ['en', 4], ['nb', 9]]))).toBe(false); // English a fifth: a product name or two
  });

  it('scores a mixed review sentence by sentence, each in its language', () => {
    const text = 'Varen kom hurtigt og jeg er meget tilfreds med kvaliteten. However the charger stopped working after a week.';
    const s = createScorer()(reviewOf([{ role: 'review', text }]));
    const terms = s.sentiment!.terms.map((t) => t.term);
    expect(terms).toContain('tilfreds'); // Danish, through the Danish pack
    expect(terms).toContain('stopped working'); // English, through the English pack
    expect(s.sentiment!.label).toBe('negative');
  });
});
