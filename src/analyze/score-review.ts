// Review → ScoredReview: pure and synchronous, so it runs the same inline, in workers and in tests.
import type { Lang, Review, ScoredReview } from '../types.js';
import { detectLanguage } from './detect-language.js';
import { loadLexiconPack, type LexiconPack } from './lexicon-pack.js';
import { scoreText } from './sentiment.js';

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
  return (review) => {
    const texts = review.texts;
    const text = texts.length === 1 ? texts[0]!.text : texts.length === 2 ? texts[0]!.text + '\n' + texts[1]!.text : texts.map((t) => t.text).join('\n');
    const language = review.language ?? (text ? detectLanguage(text) : undefined) ?? FALLBACK_LANG;
    const { pack: p, label } = pack(language);
    // Spelled out rather than spread: one object shape for every record keeps this hot path monomorphic.
    return {
      id: review.id, ref: review.ref, product: review.product, date: review.date, texts, language,
      rating: review.rating, nps: review.nps, csat: review.csat, sentiment: text && p ? scoreText(text, p) : undefined, lexicon: label,
    };
  };
}
