// A first, cheap language guess among the five supported languages: counts characteristic function words and
// letters in the start of the text. Unmeasured beyond a few checks; a language column or the file's declared
// language should be preferred, and a measured detector will replace this.
import type { Lang } from '../types.js';
import { tokenize } from './tokenize.js';

/** Only the start of a text is read: enough words to decide, and the cost stays flat for long reviews. */
export const DETECT_SAMPLE_CHARS = 300;
/** Least total evidence, and least lead over the runner-up, for an answer. */
const MIN_EVIDENCE = 2;
const MIN_LEAD = 1;

// Written for tilfreds. Words shared by close languages (`det`, `er`, `ikke`) are listed under each of them:
// they count as evidence but cannot decide; the words only one language uses (`hvad`, `ikkje`, `inte`) decide.
// Left out on purpose: words that are also English (`i`, `for`, `men`, `at`, `to`, `end`, `lite`, `dig`, `her`).
const PROFILES: Record<Lang, string> = {
  en: `the and is it not was very this that with of my you but have are they were would be been just after bought
    from your really these what when will its it's i'm don't didn't does than which there their only also because
    could product great good works quality love`,
  nb: `ikke jeg meg deg seg er det og på til med som har var vi de den en et så om veldig fikk nå hva mye litt etter
    hadde noen noe ble også av å enn kjøpte gikk bare synes takk bra fornøyd dette være mer hvordan blitt
    mange hun fra mellom gjennom ut opp mot`,
  nn: `ikkje eg meg deg seg er det og på til med som har var vi dei den ein eit så om kva berre ho frå noko nokon
    mykje vart òg fekk gjekk korleis sjølv heilt meir hadde etter litt mellom gjennom ut opp mot`,
  da: `ikke jeg mig sig er det og på til med som har var vi de den en et så om meget fik nu hvad lidt efter havde
    nogen noget blev også af købte gik bare synes tak godt rigtig være hvordan blevet mange hun fra
    mellem gennem ud op`,
  sv: `inte jag mig sig är det och på till med som har var vi de den en ett så om mycket fick nu vad efter
    hade någon något blev också av än köpte gick bara tycker tack bra nöjd detta vara mer hur blivit
    många att för hon från mellan genom ut upp mot`,
};

const WORDS = new Map<string, Lang[]>();
for (const [lang, words] of Object.entries(PROFILES) as [Lang, string][]) {
  for (const word of new Set(words.split(/\s+/).filter(Boolean))) WORDS.set(word, [...(WORDS.get(word) ?? []), lang]);
}

/** The likely language of `text`, or undefined when the evidence is too thin or too even (short texts, text
 *  made only of words the candidates share). */
export function detectLanguage(text: string): Lang | undefined {
  const score: Record<Lang, number> = { en: 0, nb: 0, nn: 0, da: 0, sv: 0 };
  for (const token of tokenize(text.slice(0, DETECT_SAMPLE_CHARS))) {
    const langs = WORDS.get(token);
    if (langs !== undefined) {
      for (const lang of langs) score[lang]++;
    } else if (/[äö]/.test(token)) {
      score.sv++; // ä and ö are Swedish letters, not Norwegian or Danish ones
    } else if (/[æø]/.test(token)) {
      score.nb++;
      score.nn++;
      score.da++;
    }
  }
  const ranked = (Object.entries(score) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  return best[1] >= MIN_EVIDENCE && best[1] - second[1] >= MIN_LEAD ? best[0] : undefined;
}
