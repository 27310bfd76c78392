import { describe, expect, it } from 'vitest';
import { DETECT_SAMPLE_CHARS, MIN_EVIDENCE, MIN_LEAD, detectLanguage, languageEvidence } from '../../src/analyze/detect-language.js';
import { LANGS, type Lang } from '../../src/types.js';

// Every sentence here was written for these tests.

describe('detectLanguage', () => {
  const cases: [Lang, string][] = [
    ['en', 'The parcel arrived quickly and it works very well, but the manual was missing.'],
    ['en', 'I returned it after a week because the battery would not hold a charge.'],
    ['nb', 'Jeg er veldig fornøyd med jakka, men den ble litt for liten etter vask.'],
    ['nb', 'Pakken kom etter to dager, og kundeservicen svarte raskt da jeg hadde et spørsmål.'],
    ['nn', 'Eg er ikkje nøgd, det var berre tull og eg fekk ikkje pengane tilbake.'],
    ['nn', 'Varene kom fram etter tre dagar, og dei var godt pakka. Eg kjem til å handle her igjen.'],
    ['da', 'Jeg er meget tilfreds, pakken kom hurtigt og jeg fik hvad jeg havde bestilt.'],
    ['da', 'Varerne var desværre forkerte, og det tog lang tid at få pengene tilbage.'],
    ['sv', 'Jag är mycket nöjd med köpet, det kom snabbt och fungerar bra.'],
    ['sv', 'Tyvärr gick den sönder efter två veckor och kundtjänsten svarade aldrig.'],
  ];
  it.each(cases)('recognises a clear %s sentence', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('ignores case, Latin-1 capitals and typographic apostrophes', () => {
    expect(detectLanguage('JEG ER MEGET TILFREDS MED KØBET')).toBe('da');
    expect(detectLanguage('HØY KVALITET, VELDIG FORNØYD')).toBe('nb');
    expect(detectLanguage('It’s great and I don’t regret it')).toBe('en');
  });

  describe('the hard pairs: one review in each language', () => {
    const late: Record<Lang, string> = {
      en: 'I ordered a jacket two weeks ago, but it still has not arrived. Customer service does not answer emails.',
      nb: 'Jeg bestilte en jakke for to uker siden, men den har fortsatt ikke kommet. Kundeservicen svarer ikke på e-post.',
      nn: 'Eg bestilte ein jakke for to veker sidan, men han har framleis ikkje kome. Kundeservicen svarar ikkje på e-post.',
      da: 'Jeg bestilte en jakke for to uger siden, men den er stadig ikke kommet. Kundeservice svarer ikke på mails.',
      sv: 'Jag beställde en jacka för två veckor sedan, men den har fortfarande inte kommit. Kundtjänst svarar inte på mejl.',
    };
    const arrived: Record<Lang, string> = {
      en: 'The parcel arrived after three days, and everything was in order.',
      nb: 'Pakken kom fram etter tre dager, og alt var helt i orden.',
      nn: 'Pakka kom fram etter tre dagar, og alt var heilt i orden.',
      da: 'Pakken kom frem efter tre dage, og alt var helt i orden.',
      sv: 'Paketet kom fram efter tre dagar, och allt var helt i sin ordning.',
    };
    it.each(LANGS.map((lang) => [lang]))('%s', (lang) => {
      expect(detectLanguage(late[lang])).toBe(lang);
      expect(detectLanguage(arrived[lang])).toBe(lang);
    });

    it('nb against da: the spelling decides (fikk/fik, uker/uger, verdt/værd)', () => {
      expect(detectLanguage('Fikk feil vare')).toBe('nb');
      expect(detectLanguage('Fik forkert vare')).toBe('da');
      expect(detectLanguage('Ikke verdt pengene')).toBe('nb');
      expect(detectLanguage('Ikke pengene værd')).toBe('da');
    });

    it('nb against nn: ikke/ikkje, jeg/eg, hva/kva, -lig/-leg', () => {
      expect(detectLanguage('Jeg vet ikke hva jeg skal si')).toBe('nb');
      expect(detectLanguage('Eg veit ikkje kva eg skal seie')).toBe('nn');
      expect(detectLanguage('Eit skikkeleg dårleg kjøp')).toBe('nn');
    });

    it('da against sv: hvad/vad, meget/mycket, æ ø against ä ö', () => {
      expect(detectLanguage('Meget god service')).toBe('da');
      expect(detectLanguage('Mycket bra service')).toBe('sv');
      expect(detectLanguage('Hvad skal jeg sige')).toBe('da');
      expect(detectLanguage('Vad ska jag säga')).toBe('sv');
    });
  });

  it('short texts of three to five words', () => {
    const short: [Lang, string][] = [
      ['en', 'Works great, highly recommend'],
      ['nb', 'Veldig fornøyd med kjøpet'],
      ['nn', 'Eg er svært nøgd'],
      ['da', 'Meget tilfreds, hurtig levering'],
      ['sv', 'Snabb leverans, bra pris'],
      ['nn', 'Ikkje verdt pengane'],
      ['sv', 'Inte värt pengarna'],
      ['en', 'Not worth the money'],
    ];
    for (const [lang, text] of short) expect(detectLanguage(text), text).toBe(lang);
  });

  it('a Danish or Swedish review naming an English product stays Danish or Swedish', () => {
    expect(detectLanguage('Jeg købte Apple AirPods Pro, og de virker rigtig godt med min telefon.')).toBe('da');
    expect(detectLanguage('Jeg har købt The North Face jakken, og den holder mig varm hele vinteren. Meget tilfreds.')).toBe('da');
    expect(detectLanguage('Riktigt bra hörlurar, noise cancelling fungerar perfekt.')).toBe('sv');
    expect(detectLanguage('Bought the Norwegian Solo soda at the store, it tastes great and I would buy it again.')).toBe('en');
  });

  it('gives up on too little evidence', () => {
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('ok')).toBeUndefined();
    expect(detectLanguage('Top!')).toBeUndefined(); // English and Danish alike
    expect(detectLanguage('5/5 👍👍')).toBeUndefined();
  });

  it('gives up when only words shared by the candidates are seen', () => {
    expect(detectLanguage('Jeg er glad')).toBeUndefined(); // nb or da
    expect(detectLanguage('Hurtig levering, god pris')).toBeUndefined(); // nb or da
  });

  it('gives no answer for text in none of the five languages', () => {
    expect(detectLanguage('很好用的应用，反应很快')).toBeUndefined();
    expect(detectLanguage('Отличное приложение, всё работает')).toBeUndefined();
  });

  it('reads only the start of the text', () => {
    const text = 'The product is fine and it was cheap. ' + 'x '.repeat(DETECT_SAMPLE_CHARS) + 'ikke jeg veldig '.repeat(50);
    expect(detectLanguage(text)).toBe('en');
  });

  it('drops a word cut by the sample limit', () => {
    const pad = (n: number) => '. '.repeat(n / 2);
    expect(detectLanguage(pad(DETECT_SAMPLE_CHARS - 6) + 'hvad meget')).toBe('da');
    // Only "hv" of "hvad" is inside the sample: no word at all.
    expect(detectLanguage(pad(DETECT_SAMPLE_CHARS - 2) + 'hvad meget')).toBeUndefined();
  });
});

