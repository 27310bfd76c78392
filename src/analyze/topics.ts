// Pain-point topics as data: a taxonomy (a JSON file naming the topics, with a display name per language and a
// term file per language) read into what the scorer matches per language. The default taxonomy is
// lexicons/topics/topics.json; a config may name another (`"taxonomy": "restaurants"` or a path) and add term files
// of its own. Mistakes fail at start-up with the file, line and fix.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { configError } from '../errors.js';
import { LEXICONS_DIR } from '../paths.js';
import { LANGS, type Lang } from '../types.js';
import { MAX_PHRASE_TOKENS } from './lexicon-pack.js';
import { tokenize } from './tokenize.js';

/** Taxonomies shipped in lexicons/topics/, by the name a config may use. */
export const SHIPPED_TAXONOMIES: Readonly<Record<string, string>> = {
  default: join(LEXICONS_DIR, 'topics', 'topics.json'),
  restaurants: join(LEXICONS_DIR, 'topics', 'restaurants.json'),
};

/** The taxonomy file a name stands for: a shipped taxonomy's, or a `.json` path resolved against `base`; null
 *  for `none` (no topics); undefined for anything else (the caller says what is expected). */
export function taxonomyFile(name: string, base: string): string | null | undefined {
  if (name === 'none') return null;
  if (Object.hasOwn(SHIPPED_TAXONOMIES, name)) return SHIPPED_TAXONOMIES[name];
  return name.endsWith('.json') ? resolve(base, name) : undefined;
}

/** `parent`: the broader topic this one is part of (packaging of delivery, staff of customer service). A term of the
 *  topic names its parent too, so the parent's figures cover the whole family; pain points rank the topics with
 *  no parent against each other, and report each part beside its parent. */
export type Topic = { id: string; names: Partial<Record<Lang, string>>; parent?: string };

/** One language's topic terms, in `tokenize` form. Values are topic ids (a term may find two topics). */
export type TopicTerms = {
  words: Map<string, readonly string[]>;
  /** Multi-token terms, space-joined. */
  phrases: Map<string, readonly string[]>;
  /** Word beginnings (`levering*`): a word that starts with one finds its topics. Longest first. */
  prefixes: { prefix: string; topics: readonly string[] }[];
  /** Words and word beginnings listed under the topic `-`: they name no topic, although a compound reading would
   *  find one in them (`menneske`: menn + `eske`, a box). */
  none: { words: Set<string>; prefixes: string[] };
};

/** The topic of term-file lines that list words naming no topic. */
export const NO_TOPIC = '-';

export type Taxonomy = {
  /** `name@version+hash`: what the manifest and the state record. */
  label: string;
  topics: readonly Topic[];
  terms: Partial<Record<Lang, TopicTerms>>;
};

/** What a config says about topics (schema.ts): the taxonomy file, extra term files per language, and display
 *  names for topic ids the extra files introduce. */
export type TopicsSpec = {
  readonly taxonomy: string | undefined;
  readonly terms: Readonly<Partial<Record<Lang, readonly string[]>>>;
  readonly names: Readonly<Record<string, Readonly<Partial<Record<Lang, string>>>>>;
};

export const DEFAULT_TOPICS: TopicsSpec = { taxonomy: SHIPPED_TAXONOMIES.default, terms: {}, names: {} };
/** Topics off (`"taxonomy": "none"`): what sentiment-only work such as `tilfreds eval` uses. */
export const NO_TOPICS: TopicsSpec = { taxonomy: undefined, terms: {}, names: {} };

const cache = new Map<string, Taxonomy | undefined>();

/** The taxonomy a spec names, with its extra terms; undefined when the spec turns topics off. Cached. */
export function loadTaxonomy(spec: TopicsSpec = DEFAULT_TOPICS): Taxonomy | undefined {
  const key = JSON.stringify(spec);
  if (!cache.has(key)) cache.set(key, spec.taxonomy === undefined ? undefined : readTaxonomy(spec.taxonomy, spec));
  return cache.get(key);
}

/** A topic's parent id, if it has one. */
export function topicParent(taxonomy: Taxonomy | undefined, id: string): string | undefined {
  return taxonomy?.topics.find((t) => t.id === id)?.parent;
}

/** A topic's display name in `lang`, falling back to English, then to the id. */
export function topicName(taxonomy: Taxonomy | undefined, id: string, lang: Lang = 'en'): string {
  const topic = taxonomy?.topics.find((t) => t.id === id);
  return topic?.names[lang] ?? topic?.names.en ?? id;
}

