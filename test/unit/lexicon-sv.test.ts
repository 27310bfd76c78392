import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICONS_DIR } from '../../src/paths.js';
import { describe, expect, it } from 'vitest';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { scoreText } from '../../src/analyze/sentiment.js';

const sv = loadLexiconPack('sv')!;
const label = (text: string) => scoreText(text, sv).label;
const weights = (text: string): [string, number][] => scoreText(text, sv).terms.filter((t) => t.rule === 'term').map((t) => [t.term, t.weight]);

describe('loadLexiconPack: the shipped Swedish pack', () => {
  it('is found and names itself, with no AFINN base and no stemmer', () => {
    expect(sv).toMatchObject({ name: 'tilfreds-sv', version: '0.1.0', lang: 'sv' });
    expect(sv.stemming).toBeUndefined();
    expect(sv.terms.has('excellent')).toBe(false); // no English base underneath
  });

  it('is in the 900–1500 entry range (its own entries; emoji and emoticons come for every language)', () => {
    const entries = readFileSync(join(LEXICONS_DIR, 'sv', 'sentiment.tsv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;
    expect(entries).toBeGreaterThanOrEqual(900);
    expect(entries).toBeLessThanOrEqual(1500);
  });

  it('lists inflected forms, since there is no stemmer', () => {
    for (const word of ['dålig', 'dåligt', 'dåliga', 'sämre', 'sämst', 'nöjd', 'nöjda', 'besviken', 'besviket', 'besvikna', 'besvikelse']) {
      expect(sv.terms.has(word), word).toBe(true);
    }
    for (const word of ['reklamera', 'reklamerade', 'reklamerat', 'reklamerar', 'reklamationen', 'förseningen']) {
      expect(sv.terms.has(word), word).toBe(true);
    }
    expect(sv.terms.get('jättenöjd')!).toBeGreaterThan(sv.terms.get('nöjd')!); // compounds written out
    expect(sv.terms.get('skitdålig')!).toBeLessThan(sv.terms.get('dålig')!);
  });

  it('keeps neutral review words and the contrast word out of the lists', () => {
    for (const word of ['inte', 'pris', 'leverans', 'leveransen', 'kvalitet', 'fungerar', 'kundtjänst', 'sen', 'men']) {
      expect(sv.terms.has(word), word).toBe(false);
    }
    expect(sv.negators.has('men')).toBe(false);
    expect(sv.intensifiers.has('men')).toBe(false);
  });

  it('has negators and intensifiers, none of which is itself a scored term', () => {
    for (const word of ['inte', 'aldrig', 'ingen', 'inget', 'inga', 'ingenting', 'varken', 'utan', 'ej', 'icke']) {
      expect(sv.negators.has(word), word).toBe(true);
    }
    expect(sv.intensifiers.get('mycket')!).toBeGreaterThan(1);
    expect(sv.intensifiers.get('jätte')!).toBeGreaterThan(1);
    for (const word of ['lite', 'ganska', 'något', 'knappt', 'lite grann']) expect(sv.intensifiers.get(word)!, word).toBeLessThan(1);
    for (const word of [...sv.negators, ...sv.intensifiers.keys()]) {
      expect(sv.terms.has(word) || sv.phrases.has(word), word).toBe(false);
    }
    for (const word of sv.negators) expect(sv.intensifiers.has(word), word).toBe(false);
  });
});

describe('scoreText: Swedish review sentences', () => {
  const cases: [string, 'positive' | 'negative' | 'neutral'][] = [
    // plain positive and negative
    ['Jättenöjd med köpet, kommer att handla här igen!', 'positive'],
    ['Toppen! Snabb leverans och bra förpackat.', 'positive'],
    ['Usel kvalitet, helt värdelös produkt.', 'negative'],
    ['Mycket besviken på både varan och bemötandet.', 'negative'],
    ['Otrevlig personal i kassan.', 'negative'],
    // neutral: facts only
    ['Jag beställde en svart väska på måndagen.', 'neutral'],
    ['Leveransen kom på torsdagen och priset var 499 kr.', 'neutral'],
    // negation before the word, and verb-second negation after it
    ['Inte bra alls.', 'negative'],
    ['Laddaren fungerar inte.', 'negative'],
    ['Jag rekommenderar inte den här säljaren.', 'negative'],
    ['Gillar den inte, den är för tung.', 'negative'],
    ['Har aldrig haft några problem med dem.', 'positive'],
    ['Jag kan inte klaga, allt kom som det skulle.', 'positive'],
    ['Inte värt pengarna.', 'negative'],
    // intensifiers and dampeners
    ['Väldigt smidig app.', 'positive'],
    ['Lite dyrt.', 'negative'],
    // men: the clause after it weighs more
    ['Snygg jacka men den gick sönder efter en vecka.', 'negative'],
    ['Leveransen var försenad men produkten är fantastisk.', 'positive'],
    // phrases
    ['Paketet kom aldrig fram.', 'negative'],
    ['Kundtjänst svarar inte på mejl.', 'negative'],
    ['Slöseri med pengar.', 'negative'],
    ['Rekommenderas varmt!', 'positive'],
    ['Jag vill ha pengarna tillbaka.', 'negative'],
    ['Inga problem alls med returen.', 'positive'],
    ['Fungerar som den ska och kom i tid.', 'positive'],
    ['Ren bluff, oseriöst företag.', 'negative'],
    ['Fem stjärnor från mig 👍', 'positive'],
    ['Med vänliga hälsningar, Karin', 'neutral'],
    // everyday complaints about service, delivery and fit
    ['Kundtjänst lovade att ringa tillbaka men gjorde det aldrig.', 'negative'],
    ['Satt i kö i en timme, sen lade de på.', 'negative'],
    ['Leveransen tog alldeles för lång tid.', 'negative'],
    ['Föll isär efter en vecka.', 'negative'],
    ['Passar som hand i handske.', 'positive'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('does not call "inte dåligt" negative', () => {
    expect(label('Inte dåligt för priset.')).not.toBe('negative');
    expect(label('inte dåligt')).not.toBe('negative');
  });

  it('matches verb-then-negator phrases whole, so the verb cannot score on its own', () => {
    expect(weights('Jag rekommenderar inte butiken')).toEqual([['rekommenderar inte', -3]]);
    expect(weights('Den fungerar inte')).toEqual([['fungerar inte', -3]]);
    expect(weights('kom aldrig fram')).toEqual([['kom aldrig fram', -3.5]]);
  });

  it('flips and halves a term after a negator, and stops at a clause break', () => {
    expect(weights('inte bra')).toEqual([['bra', -1.5]]);
    expect(weights('inte bra, men snabbt')).toEqual([
      ['bra', -0.75],
      ['snabbt', 3],
    ]);
  });

  it('boosts and dampens the word right after an intensifier', () => {
    const nöjd = sv.terms.get('nöjd')!;
    expect(weights('mycket nöjd')).toEqual([['nöjd', nöjd * sv.intensifiers.get('mycket')!]]);
    expect(weights('jätte nöjd')).toEqual([['nöjd', nöjd * sv.intensifiers.get('jätte')!]]);
    expect(weights('lite besviken')[0]![1]).toBeGreaterThan(sv.terms.get('besviken')!);
    expect(Math.abs(scoreText('extremt dålig', sv).score)).toBeGreaterThan(Math.abs(scoreText('dålig', sv).score));
  });
});
