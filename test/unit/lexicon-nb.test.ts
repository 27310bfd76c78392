import { describe, expect, it } from 'vitest';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { scoreText } from '../../src/analyze/sentiment.js';

const nb = loadLexiconPack('nb')!;
const nn = loadLexiconPack('nn')!;
type Label = 'positive' | 'negative' | 'neutral';

describe('the Norwegian packs load and keep their lists apart', () => {
  it.each([
    [nb, 'tilfreds-nb', 'nb'],
    [nn, 'tilfreds-nn', 'nn'],
  ] as const)('%#: %s is found, names itself and has no stemmer', (pack, name, lang) => {
    expect(pack).toMatchObject({ name, version: '0.1.0', lang });
    expect(pack.stemming).toBeUndefined();
    expect(pack.terms.size + pack.phrases.size).toBeGreaterThan(1000);
  });

  it('has no negator or intensifier that is itself a scored term', () => {
    for (const pack of [nb, nn]) {
      for (const word of [...pack.negators, ...pack.intensifiers.keys()]) {
        expect(pack.terms.has(word) || pack.phrases.has(word), `${pack.lang}: ${word}`).toBe(false);
      }
    }
  });

  it('leaves words that are neutral in reviews unscored', () => {
    for (const word of ['ikke', 'pris', 'levering', 'kvalitet', 'vare', 'like', 'men']) expect(nb.terms.has(word), word).toBe(false);
    for (const word of ['ikkje', 'pris', 'levering', 'kvalitet', 'berre', 'noko']) expect(nn.terms.has(word), word).toBe(false);
  });

  it('lists inflected forms, since there is no stemmer', () => {
    for (const word of ['dårlig', 'dårlige', 'dårligere', 'dårligste', 'god', 'godt', 'gode', 'bedre', 'beste', 'skuffet', 'skuffende']) {
      expect(nb.terms.has(word), word).toBe(true);
    }
    for (const word of ['dårleg', 'dårlege', 'dårlegare', 'fornøgd', 'nøgd', 'nøgde', 'skuffa', 'skuffande', 'betre']) {
      expect(nn.terms.has(word), word).toBe(true);
    }
  });
});

describe('scoreText with the bokmål pack: review sentences', () => {
  const cases: [string, Label][] = [
    ['Kjempefornøyd med varen, rask levering og god service!', 'positive'],
    ['Veldig fornøyd, anbefales på det varmeste.', 'positive'],
    ['Superrask levering og kjempehyggelige folk i butikken.', 'positive'],
    ['Helt topp, fem stjerner herfra.', 'positive'],
    ['Fungerer som den skal, ingen problemer så langt.', 'positive'],
    ['Ikke noe å klage på.', 'positive'],
    ['Elendig kvalitet, gikk i stykker etter en uke.', 'negative'],
    ['Varen kom aldri, og kundeservice svarer ikke.', 'negative'],
    ['Har fortsatt ikke mottatt pakken og venter på refusjon.', 'negative'],
    ['Laderen fungerer ikke.', 'negative'],
    ['Bortkastede penger. Kan ikke anbefales.', 'negative'],
    ['Uhøflig betjening og dårlig service.', 'negative'],
    ['Dette er svindel, hold deg unna!', 'negative'],
    ['Skuffet over produktet, ikke verdt pengene.', 'negative'],
    ['Leveringen var forsinket med over en uke.', 'negative'],
    ['Varen var ikke som beskrevet.', 'negative'],
    ['Jeg liker ikke fargen.', 'negative'],
    ['Ikke bra.', 'negative'],
    ['Ikke dårlig i det hele tatt.', 'positive'],
    ['Bra produkt, men leveringen tok altfor lang tid og esken var skadet.', 'negative'],
    ['Litt dyrt, men kvaliteten er utmerket.', 'positive'],
    ['Jeg har aldri vært så fornøyd med et kjøp.', 'positive'],
    ['Ikke bare rask levering, men også god kvalitet.', 'positive'],
    ['Jeg bestilte en jakke på mandag.', 'neutral'],
    ['Pakken ble hentet på posten i dag.', 'neutral'],
  ];
  it.each(cases)('%s → %s', (text, label) => {
    expect(scoreText(text, nb).label).toBe(label);
  });

  it('reads verb-first negation as one phrase, not a flipped verb', () => {
    expect(scoreText('fungerer ikke', nb).terms).toMatchObject([{ term: 'fungerer ikke', weight: -3 }]);
    expect(scoreText('kom aldri', nb).terms).toMatchObject([{ term: 'kom aldri', weight: -3.5 }]);
  });

  it('boosts after an intensifier and dampens after a dampener', () => {
    const plain = scoreText('dårlig', nb).score;
    expect(scoreText('veldig dårlig', nb).score).toBeLessThan(plain);
    expect(scoreText('litt dårlig', nb).score).toBeGreaterThan(plain);
    expect(scoreText('ganske bra', nb).score).toBeLessThan(scoreText('bra', nb).score);
  });

  it('weights the clause after "men" over the one before', () => {
    expect(scoreText('Dårlig emballasje, men varen var perfekt.', nb).label).toBe('positive');
    expect(scoreText('Varen var perfekt, men emballasjen var dårlig.', nb).label).toBe('negative');
  });
});

describe('scoreText with the nynorsk pack: review sentences', () => {
  const cases: [string, Label][] = [
    ['Eg er godt nøgd med kjøpet.', 'positive'],
    ['Kjempebra! Anbefalast på det varmaste.', 'positive'],
    ['Veldig hyggeleg betjening og rask levering.', 'positive'],
    ['Ingen problem med returen, alt gjekk fint.', 'positive'],
    ['Det var ikkje dårleg.', 'positive'],
    ['Vara kom aldri, og kundeservice svarar ikkje.', 'negative'],
    ['Produktet fungerer ikkje.', 'negative'],
    ['Ikkje bra i det heile.', 'negative'],
    ['Bortkasta pengar, kan ikkje tilrådast.', 'negative'],
    ['Skuffa over kvaliteten, dårlegare enn sist.', 'negative'],
    ['Eg likar ikkje fargen.', 'negative'],
    ['Boka er spennande, men slutten er skuffande.', 'negative'],
    ['Eg bestilte ein genser i går.', 'neutral'],
  ];
  it.each(cases)('%s → %s', (text, label) => {
    expect(scoreText(text, nn).label).toBe(label);
  });

  it('boosts with nynorsk degree words', () => {
    expect(scoreText('utruleg dårleg', nn).score).toBeLessThan(scoreText('dårleg', nn).score);
    expect(scoreText('særs god', nn).score).toBeGreaterThan(scoreText('god', nn).score);
  });
});