describe('languageEvidence', () => {
  it('lists the five languages once each, best first, ties in the order en nb nn da sv', () => {
    const evidence = languageEvidence('Jeg er meget tilfreds');
    expect(evidence.map((e) => e.lang).sort()).toEqual([...LANGS].sort());
    expect(evidence.map((e) => e.lang).slice(0, 2)).toEqual(['da', 'nb']);
    for (let i = 1; i < evidence.length; i++) expect(evidence[i - 1]!.score).toBeGreaterThanOrEqual(evidence[i]!.score);
    expect(languageEvidence('')).toEqual(LANGS.map((lang) => ({ lang, score: 0 })));
  });

  it('scores points: 2 for a word only one language writes, 1 for a shared one, 1 for a rare use', () => {
    const score = (text: string) => Object.fromEntries(languageEvidence(text).map((e) => [e.lang, e.score]));
    expect(score('hvad')).toEqual({ en: 0, nb: 0, nn: 0, da: 2, sv: 0 });
    expect(score('og')).toEqual({ en: 0, nb: 1, nn: 1, da: 1, sv: 0 });
    expect(score('meget')).toEqual({ en: 0, nb: 1, nn: 0, da: 2, sv: 0 }); // old-fashioned bokmål too
    // Unknown words: ö is Swedish (2), -het is nb or sv (1 each); -sjon is nb or nn.
    expect(score('möjlighet')).toEqual({ en: 0, nb: 1, nn: 0, da: 0, sv: 3 });
    expect(score('informasjon')).toEqual({ en: 0, nb: 1, nn: 1, da: 0, sv: 0 });
  });

  it('orders the languages of each hard pair by their evidence', () => {
    const order = (text: string) => languageEvidence(text).map((e) => e.lang);
    expect(order('Jeg fikk ikke hva jeg bestilte').slice(0, 2)).toEqual(['nb', 'da']);
    expect(order('Jeg fik ikke hvad jeg bestilte').slice(0, 2)).toEqual(['da', 'nb']);
    expect(order('Eg fekk ikkje det eg bestilte')[0]).toBe('nn');
    expect(order('Jag fick inte det jag beställde')[0]).toBe('sv');
  });

  it('agrees with detectLanguage, which answers on enough evidence and a clear enough lead', () => {
    for (const text of ['Meget tilfreds, hurtig levering', 'Jeg er glad', 'ok', 'Snabb leverans, bra pris']) {
      const [first, second] = languageEvidence(text);
      const answers = first!.score >= MIN_EVIDENCE && first!.score - second!.score >= MIN_LEAD;
      expect(detectLanguage(text), text).toBe(answers ? first!.lang : undefined);
    }
  });

  it('tells a confident answer from a mixed text', () => {
    // Danish only: the runner-up is Norwegian, which shares many of the words, and the lead is wide.
    const [da, nb] = languageEvidence('Pakken kom frem efter tre dage, og jeg fik hvad jeg havde bestilt. Meget tilfreds.');
    expect([da!.lang, nb!.lang]).toEqual(['da', 'nb']);
    expect(da!.score - nb!.score).toBeGreaterThanOrEqual(10);

    // A review written twice, in Danish and in English: both have much evidence, and the lead is narrow.
    const [first, second] = languageEvidence('Hurtig levering og god service, jeg handler gerne her igen. Fast delivery and good service, I will shop here again.');
    expect([first!.lang, second!.lang].sort()).toEqual(['da', 'en']);
    expect(second!.score).toBeGreaterThanOrEqual(10);
    expect(first!.score - second!.score).toBeLessThan(5);
  });
});
