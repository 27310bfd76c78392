// The lexicon packs this installation has, loaded (and so validated) once.
import { loadLexiconPack } from '../analyze/lexicon-pack.js';
import type { LexiconVersion } from '../report/run-manifest.js';
import { LANGS } from '../types.js';

export function loadedLexicons(): LexiconVersion[] {
  return LANGS.flatMap((lang) => {
    const pack = loadLexiconPack(lang);
    return pack ? [{ lang, name: pack.name, version: pack.version }] : [];
  });
}
