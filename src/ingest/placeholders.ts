// Free-text answers that mean "no answer" (`Nothing`, `N/A`, `-`, `Ingen kommentar`): the shipped list in
// lexicons/placeholders.tsv per language, plus an input's own `placeholders`. Such a text is dropped, not scored:
// "Nothing" scored as text would read as a neutral (or, with a negator, a negative) answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputConfig } from '../config/schema.js';
import { LEXICONS_DIR } from '../paths.js';
import { LANGS, type Lang } from '../types.js';

export const PLACEHOLDERS_FILE = join(LEXICONS_DIR, 'placeholders.tsv');
const ANY = '*';

/** The shipped answers per language (`*`: any), read once. A bad line is a bug in the shipped data: it throws. */
let shipped: ReadonlyMap<string, readonly string[]> | undefined;
export function shippedPlaceholders(file = PLACEHOLDERS_FILE): ReadonlyMap<string, readonly string[]> {
  if (shipped && file === PLACEHOLDERS_FILE) return shipped;
  const byLang = new Map<string, string[]>();
  readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [lang, answer, extra] = line.split('\t');
    if (answer === undefined || extra !== undefined || (lang !== ANY && !(LANGS as readonly string[]).includes(lang!)) || normalise(answer) === '') {
      throw new Error(`${file}:${i + 1}: expected language (${[ANY, ...LANGS].join(', ')}) <TAB> answer, found ${JSON.stringify(line)}`);
    }
    const list = byLang.get(lang!) ?? [];
    list.push(normalise(answer));
    byLang.set(lang!, list);
  });
  if (file === PLACEHOLDERS_FILE) shipped = byLang;
  return byLang;
}

/** Trimmed, lower-cased, without trailing full stops and exclamation marks (`Nothing.` = `nothing`; `...` stays). */
export function normalise(text: string): string {
  const t = text.trim().toLowerCase();
  const stripped = t.replace(/[.!]+$/u, '').trimEnd();
  return stripped === '' ? t : stripped;
}

/** The test for one input: its own placeholders and, unless it opts out, the shipped ones for its language (all
 *  languages when the language is detected or read from a column). Only a text as short as the longest answer
 *  can be one: no lower-casing of every review to find out. */
export function placeholderTest(input: Pick<InputConfig, 'placeholders' | 'shippedPlaceholders' | 'language'>): (text: string) => boolean {
  const answers = new Set(input.placeholders.map(normalise));
  if (input.shippedPlaceholders) {
    const byLang = shippedPlaceholders();
    const langs: readonly string[] = typeof input.language === 'string' && input.language !== 'auto' ? [ANY, input.language satisfies Lang] : [ANY, ...LANGS];
    for (const lang of langs) for (const a of byLang.get(lang) ?? []) answers.add(a);
  }
  // Trailing marks are ignored, so a longer text may still be one: allow a few.
  const longest = Math.max(0, ...[...answers].map((a) => a.length)) + 3;
  return (text) => text.length <= longest && answers.has(normalise(text));
}
