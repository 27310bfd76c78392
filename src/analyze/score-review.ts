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
  const packs = new Map<Lang, LexiconPack | undefined>();
  const pack = (lang: Lang) => {
    if (!packs.has(lang)) packs.set(lang, packFor(lang));
    return packs.get(lang);
  };
  return (review) => {
    const text = review.texts.map((t) => t.text).join('\n');
    const language = review.language ?? (text ? detectLanguage(text) : undefined) ?? FALLBACK_LANG;
    const p = pack(language);
    if (!text || !p) return { ...review, language, sentiment: undefined, lexicon: p ? `${p.name}@${p.version}` : 'none' };
    return { ...review, language, sentiment: scoreText(text, p), lexicon: `${p.name}@${p.version}` };
  };
}
