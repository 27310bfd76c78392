// The lexicon pack a run scores each language with: the shipped pack, with the user's own term files from the
// config (`"lexicons": { "da": [{ "file": … }] }`) layered over it (their entries win; a word scored 0 is removed,
// a phrase scored 0 blocks its words). A language with user files but no shipped pack gets a pack of those files
// alone, without rules. Loaded once per language and thread.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Lang } from '../types.js';
import { loadLexiconPack, setEntry, type LexiconPack } from './lexicon-pack.js';
import { readUserLexiconFile, userLexiconPack } from './user-lexicon.js';
import { loadTaxonomy, type TopicTerms } from './topics.js';

/** The packs for a config's lexicons and topics, the same objects for every byte range a worker reads: the
 *  scorer's caches (word tables, vocabulary, memos) belong to the pack object, and building them again per range
 *  cost more than scoring the range's first thousands of records. */
export function packsFor(config: Pick<Config, 'lexicons' | 'topics'>): (lang: Lang) => LexiconPack | undefined {
  const key = JSON.stringify([config.lexicons, config.topics]);
  let packs = packsByConfig.get(key);
  if (packs === undefined) {
    const byLang = new Map<Lang, LexiconPack | undefined>();
    const taxonomy = loadTaxonomy(config.topics);
    packs = (lang) => {
      if (!byLang.has(lang)) byLang.set(lang, withTopics(packFor(lang, config), taxonomy?.terms[lang]));
      return byLang.get(lang);
    };
    packsByConfig.set(key, packs);
  }
  return packs;
}
const packsByConfig = new Map<string, (lang: Lang) => LexiconPack | undefined>();

/** The pack with the taxonomy's terms for its language: a new object, since the scorer's caches are per pack. */
function withTopics(pack: LexiconPack | undefined, topics: TopicTerms | undefined): LexiconPack | undefined {
  return pack === undefined || topics === undefined ? pack : { ...pack, topics };
}

function packFor(lang: Lang, config: Pick<Config, 'lexicons'>): LexiconPack | undefined {
  const base = loadLexiconPack(lang);
  const specs = config.lexicons[lang];
  if (specs === undefined) return base;
  if (base === undefined) return userLexiconPack(lang, [...specs]);
  const terms = new Map(base.terms);
  const phrases = new Map(base.phrases);
  const hash = createHash('sha256');
  for (const spec of specs) {
    const lexicon = readUserLexiconFile(spec);
    hash.update(`${lexicon.sha256} ${lexicon.format} ${spec.polarity ?? ''} ${spec.column ?? ''}\n`);
    for (const [key, score] of lexicon.entries) setEntry(terms, phrases, key, score);
  }
  const files = specs.map((s) => basename(s.file, extname(s.file))).join('+');
  // A new object: the scorer's caches (tries, vocabulary, compound memo) are per pack object.
  return { ...base, name: `${base.name}+${files}`, version: `${base.version}+${hash.digest('hex').slice(0, 12)}`, terms, phrases, stemming: base.stemming && { ...base.stemming } };
}
