// Review → ScoredReview: pure and synchronous, so it runs the same inline, in workers and in tests.
import type { Lang, Review, ScoredReview } from '../types.js';
import { detectLanguage, languageEvidence, MIN_EVIDENCE, MIN_LEAD, type LanguageEvidence } from './detect-language.js';
import { loadLexiconPack, type LexiconPack } from './lexicon-pack.js';
import { combineResults, scoreText } from './sentiment.js';
import { splitSentences } from './tokenize.js';

/** Language when neither config, column nor detection says. */
export const FALLBACK_LANG: Lang = 'en';

export type Scorer = (review: Review) => ScoredReview;

/** A scorer with its lexicon packs loaded once; `packFor` is injectable for tests. */
export function createScorer(packFor: (lang: Lang) => LexiconPack | undefined = (lang) => loadLexiconPack(lang)): Scorer {
  const packs = new Map<Lang, { pack: LexiconPack | undefined; label: string }>();
  const pack = (lang: Lang) => {
    let entry = packs.get(lang);
    if (!entry) {
      const p = packFor(lang);
      packs.set(lang, (entry = { pack: p, label: p ? `${p.name}@${p.version}` : 'none' }));
    }
    return entry;
  };
  /** A text whose start reads as two unrelated languages (English and a Scandinavian one) is scored sentence by
   *  sentence, each in the language it reads as (a sentence too short to tell keeps the text's language). */
  const scoreMixed = (text: string, language: Lang, main: LexiconPack) => {
    const groups: { lang: Lang; text: string }[] = [];
    for (const sentence of splitSentences(text)) {
      const lang = detectLanguage(sentence) ?? language;
      const last = groups[groups.length - 1];
      if (last?.lang === lang) last.text += '\n' + sentence;
      else groups.push({ lang, text: sentence });
    }
    return combineResults(groups.map((g) => scoreText(g.text, pack(g.lang).pack ?? main)), main.calibration);
  };
  return (review) => {
    const texts = review.texts;
    const text = texts.length === 1 ? texts[0]!.text : texts.length === 2 ? texts[0]!.text + '\n' + texts[1]!.text : texts.map((t) => t.text).join('\n');
    let language = review.language;
    let mixed = false;
    if (language === undefined && text) {
      const evidence = languageEvidence(text);
      language = decide(evidence);
      mixed = language !== undefined && isMixed(evidence);
    }
    language ??= FALLBACK_LANG;
    const { pack: p, label } = pack(language);
    const sentiment = text && p ? (mixed ? scoreMixed(text, language, p) : scoreText(text, p)) : undefined;
    // Spelled out rather than spread: one object shape for every record keeps this hot path monomorphic.
    return {
      id: review.id, ref: review.ref, product: review.product, date: review.date, texts, language,
      rating: review.rating, nps: review.nps, csat: review.csat, group: review.group, sentiment, lexicon: label,
    };
  };
}

const NORDIC = new Set<Lang>(['nb', 'nn', 'da', 'sv']);

/** The language a record without a declared one is scored in, before the fallback (what `eval --detect` measures). */
export const detectForScoring = (text: string): Lang | undefined => decide(languageEvidence(text));

/** detectLanguage's answer, and for a tie between Scandinavian languages (`hurtig levering`, `god service`: the
 *  same words in Norwegian and Danish) the first of them rather than none: any of their packs reads such a text
 *  better than the English one the fallback would use. */
export function decide(evidence: readonly LanguageEvidence[]): Lang | undefined {
  const [best, next] = evidence;
  if (best === undefined || best.score < MIN_EVIDENCE) return undefined;
  if (next === undefined || best.score - next.score >= MIN_LEAD) return best.lang;
  return NORDIC.has(best.lang) && NORDIC.has(next.lang) ? best.lang : undefined;
}

/** The least evidence, and the least share of the leader's, for a second, unrelated language to count. */
const MIXED_MIN_EVIDENCE = 4;
const MIXED_SHARE = 0.5;

/** Whether the text's start reads as English and a Scandinavian language both (not two close ones: a Danish
 *  review gives bokmål many points too). */
export function isMixed(evidence: readonly LanguageEvidence[]): boolean {
  const best = evidence[0]!;
  const other = evidence.find((e) => NORDIC.has(e.lang) !== NORDIC.has(best.lang));
  return other !== undefined && other.score >= MIXED_MIN_EVIDENCE && other.score >= MIXED_SHARE * best.score;
}