function readTaxonomy(file: string, spec: TopicsSpec): Taxonomy {
  const hash = createHash('sha256');
  const text = readText(file, 'a topic taxonomy (JSON)', 'check "topics.taxonomy" in the config');
  hash.update(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw configError(`${file}: expected a JSON topic taxonomy; ${(err as Error).message}`);
  }
  const need = (ok: boolean, what: string): void => {
    if (!ok) throw configError(`${file}: expected ${what}`);
  };
  const o = raw as { version?: unknown; topics?: unknown; terms?: unknown };
  need(typeof raw === 'object' && raw !== null && !Array.isArray(raw), 'a JSON object with "version", "topics" and "terms"');
  need(typeof o.version === 'string' && o.version !== '', '"version": a non-empty string');
  need(Array.isArray(o.topics) && o.topics.length > 0, '"topics": a non-empty array of { "id", "names" }');
  const topics: Topic[] = (o.topics as unknown[]).map((t, i) => {
    const e = t as { id?: unknown; names?: unknown; parent?: unknown };
    need(typeof e?.id === 'string' && /^[a-z][a-z0-9_]*$/.test(e.id), `"topics[${i}].id": a lower-case id (letters, digits, _)`);
    need(typeof e.names === 'object' && e.names !== null, `"topics[${i}].names": an object of language → display name`);
    need(e.parent === undefined || typeof e.parent === 'string', `"topics[${i}].parent": the id of another topic`);
    const topic: Topic = { id: e.id as string, names: languageNames(e.names as Record<string, unknown>, `${file}: "topics[${i}].names"`) };
    if (e.parent !== undefined) topic.parent = e.parent as string;
    return topic;
  });
  const ids = new Set(topics.map((t) => t.id));
  need(ids.size === topics.length, 'each topic id once');
  const parents = new Map<string, string>();
  for (const t of topics) {
    if (t.parent === undefined) continue;
    const parent = topics.find((p) => p.id === t.parent);
    need(parent !== undefined && parent.id !== t.id && parent.parent === undefined, `"parent" of ${JSON.stringify(t.id)}: the id of another topic that has no parent itself (one level); got ${JSON.stringify(t.parent)}`);
    parents.set(t.id, t.parent);
  }
  for (const [id, names] of Object.entries(spec.names)) {
    if (!ids.has(id)) topics.push({ id, names: { ...names } });
    ids.add(id);
  }
  const termFiles = (o.terms ?? {}) as Record<string, unknown>;
  need(typeof termFiles === 'object' && !Array.isArray(termFiles), '"terms": an object of language → term file');
  const terms: Partial<Record<Lang, TopicTerms>> = {};
  for (const lang of LANGS) {
    const files: string[] = [];
    const own = termFiles[lang];
    if (own !== undefined) {
      need(typeof own === 'string' && own !== '', `"terms.${lang}": a file name`);
      files.push(resolve(dirname(file), own as string));
    }
    files.push(...(spec.terms[lang] ?? []));
    if (files.length === 0) continue;
    const t: TopicTerms = { words: new Map(), phrases: new Map(), prefixes: [], none: { words: new Set(), prefixes: [] } };
    const prefixes = new Map<string, string[]>();
    for (const termFile of files) {
      const content = readText(termFile, 'a topic term file', `check "topics.terms.${lang}" in the config or "terms" in ${file}`);
      hash.update(content);
      readTermFile(termFile, content, ids, parents, t, prefixes);
    }
    t.prefixes = [...prefixes].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1)).map(([prefix, topics]) => ({ prefix, topics }));
    terms[lang] = t;
  }
  const name = file.split(/[\\/]/).pop()!.replace(/\.json$/, '');
  return { label: `${name}@${o.version as string}+${hash.digest('hex').slice(0, 12)}`, topics, terms };
}

function languageNames(names: Record<string, unknown>, where: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const [lang, name] of Object.entries(names)) {
    if (!(LANGS as readonly string[]).includes(lang) || typeof name !== 'string' || name === '') {
      throw configError(`${where}: expected names keyed by ${LANGS.join(', ')}; got ${JSON.stringify(lang)}: ${JSON.stringify(name)}`);
    }
    out[lang as Lang] = name;
  }
  return out;
}

/** `topic<TAB>term` lines (`#` comments) into `t`: a term is a word, a phrase of up to four words, or a word
 *  beginning ending in `*`. A term of a topic with a parent names the parent too. */
function readTermFile(file: string, content: string, ids: ReadonlySet<string>, parents: ReadonlyMap<string, string>, t: TopicTerms, prefixes: Map<string, string[]>): void {
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const at = `${file}:${i + 1}`;
    const cells = text.split('\t');
    if (cells.length !== 2) throw configError(`${at}: expected topic<TAB>term; got ${JSON.stringify(text)}. Fix: separate the topic id and the term with one tab.`);
    const [topic, rawTerm] = [cells[0]!.trim(), cells[1]!.trim()];
    if (!ids.has(topic) && topic !== NO_TOPIC) {
      throw configError(`${at}: unknown topic ${JSON.stringify(topic)}. Fix: use one of ${[...ids].join(', ')}, \`${NO_TOPIC}\` for a word that names no topic, or name the new topic in the config's "topics.names".`);
    }
    const prefix = rawTerm.endsWith('*');
    const tokens = tokenize(prefix ? rawTerm.slice(0, -1) : rawTerm);
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS || (prefix && (tokens.length !== 1 || tokens[0]!.length < 3))) {
      throw configError(`${at}: expected a word, a phrase of up to ${MAX_PHRASE_TOKENS} words, or a word beginning of 3+ letters ending in *; got ${JSON.stringify(rawTerm)}`);
    }
    const key = tokens.join(' ');
    if (topic === NO_TOPIC) {
      if (tokens.length !== 1) throw configError(`${at}: a "${NO_TOPIC}" line lists one word or word beginning; got ${JSON.stringify(rawTerm)}`);
      if (prefix) t.none.prefixes.push(key);
      else t.none.words.add(key);
      continue;
    }
    const map = prefix ? prefixes : tokens.length === 1 ? t.words : t.phrases;
    const named = [topic, ...(parents.has(topic) ? [parents.get(topic)!] : [])];
    const known = map.get(key) ?? [];
    const added = named.filter((n) => !known.includes(n));
    if (added.length > 0) map.set(key, [...known, ...added]);
  }
}

function readText(file: string, what: string, fix: string): string {
  if (!isAbsolute(file) || !existsSync(file)) throw configError(`${file}: ${what} that does not exist. Fix: ${fix}.`);
  return readFileSync(file, 'utf8');
}
