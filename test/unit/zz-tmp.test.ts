import { test } from 'vitest';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { scoreText } from '../../src/analyze/sentiment.js';
import { detectLanguage } from '../../src/analyze/detect-language.js';
test('x', () => {
  const t0 = performance.now();
  const p = loadLexiconPack('en')!;
  console.log('load ms', performance.now() - t0, p.terms.size, p.phrases.size, p.negators.size, p.intensifiers.size, p.stemming?.terms.size);
  console.log('overlap', [...p.intensifiers.keys(), ...p.negators].filter((k) => p.terms.has(k) || p.phrases.has(k)));
  for (const s of ['Great product, works perfectly', 'It broke after two days. Waste of money.', 'not good', 'not bad', 'The delivery was slow but the quality is excellent', '', 'I would not recommend this', 'Refunded twice, still waiting', 'Kind of slow', 'not very good', 'No problems at all, fits perfectly!', 'constructor __proto__ hasOwnProperty toString', 'Not as described. The item arrived late and was damaged :(', 'Very very happy', 'has goods kinds'])
    console.log(JSON.stringify(s), JSON.stringify(scoreText(s, p)));
  for (const s of ['The product arrived quickly and it works very well.', 'Jeg er veldig fornøyd med produktet, det kom fort.', 'Eg er ikkje nøgd, det var berre tull.', 'Jeg er meget tilfreds, det kom hurtigt og virker godt.', 'Jag är mycket nöjd, det kom snabbt och fungerar bra.', 'ok', 'Jeg er glad'])
    console.log(s, detectLanguage(s));
});
