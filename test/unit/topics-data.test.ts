// The topic taxonomies in lexicons/topics/ are data written by hand: this checks their shape only (every line
// parses, ids are known, terms are written as the tokenizer would give them, no duplicates, enough terms), and
// that two topics share a term only where a `# both:` comment says so. It reads the files with node:fs and
// tokenises nothing, so that it tests the files and not the code that will read them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../lexicons/topics/', import.meta.url));
const LANGS = ['en', 'nb', 'nn', 'da', 'sv'] as const;
const TOPIC_IDS = ['delivery', 'price', 'quality', 'size_fit', 'customer_service', 'website_app', 'checkout_payment', 'returns_refunds', 'stock', 'packaging', 'staff', 'waiting_time'];
const RESTAURANT_IDS = ['food', 'service', 'price', 'ambience', 'location', 'drinks'];

interface Taxonomy {
  version: string;
  about: string;
  topics: { id: string; names: Record<string, string> }[];
}
interface Entry {
  topic: string;
  term: string;
  line: number;
}
interface Parsed {
  entries: Entry[];
  /** Terms named in `# both:` lines: each may find two topics. */
  both: Set<string>;
  /** Phrases named in `# first:` lines: matched before the words in them, so that those words do not name their
   *  own topic there (`waiting for my parcel` is delivery, not waiting time); they may hold another term. */
  first: Set<string>;
  header: string[];
  errors: string[];
}

const readJson = (name: string): Taxonomy => JSON.parse(readFileSync(DIR + name, 'utf8')) as Taxonomy;

// A word as the tokenizer keeps it: letters, digits and combining marks, with apostrophes only inside.
const WORD = /^[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*$/u;

function parse(name: string, ids: readonly string[]): Parsed {
  const text = readFileSync(DIR + name, 'utf8');
  const out: Parsed = { entries: [], both: new Set(), first: new Set(), header: [], errors: [] };
  const seen = new Set<string>();
  let inHeader = true;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const at = `${name}:${line}`;
    if (raw.endsWith('\r')) out.errors.push(`${at}: CR line ending`);
    if (raw.startsWith('#')) {
      if (inHeader) out.header.push(raw);
      const both = /^# both: (.+?) — /.exec(raw);
      if (both) for (const term of both[1]!.split(';')) out.both.add(term.trim());
      const first = /^# first: (.+?) — /.exec(raw);
      if (first) for (const term of first[1]!.split(';')) out.first.add(term.trim());
      return;
    }
    inHeader = false;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    if (fields.length !== 2) return void out.errors.push(`${at}: expected topic<TAB>term, got ${JSON.stringify(raw)}`);
    const [topic, term] = fields as [string, string];
    if (!ids.includes(topic) && topic !== '-') out.errors.push(`${at}: unknown topic ${JSON.stringify(topic)}`);
    const problem = termProblem(term);
    if (problem) out.errors.push(`${at}: ${JSON.stringify(term)}: ${problem}`);
    const key = `${topic}\t${term}`;
    if (seen.has(key)) out.errors.push(`${at}: duplicate ${topic} ${JSON.stringify(term)}`);
    seen.add(key);
    out.entries.push({ topic, term, line });
  });
  return out;
}

function termProblem(term: string): string | undefined {
  if (term !== term.toLowerCase()) return 'not lower case';
  if (term !== term.normalize('NFC')) return 'not NFC';
  const words = term.split(' ');
  if (words.length < 1 || words.length > 4) return `${words.length} words (1-4 allowed)`;
  for (const [k, word] of words.entries()) {
    const star = word.endsWith('*');
    const stem = star ? word.slice(0, -1) : word;
    if (!WORD.test(stem)) return `${JSON.stringify(word)} is not a single token (hyphens and punctuation split words)`;
    if (star && (words.length > 1 || k !== words.length - 1)) return '`*` only on a single word';
    if (star && [...stem].filter((ch) => /\p{L}/u.test(ch)).length < 4) return '`*` needs at least 4 letters before it';
  }
  return undefined;
}

