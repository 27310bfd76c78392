import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { LEXICONS_DIR } from '../../src/paths.js';
import { scoreText } from '../../src/analyze/sentiment.js';

const da = loadLexiconPack('da')!;
const label = (text: string) => scoreText(text, da).label;
const terms = (text: string) => scoreText(text, da).terms.map((t) => t.term);

describe('the Danish pack (lexicons/da)', () => {
  it('is found, names itself and has no base list or stemmer', () => {
    expect(da).toMatchObject({ name: 'tilfreds-da', version: '0.1.0', lang: 'da' });
    expect(da.stemming).toBeUndefined();
    // The pack's own entries (the shared emoji and emoticons come on top).
    const own = readFileSync(join(LEXICONS_DIR, 'da', 'sentiment.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(own.length).toBeGreaterThanOrEqual(900);
    expect(own.length).toBeLessThanOrEqual(1500);
  });

  it('has men as its contrast word, and selvom as a concession', () => {
    expect(da.contrast.has('men')).toBe(true);
    expect(da.contrast.has('selvom')).toBe(true);
    expect(da.contrast.get('men')).not.toBe(da.contrast.get('selvom'));
  });

  it('keeps negators and intensifiers out of the scored terms', () => {
    expect(da.negators.has('ikke')).toBe(true);
    expect(da.intensifiers.get('meget')).toBeGreaterThan(1);
    expect(da.intensifiers.get('lidt')).toBeLessThan(1);
    for (const word of [...da.negators, ...da.intensifiers.keys()]) {
      expect(da.terms.has(word) || da.phrases.has(word), word).toBe(false);
    }
  });

  it('scores none of the words that are neutral in reviews on their own', () => {
    for (const word of ['ikke', 'pris', 'prisen', 'levering', 'leveringen', 'kundeservice', 'pakke', 'svar', 'kvalitet']) {
      expect(da.terms.has(word), word).toBe(false);
    }
  });
});

describe('scoreText: Danish review sentences', () => {
  const cases: [string, 'positive' | 'negative' | 'neutral'][] = [
    // plain praise and complaints
    ['Super god service og hurtig levering.', 'positive'],
    ['Fantastisk produkt, jeg er meget tilfreds!', 'positive'],
    ['Lynhurtig levering og pænt pakket ind.', 'positive'],
    ['Elendig kvalitet, den gik i stykker efter en uge.', 'negative'],
    ['Dybt skuffet over varen. Spild af penge.', 'negative'],
    ['Uhøflig medarbejder i telefonen og ingen hjælp at hente.', 'negative'],
    ['Pas på, det her firma er et rent svindelnummer.', 'negative'],
    // neutral statements
    ['Jeg bestilte en sofa i sidste uge.', 'neutral'],
    ['Prisen var 299 kr. inklusive levering.', 'neutral'],
    // negation
    ['Produktet er ikke godt.', 'negative'],
    ['Maden var ikke dårlig.', 'positive'],
    ['Opladeren virker ikke.', 'negative'],
    ['Jeg har stadig ikke modtaget min pakke.', 'negative'],
    ['Varen kom aldrig, og kundeservice svarer ikke.', 'negative'],
    ['Ingen problemer overhovedet, alt gik som smurt.', 'positive'],
    ['Det kunne ikke være bedre!', 'positive'],
    ['Jeg kan ikke anbefale dem til nogen.', 'negative'],
    // intensifiers and dampeners
    ['Helt utroligt dårlig oplevelse.', 'negative'],
    ['Lidt for dyrt til det, man får.', 'negative'],
    // contrast with men, and a concession with selvom
    ['Leveringen var lidt langsom, men kvaliteten er fremragende.', 'positive'],
    ['Selvom kundeservice var venlig, var produktet elendigt.', 'negative'],
    ['Flot hjemmeside, men varen var defekt og returneringen var besværlig.', 'negative'],
    // phrases
    ['Kan varmt anbefales!', 'positive'],
    ['Valuta for pengene, jeg handler gerne igen.', 'positive'],
    ['Aldrig igen. Jeg vil have mine penge tilbage.', 'negative'],
    ['Det levede ikke op til forventningerne.', 'negative'],
    ['Den passer perfekt og kom til tiden.', 'positive'],
    // everyday complaints about service, delivery and fit
    ['Kundeservice lovede at ringe tilbage, men der skete ingenting.', 'negative'],
    ['Sad i kø i en time, så lagde de på.', 'negative'],
    ['Små i størrelsen, bestil en størrelse større.', 'negative'],
    ['Alt for lille.', 'negative'],
    ['Passer som hånd i handske.', 'positive'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('reads no complaint into a word that only looks like a compound of one (leveringen is no leve + ringen)', () => {
    expect(terms('Leveringen var hurtig.')).toEqual(['hurtig']);
    expect(terms('Jeg måtte ringe og rykke for svar.')).toEqual([]);
  });

  it('scores "ikke dårlig" as mildly good, weaker than "god"', () => {
    const notBad = scoreText('ikke dårlig', da).score;
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(scoreText('god', da).score);
  });

  it('matches verb + negator as one phrase, so nothing after it is flipped', () => {
    expect(terms('virker ikke og er dårlig')).toEqual(['virker ikke', 'dårlig']);
    expect(scoreText('virker ikke og er dårlig', da).terms[1]!.weight).toBeLessThan(0);
  });

  it('boosts with meget and dampens with lidt', () => {
    const plain = scoreText('dårlig', da).terms[0]!.weight;
    expect(scoreText('meget dårlig', da).terms[0]!.weight).toBeLessThan(plain);
    expect(scoreText('lidt dårlig', da).terms[0]!.weight).toBeGreaterThan(plain);
  });

  it('reads "super" as praise on its own and "super dårlig" as a complaint', () => {
    expect(label('Super!')).toBe('positive');
    expect(label('Super dårlig service')).toBe('negative');
  });
});
