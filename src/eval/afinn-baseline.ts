// The plain `sentiment` package (AFINN-165 with its own tokenizer and negation of the next word), as
// `tilfreds eval --scorer afinn-baseline` runs it: the yardstick the tilfreds scorer is measured against, on the
// same records through the same metrics. English only: the package has no other language.
import { createRequire } from 'node:module';
import { labelOf, normalise } from '../analyze/sentiment.js';
import type { Label } from '../types.js';

// sentiment ships no type declarations.
const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(text: string): { score: number } };

/** The package's score (a sum of AFINN values), mapped into [-1, 1] the way tilfreds maps its sums, so that the
 *  two are compared on one scale; the label is the sign of the sum, as the package's users read it. */
export function afinnBaseline(): (text: string) => { score: number; label: Label } {
  const sentiment = new Sentiment();
  return (text) => {
    const sum = sentiment.analyze(text).score;
    return { score: normalise(sum), label: sum > 0 ? 'positive' : sum < 0 ? 'negative' : labelOf(0) };
  };
}