// Whether text that one term finds is always or sometimes found by the other too.
function wordsMeet(a: string, b: string): boolean {
  const pa = a.endsWith('*');
  const pb = b.endsWith('*');
  const sa = pa ? a.slice(0, -1) : a;
  const sb = pb ? b.slice(0, -1) : b;
  if (pa && pb) return sa.startsWith(sb) || sb.startsWith(sa);
  if (pa) return sb.startsWith(sa);
  if (pb) return sa.startsWith(sb);
  return a === b;
}
function occursIn(small: string[], big: string[]): boolean {
  for (let i = 0; i + small.length <= big.length; i++) {
    if (small.every((w, j) => wordsMeet(w, big[i + j]!))) return true;
  }
  return false;
}
const overlap = (a: string, b: string): boolean => {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return occursIn(wa, wb) || occursIn(wb, wa);
};

function checkFile(name: string, ids: readonly string[], minPerTopic: number): Parsed {
  const parsed = parse(name, ids);
  describe(name, () => {
    it('parses: tab-separated, known topics, 1-4 lower-case words, `*` only at the end after 4+ letters, no duplicates', () => {
      expect(parsed.errors).toEqual([]);
      expect(parsed.entries.length).toBeGreaterThan(0);
    });

    it('opens with comment lines that say how it was written and what each topic covers', () => {
      const header = parsed.header.join('\n').toLowerCase();
      expect(parsed.header.length).toBeGreaterThanOrEqual(5);
      expect(header).toContain('by hand');
      expect(header).toContain('tilfreds');
      for (const id of ids) expect(header, id).toContain(id);
    });

    it(`has at least ${minPerTopic} terms for every topic`, () => {
      for (const id of ids) {
        const n = parsed.entries.filter((e) => e.topic === id).length;
        expect(n, `${name} ${id}`).toBeGreaterThanOrEqual(minPerTopic);
      }
    });

    it('lists no term that another term of the same topic already finds', () => {
      const redundant: string[] = [];
      for (const id of ids) {
        const terms = parsed.entries.filter((e) => e.topic === id);
        for (let i = 0; i < terms.length; i++) {
          for (let j = i + 1; j < terms.length; j++) {
            if (parsed.first.has(terms[i]!.term) || parsed.first.has(terms[j]!.term)) continue;
            if (overlap(terms[i]!.term, terms[j]!.term)) redundant.push(`${id}: ${terms[i]!.term} / ${terms[j]!.term}`);
          }
        }
      }
      expect(redundant).toEqual([]);
    });

    it('shares a term between two topics only where a `# both:` line names it', () => {
      const undeclared: string[] = [];
      const { entries, both } = parsed;
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const a = entries[i]!;
          const b = entries[j]!;
          if (a.topic === b.topic || !overlap(a.term, b.term)) continue;
          if (!both.has(a.term) && !both.has(b.term) && !parsed.first.has(a.term) && !parsed.first.has(b.term)) undeclared.push(`${a.topic} ${a.term} / ${b.topic} ${b.term}`);
        }
      }
      expect(undeclared).toEqual([]);
      const listed = new Set(entries.map((e) => e.term));
      expect([...both].filter((t) => !listed.has(t)), 'named in `# both:` but not listed').toEqual([]);
      expect([...parsed.first].filter((t) => !listed.has(t) || !t.includes(' ')), 'named in `# first:` but not a listed phrase').toEqual([]);
    });
  });
  return parsed;
}

function checkTaxonomy(name: string, ids: readonly string[]): void {
  it(`${name} lists the topics in order, each with a name in every language`, () => {
    const tax = readJson(name);
    expect(tax.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(tax.about.length).toBeGreaterThan(40);
    expect(tax.topics.map((t) => t.id)).toEqual([...ids]);
    for (const topic of tax.topics) {
      for (const lang of LANGS) expect(topic.names[lang]?.trim(), `${topic.id} ${lang}`).toBeTruthy();
      expect(Object.keys(topic.names).sort(), topic.id).toEqual([...LANGS].sort());
    }
  });
}

describe('topic taxonomies', () => {
  checkTaxonomy('topics.json', TOPIC_IDS);
  checkTaxonomy('restaurants.json', RESTAURANT_IDS);
});

for (const lang of LANGS) checkFile(`${lang}.tsv`, TOPIC_IDS, 30);
checkFile('restaurants.tsv', RESTAURANT_IDS, 25);
