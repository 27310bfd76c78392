import { describe, expect, it } from 'vitest';
import { DETECT_SAMPLE_CHARS, detectLanguage } from '../../src/analyze/detect-language.js';

describe('detectLanguage', () => {
  const cases: [string, string][] = [
    ['en', 'The parcel arrived quickly and it works very well, but the manual was missing.'],
    ['nb', 'Jeg er veldig fornøyd med jakka, men den ble litt for liten etter vask.'],
    ['nn', 'Eg er ikkje nøgd, det var berre tull og eg fekk ikkje pengane tilbake.'],
    ['da', 'Jeg er meget tilfreds, pakken kom hurtigt og jeg fik hvad jeg havde bestilt.'],
    ['sv', 'Jag är mycket nöjd med köpet, det kom snabbt och fungerar bra.'],
  ];
  it.each(cases)('recognises a clear %s sentence', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('gives up on too little evidence', () => {
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('ok')).toBeUndefined();
    expect(detectLanguage('Top!')).toBeUndefined();
  });

  it('gives up when only shared Scandinavian words are seen', () => {
    expect(detectLanguage('Jeg er glad')).toBeUndefined(); // nb or da
  });

  it('reads only the start of the text', () => {
    const text = 'The product is fine and it was cheap. ' + 'x '.repeat(DETECT_SAMPLE_CHARS) + 'ikke jeg veldig '.repeat(50);
    expect(detectLanguage(text)).toBe('en');
  });
});
