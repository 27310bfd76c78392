// The lexicon packs a run uses, loaded (and so validated) before any input is read.
import { packsFor } from '../analyze/config-packs.js';
import type { Config } from '../config/schema.js';
import type { LexiconVersion } from '../report/run-manifest.js';
import { LANGS } from '../types.js';

/** The packs a run with this config scores with (shipped packs, with the config's own term files layered). */
export function loadedLexicons(config: Pick<Config, 'lexicons' | 'topics'>): LexiconVersion[] {
  const packFor = packsFor(config);
  return LANGS.flatMap((lang) => {
    const pack = packFor(lang);
    return pack ? [{ lang, name: pack.name, version: pack.version }] : [];
  });
}
