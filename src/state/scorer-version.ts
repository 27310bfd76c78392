// Which lexicons and rules made a score: a hash over every shipped lexicon file, the packs and taxonomy the config
// selects (their versions carry the hashes of the user's own term and topic files) and the rules' version
// constant. Stored with each record; a record whose scorer differs from the current one is scored again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packsFor } from '../analyze/config-packs.js';
import { loadTaxonomy } from '../analyze/topics.js';
import type { Config } from '../config/schema.js';
import { LEXICONS_DIR } from '../paths.js';
import { LANGS } from '../types.js';
import { SCORER_RULES_VERSION } from '../version.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/** `rules<version>-<12 hex digits>`: short enough to store with every record. */
export function scorerVersion(config: Pick<Config, 'lexicons' | 'topics'>): string {
  const hash = createHash('sha256');
  hash.update(`rules ${SCORER_RULES_VERSION}\n`);
  for (const file of filesUnder(LEXICONS_DIR)) hash.update(`${relative(LEXICONS_DIR, file)}\n`).update(readFileSync(file));
  const packFor = packsFor(config);
  for (const lang of LANGS) {
    const pack = packFor(lang);
    hash.update(`${lang} ${pack ? `${pack.name}@${pack.version}` : 'none'}\n`);
  }
  hash.update(`topics ${loadTaxonomy(config.topics)?.label ?? 'none'}\n`);
  return `rules${SCORER_RULES_VERSION}-${hash.digest('hex').slice(0, 12)}`;
}
