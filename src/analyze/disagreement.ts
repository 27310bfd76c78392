// Text and score that disagree: a promoter whose comment reads as a complaint, a detractor who praises, and the
// same at the ends of the CSAT scale. Worth a human look: either the score was a slip (a 10 meant as a 1), or the
// comment names a problem a happy customer still has, or the lexicon misread the text. Ratings are not flagged:
// on review sites a five-star review that grumbles is common and says little. Nor is a text the survey asked to
// lean one way: an answer to "what do you like least?" (role `negative`) is a complaint by design, so a record
// with one is never a promoter's surprising complaint, and one with a `positive` answer never a detractor's praise.
import type { Label, Score, TextRole } from '../types.js';

/** What the flags read of a record: a scored one, or one rebuilt from the state. */
type Judged = { nps: number | undefined; csat: Score | undefined; sentiment: { label: Label } | undefined; texts: readonly { role: TextRole }[] };

export const DISAGREEMENT_FLAGS = ['promoter_complaint', 'detractor_praise', 'satisfied_complaint', 'dissatisfied_praise'] as const;
export type DisagreementFlag = (typeof DISAGREEMENT_FLAGS)[number];

/** NPS 9–10 with a negative text, NPS 0–6 with a positive one; undefined otherwise (or without a scored text). */
export function npsFlag(r: Judged): DisagreementFlag | undefined {
  const label = r.sentiment?.label;
  if (r.nps === undefined || label === undefined) return undefined;
  if (r.nps >= 9 && label === 'negative' && !prompted(r, 'negative')) return 'promoter_complaint';
  if (r.nps <= 6 && label === 'positive' && !prompted(r, 'positive')) return 'detractor_praise';
  return undefined;
}

/** CSAT at the best point of its scale with a negative text, at the worst with a positive one. */
export function csatFlag(r: Judged): DisagreementFlag | undefined {
  const label = r.sentiment?.label;
  if (r.csat === undefined || label === undefined) return undefined;
  if (r.csat.norm === 1 && label === 'negative' && !prompted(r, 'negative')) return 'satisfied_complaint';
  if (r.csat.norm === 0 && label === 'positive' && !prompted(r, 'positive')) return 'dissatisfied_praise';
  return undefined;
}

/** Whether one of the record's texts answers a question that asked for praise or for complaints. */
function prompted(r: Judged, role: 'positive' | 'negative'): boolean {
  for (const t of r.texts) if (t.role === role) return true;
  return false;
}

/** The record's flags as one cell: `promoter_complaint satisfied_complaint`. */
export function flagsCell(r: Judged): string | undefined {
  const nps = npsFlag(r);
  const csat = csatFlag(r);
  return nps !== undefined && csat !== undefined ? `${nps} ${csat}` : (nps ?? csat);
}
