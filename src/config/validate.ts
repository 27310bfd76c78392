// Checks the JSON a user wrote against the config shape in schema.ts and fills in defaults.
// Every mistake names the field, what was expected and what was found; unknown keys suggest the nearest known one.
import { isAbsolute, resolve } from 'node:path';
import { compileDateFormat } from '../ingest/parse-date.js';
import { LANGS, TEXT_ROLES, type Lang, type TextRole } from '../types.js';
import { configError } from '../errors.js';
import { DEFAULT_TOPICS, SHIPPED_TAXONOMIES, taxonomyFile, type TopicsSpec } from '../analyze/topics.js';
import {
  DEFAULT_MAX_REJECT_RATE,
  DEFAULT_MAX_TEXT_LENGTH,
  DEFAULT_MIN_N,
  ENCODINGS,
  FORMATS,
  OUTPUT_FORMATS,
  PERIODS,
  type OutputFormat,
  type ColumnRef,
  type Config,
  type CsvOptions,
  type DateSpec,
  type Encoding,
  type IdSpec,
  type InputConfig,
  type LanguageSpec,
  type OutputConfig,
  type StateConfig,
  type ProductSpec,
  type RecordGroupSpec,
  type ScoreSpec,
  type TextSpec,
  type UserLexiconFile,
} from './schema.js';

export const SCANDINAVIAN_LOCALES = ['nb-NO', 'nn-NO', 'da-DK', 'sv-SE', 'nb', 'nn', 'no', 'da', 'sv'];
const LOCALES = ['en', 'en-US', 'en-GB', ...SCANDINAVIAN_LOCALES];

type Json = unknown;

function describe(v: Json): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array ${JSON.stringify(v).slice(0, 60)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

function fail(path: string, expected: string, found: Json): never {
  throw configError(`config: ${path}: expected ${expected}, found ${describe(found)}`);
}

/** Levenshtein distance, for "did you mean" on unknown keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return row[b.length]!;
}

export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function object(path: string, v: Json, known: readonly string[]): Record<string, Json> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path || '(top level)', 'an object', v);
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) {
      const hint = nearest(key, known);
      throw configError(
        `config: ${path ? `${path}.` : ''}${key}: unknown key${hint ? `; did you mean "${hint}"?` : ''} (known keys: ${known.join(', ')})`,
      );
    }
  }
  return v as Record<string, Json>;
}

function string(path: string, v: Json): string {
  if (typeof v !== 'string' || v.length === 0) fail(path, 'a non-empty string', v);
  return v;
}

function oneOf<T extends string>(path: string, v: Json, options: readonly T[]): T {
  if (typeof v !== 'string' || !options.includes(v as T)) {
    const hint = typeof v === 'string' ? nearest(v, options) : undefined;
    fail(path, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`, v);
  }
  return v as T;
}

function rate(path: string, v: Json): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(path, 'a share between 0 and 1 (0.05 = 5 %)', v);
  return v;
}

function regex(path: string, v: Json): RegExp {
  const source = string(path, v);
  let re: RegExp;
  try {
    re = new RegExp(source, 'u');
  } catch (e) {
    throw configError(`config: ${path}: invalid regular expression ${JSON.stringify(source)}: ${(e as Error).message}`);
  }
  // Matching the empty alternative reports how many groups the expression has.
  const groups = new RegExp(`${source}|`, 'u').exec('')!.length - 1;
  if (groups < 1) fail(path, 'a regular expression with a capture group, e.g. "^(.+)_reviews\\.csv$"', v);
  return re;
}

function column(path: string, v: Json): ColumnRef {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && v.length > 0) return v;
  return fail(path, 'a column name (or JSON field path) or a 0-based column number', v);
}

function stringList(path: string, v: Json): string[] {
  if (!Array.isArray(v)) fail(path, 'an array of strings', v);
  return v.map((x, i) => {
    if (typeof x === 'number') return String(x);
    if (typeof x !== 'string') fail(`${path}[${i}]`, 'a string', x);
    return x;
  });
}

/** Command-line overrides of the output section, checked like the file's values. */
export function outputOverrides(o: { period?: string; locale?: string }): Partial<Pick<OutputConfig, 'period' | 'locale'>> {
  return {
    ...(o.period === undefined ? {} : { period: oneOf('--period', o.period, PERIODS) }),
    ...(o.locale === undefined ? {} : { locale: oneOf('--locale', o.locale, LOCALES) }),
  };
}

function output(v: Json, base: string): OutputConfig {
  const o = object('output', v ?? {}, ['dir', 'period', 'locale', 'minN', 'formats']);
  if (o.minN !== undefined && !(Number.isInteger(o.minN) && (o.minN as number) >= 1)) {
    fail('output.minN', `a whole number of answers, 1 or more (the default ${DEFAULT_MIN_N}; 1 shows every figure)`, o.minN);
  }
  return {
    formats: o.formats === undefined ? [...OUTPUT_FORMATS] : outputFormats(o.formats),
    dir: resolve(base, o.dir === undefined ? 'out' : string('output.dir', o.dir)),
    period: o.period === undefined ? 'month' : oneOf('output.period', o.period, PERIODS),
    locale: o.locale === undefined ? 'en' : oneOf('output.locale', o.locale, LOCALES),
    minN: (o.minN as number | undefined) ?? DEFAULT_MIN_N,
  };
}

function outputFormats(v: Json): OutputFormat[] {
  const known = `a non-empty list of ${OUTPUT_FORMATS.map((f) => JSON.stringify(f)).join(', ')} (e.g. ["csv", "xlsx"]; leave the key out for all three)`;
  if (!Array.isArray(v) || v.length === 0) fail('output.formats', known, v);
  const formats = v.map((f, i) => oneOf(`output.formats[${i}]`, f, OUTPUT_FORMATS));
  const repeated = formats.find((f, i) => formats.indexOf(f) !== i);
  if (repeated) fail('output.formats', `each format once (remove the second ${JSON.stringify(repeated)})`, v);
  return formats;
}

function csvOptions(path: string, v: Json): CsvOptions {
  const o = object(path, v ?? {}, ['delimiter', 'quote', 'encoding', 'header', 'engine']);
  let delimiter = ',';
  if (o.delimiter !== undefined) {
    delimiter = o.delimiter === 'tab' || o.delimiter === '\\t' ? '\t' : string(`${path}.delimiter`, o.delimiter);
    if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
      fail(`${path}.delimiter`, 'one character such as "," ";" "|" or "\\t" (tab)', o.delimiter);
    }
  }
  let quote: string | null = '"';
  if (o.quote === null || o.quote === '' || o.quote === false) quote = null;
  else if (o.quote !== undefined) {
    quote = string(`${path}.quote`, o.quote);
    if (quote.length !== 1 || quote === delimiter) fail(`${path}.quote`, 'one character (or null for no quoting)', o.quote);
  }
  let encoding: Encoding = 'utf-8';
  if (o.encoding !== undefined) {
    const aliases: Record<string, Encoding> = { utf8: 'utf-8', cp1252: 'windows-1252', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'utf-16': 'utf-16le', utf16le: 'utf-16le' };
    const raw = typeof o.encoding === 'string' ? o.encoding.toLowerCase() : o.encoding;
    encoding = oneOf(`${path}.encoding`, typeof raw === 'string' ? (aliases[raw] ?? raw) : raw, ENCODINGS);
  }
  if (o.header !== undefined && typeof o.header !== 'boolean') fail(`${path}.header`, 'true or false', o.header);
  const engine = o.engine === undefined ? 'tilfreds' : oneOf(`${path}.engine`, o.engine, ['tilfreds', 'fast-csv'] as const);
  return { delimiter, quote, encoding, header: o.header !== false, engine };
}

function idSpec(path: string, v: Json): IdSpec {
  if (v === undefined) return { from: 'line' };
  const o = object(path, v, ['column', 'from']);
  if (o.column !== undefined) return { column: column(`${path}.column`, o.column) };
  if (o.from !== undefined) return { from: oneOf(`${path}.from`, o.from, ['line', 'hash'] as const) };
  return fail(path, '{ "column": … }, { "from": "line" } or { "from": "hash" }', v);
}

function productSpec(path: string, v: Json): ProductSpec {
  if (v === undefined) fail(path, '{ "value": … }, { "column": … } or { "from": "filename", "pattern": … }', v);
  const o = object(path, v, ['value', 'column', 'from', 'pattern']);
  const pattern = o.pattern === undefined ? {} : { pattern: regex(`${path}.pattern`, o.pattern) };
  if (o.value !== undefined) return { value: string(`${path}.value`, o.value) };
  if (o.column !== undefined) return { column: column(`${path}.column`, o.column), ...pattern };
  if (o.from !== undefined) return { from: oneOf(`${path}.from`, o.from, ['filename'] as const), ...pattern };
  return fail(path, 'one of "value", "column" or "from": "filename"', v);
}

function dateSpec(path: string, v: Json): DateSpec | undefined {
  if (v === undefined) return undefined;
  const o = object(path, v, ['column', 'format', 'columns', 'required']);
  if (o.required !== undefined && typeof o.required !== 'boolean') fail(`${path}.required`, 'true or false', o.required);
  const required = o.required !== false;
  if (o.columns !== undefined) {
    const c = object(`${path}.columns`, o.columns, ['year', 'month', 'day']);
    return {
      columns: { year: column(`${path}.columns.year`, c.year), month: column(`${path}.columns.month`, c.month), day: column(`${path}.columns.day`, c.day) },
      required,
    };
  }
  const format = o.format === undefined ? 'iso' : string(`${path}.format`, o.format);
  try {
    compileDateFormat(format);
  } catch (e) {
    throw configError(`config: ${path}.format: ${(e as Error).message}`);
  }
  return { column: column(`${path}.column`, o.column), format, required };
}

function scale(path: string, v: Json, fallback: [number, number] | undefined): [number, number] {
  if (v === undefined && fallback) return fallback;
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === 'number' && Number.isFinite(n)) || v[0] === v[1]) {
    fail(path, 'two different numbers [worst, best], e.g. [1, 5], or [5, 1] when 5 is worst', v);
  }
  return [v[0] as number, v[1] as number];
}

function scoreSpec(path: string, v: Json, fallbackScale: [number, number] | undefined): ScoreSpec | undefined {
  if (v === undefined) return undefined;
  const o = object(path, v, ['column', 'scale', 'missing', 'pattern', 'values']);
  const spec = {
    column: column(`${path}.column`, o.column),
    scale: scale(`${path}.scale`, o.scale, fallbackScale),
    missing: o.missing === undefined ? [] : stringList(`${path}.missing`, o.missing),
    ...(o.pattern === undefined ? {} : { pattern: regex(`${path}.pattern`, o.pattern) }),
  };
  return o.values === undefined ? spec : { ...spec, values: answerValues(`${path}.values`, o.values, spec.scale) };
}

/** `{ "Very satisfied": 5, … }`: each answer text once (trimmed, any case), each number on the scale. */
function answerValues(path: string, v: Json, [worst, best]: [number, number]): Map<string, number> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length === 0) {
    fail(path, 'an object from answer text to number, e.g. { "Very satisfied": 5, "Satisfied": 4 }', v);
  }
  const values = new Map<string, number>();
  for (const [answer, n] of Object.entries(v)) {
    const key = answer.trim().toLowerCase();
    if (key === '') fail(path, 'answer texts that are not blank (a blank answer is always "no answer")', answer);
    if (values.has(key)) fail(`${path}["${answer}"]`, 'each answer once (they are compared trimmed and in any case)', answer);
    if (typeof n !== 'number' || n < Math.min(worst, best) || n > Math.max(worst, best)) {
      fail(`${path}["${answer}"]`, `a number on the scale ${worst}–${best}`, n);
    }
    values.set(key, n);
  }
  return values;
}

function textSpecs(path: string, v: Json): TextSpec[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(path, 'an array of { "column": …, "role": … }', v);
  return v.map((entry, i) => {
    const p = `${path}[${i}]`;
    const o = object(p, entry, ['column', 'file', 'role', 'required']);
    const role: TextRole = o.role === undefined ? 'review' : oneOf(`${p}.role`, o.role, TEXT_ROLES);
    if (o.required !== undefined && typeof o.required !== 'boolean') fail(`${p}.required`, 'true or false', o.required);
    const required = o.required === true;
    if (o.file !== undefined) return { file: string(`${p}.file`, o.file), role, required };
    return { column: column(`${p}.column`, o.column), role, required };
  });
}

function languageSpec(path: string, v: Json): LanguageSpec {
  if (v === undefined || v === 'auto') return 'auto';
  if (typeof v === 'string') return oneOf(path, v, [...LANGS, 'auto'] as const) as Lang;
  const o = object(path, v, ['column']);
  return { column: column(`${path}.column`, o.column) };
}

function input(i: number, v: Json, base: string, defaultRate: number): InputConfig {
  const path = `inputs[${i}]`;
  const o = object(path, v, [
    'name', 'path', 'format', 'csv', 'id', 'product', 'date', 'rating', 'nps', 'csat', 'text',
    'placeholders', 'shippedPlaceholders', 'records', 'language', 'maxRejectRate', 'maxTextLength', 'description',
  ]);
  if (o.shippedPlaceholders !== undefined && typeof o.shippedPlaceholders !== 'boolean') {
    fail(`${path}.shippedPlaceholders`, 'true (the shipped list of answers meaning "no answer" applies, the default) or false', o.shippedPlaceholders);
  }
  const format = o.format === undefined ? 'csv' : oneOf(`${path}.format`, o.format, FORMATS);
  if (o.csv !== undefined && format !== 'csv') fail(`${path}.csv`, `no "csv" options for format "${format}"`, o.csv);
  const file = string(`${path}.path`, o.path);
  if (o.maxTextLength !== undefined && !(typeof o.maxTextLength === 'number' && Number.isInteger(o.maxTextLength) && o.maxTextLength > 0)) {
    fail(`${path}.maxTextLength`, 'a positive whole number of characters', o.maxTextLength);
  }
  const spec: InputConfig = {
    name: o.name === undefined ? `input${i + 1}` : string(`${path}.name`, o.name),
    path: isAbsolute(file) ? file : resolve(base, file),
    format,
    csv: csvOptions(`${path}.csv`, o.csv),
    id: idSpec(`${path}.id`, o.id),
    product: productSpec(`${path}.product`, o.product ?? groupsOwnProduct(o.records)),
    date: dateSpec(`${path}.date`, o.date),
    rating: scoreSpec(`${path}.rating`, o.rating, undefined),
    nps: scoreSpec(`${path}.nps`, o.nps, [0, 10]),
    csat: scoreSpec(`${path}.csat`, o.csat, [1, 5]),
    text: textSpecs(`${path}.text`, o.text),
    placeholders: o.placeholders === undefined ? [] : stringList(`${path}.placeholders`, o.placeholders),
    shippedPlaceholders: o.shippedPlaceholders !== false,
    records: undefined,
    language: languageSpec(`${path}.language`, o.language),
    maxRejectRate: o.maxRejectRate === undefined ? defaultRate : rate(`${path}.maxRejectRate`, o.maxRejectRate),
    maxTextLength: (o.maxTextLength as number | undefined) ?? DEFAULT_MAX_TEXT_LENGTH,
  };
  if (spec.nps && (spec.nps.scale[0] !== 0 || spec.nps.scale[1] !== 10)) fail(`${path}.nps.scale`, 'the NPS scale [0, 10] (or leave it out)', o.nps && (o.nps as Record<string, Json>).scale);
  if (o.records !== undefined) return { ...spec, records: recordGroups(`${path}.records`, o.records, spec) };
  if (!spec.text.length && !spec.rating && !spec.nps && !spec.csat) {
    fail(path, 'at least one of "text", "rating", "nps" or "csat" to analyse', v);
  }
  return spec;
}

/** With record groups that each name their product, the input needs none of its own: the first group's stands in
 *  (no group falls back on it). */
function groupsOwnProduct(records: Json): Json {
  if (!Array.isArray(records) || records.length === 0) return undefined;
  const products = records.map((r) => (r !== null && typeof r === 'object' ? (r as Record<string, Json>).product : undefined));
  return products.every((p) => p !== undefined) ? products[0] : undefined;
}

/** `"records": [{ "product": { "value": "R" }, "nps": { "column": 18 }, "text": [...] }, …]`: each entry one record
 *  per row, its fields overriding the input's. */
function recordGroups(path: string, v: Json, input: InputConfig): RecordGroupSpec[] {
  if (!Array.isArray(v) || v.length === 0) {
    fail(path, 'a non-empty array of record groups, e.g. [{ "product": { "value": "R" }, "nps": { "column": 18 } }, …]', v);
  }
  const keys = new Map<string, number>();
  return v.map((entry, i) => {
    const p = `${path}[${i}]`;
    const o = object(p, entry, ['key', 'product', 'rating', 'nps', 'csat', 'text']);
    if (o.rating === undefined && o.nps === undefined && o.csat === undefined && o.text === undefined) {
      fail(p, 'at least one of "nps", "csat", "rating" or "text" of its own (a group with only the input\'s fields would count every answer once per group)', entry);
    }
    const product = o.product === undefined ? input.product : productSpec(`${p}.product`, o.product);
    let key: string;
    if (o.key !== undefined) key = string(`${p}.key`, o.key);
    else if ('value' in product) key = product.value;
    else fail(`${p}.key`, 'a short name for the group (its records\' ids end in "#key", e.g. "R"); it is needed when the product is not a constant { "value": … }', o.key);
    if (keys.has(key)) fail(`${p}.key`, `a key no other group has (records[${keys.get(key)}] has "${key}"; set "key" to tell them apart)`, key);
    keys.set(key, i);
    const group: RecordGroupSpec = {
      key,
      product,
      rating: o.rating === undefined ? input.rating : scoreSpec(`${p}.rating`, o.rating, undefined),
      nps: o.nps === undefined ? input.nps : scoreSpec(`${p}.nps`, o.nps, [0, 10]),
      csat: o.csat === undefined ? input.csat : scoreSpec(`${p}.csat`, o.csat, [1, 5]),
      text: o.text === undefined ? input.text : textSpecs(`${p}.text`, o.text),
      own: (['rating', 'nps', 'csat', 'text'] as const).filter((f) => o[f] !== undefined),
    };
    if (group.nps && (group.nps.scale[0] !== 0 || group.nps.scale[1] !== 10)) fail(`${p}.nps.scale`, 'the NPS scale [0, 10] (or leave it out)', (o.nps as Record<string, Json>).scale);
    if (!group.text.length && !group.rating && !group.nps && !group.csat) {
      fail(p, 'at least one of "text", "rating", "nps" or "csat" to analyse (here or on the input)', entry);
    }
    return group;
  });
}

/** Validates parsed config JSON. `base` is the config file's folder; relative paths resolve against it. */
export function validateConfig(json: Json, file: string, hash: string, base: string): Config {
  const o = object('', json, ['output', 'inputs', 'maxRejectRate', 'workers', 'lexicons', 'topics', 'state', '$schema', 'description']);
  if (o.workers !== undefined && !(Number.isInteger(o.workers) && (o.workers as number) >= 1)) fail('workers', 'a whole number of worker threads, 1 or more', o.workers);
  const maxRejectRate = o.maxRejectRate === undefined ? DEFAULT_MAX_REJECT_RATE : rate('maxRejectRate', o.maxRejectRate);
  if (!Array.isArray(o.inputs) || o.inputs.length === 0) fail('inputs', 'a non-empty array of inputs', o.inputs);
  const inputs = o.inputs.map((v, i) => input(i, v, base, maxRejectRate));
  const names = new Set<string>();
  inputs.forEach((inp, i) => {
    if (names.has(inp.name)) fail(`inputs[${i}].name`, 'a name no other input has', inp.name);
    names.add(inp.name);
  });
  return { file, hash, workers: o.workers as number | undefined, output: output(o.output, base), maxRejectRate, inputs, lexicons: lexicons(o.lexicons, base), topics: topics(o.topics, base), state: state(o.state, base) };
}

/** `"state": { "path": "state/tilfreds.sqlite" }` (relative to the config file), or `false` for a stateless run. */
function state(v: Json, base: string): StateConfig {
  if (v === undefined) return undefined;
  if (v === false) return false;
  const o = object('state', v, ['path']);
  if (o.path === undefined) fail('state.path', 'the state file\'s path (e.g. "state/tilfreds-state.sqlite"), or "state": false for a stateless run', v);
  return { path: resolve(base, string('state.path', o.path)) };
}

/** `"topics": { "taxonomy": "restaurants", "terms": { "nb": ["our-topics.tsv"] }, "names": { "app_login": { "en":
 *  "Login" } } }`: a shipped taxonomy by name (`default`, `restaurants`), a taxonomy file of the user's own, or
 *  `none`; term files added per language; names for topic ids the term files introduce. The files are read when
 *  the run starts, before any input. */
function topics(v: Json, base: string): TopicsSpec {
  if (v === undefined) return DEFAULT_TOPICS;
  const o = object('topics', v, ['taxonomy', 'terms', 'names']);
  let taxonomy: string | undefined = DEFAULT_TOPICS.taxonomy;
  if (o.taxonomy !== undefined) {
    const t = o.taxonomy;
    if (typeof t !== 'string' || t === '') fail('topics.taxonomy', `"none", a shipped taxonomy (${Object.keys(SHIPPED_TAXONOMIES).join(', ')}) or the path of a taxonomy .json`, t);
    const file = taxonomyFile(t, base);
    if (file === undefined) fail('topics.taxonomy', `"none", ${Object.keys(SHIPPED_TAXONOMIES).join(', ')} or a path ending in .json`, t);
    taxonomy = file ?? undefined;
  }
  const terms: Partial<Record<Lang, string[]>> = {};
  if (o.terms !== undefined) {
    const byLang = object('topics.terms', o.terms, [...LANGS]);
    for (const lang of LANGS) {
      const files = byLang[lang];
      if (files === undefined) continue;
      terms[lang] = stringList(`topics.terms.${lang}`, files).map((f) => resolve(base, f));
    }
  }
  const names: Record<string, Partial<Record<Lang, string>>> = {};
  if (o.names !== undefined) {
    const byId = object('topics.names', o.names, Object.keys(o.names as object));
    for (const [id, value] of Object.entries(byId)) {
      if (!/^[a-z][a-z0-9_]*$/.test(id)) fail(`topics.names.${id}`, 'a topic id of lower-case letters, digits and _', id);
      const byLang = object(`topics.names.${id}`, value, [...LANGS]);
      names[id] = {};
      for (const [lang, name] of Object.entries(byLang)) names[id]![lang as Lang] = string(`topics.names.${id}.${lang}`, name);
    }
  }
  if (taxonomy === undefined && (o.terms !== undefined || o.names !== undefined)) fail('topics.taxonomy', 'a taxonomy for the terms and names to extend (not "none")', o.taxonomy);
  return { taxonomy, terms, names };
}

/** `"lexicons": { "da": [{ "file": "my-terms.tsv" }, { "file": "praise.txt", "polarity": 2 }] }`. The files are
 *  read (and their mistakes reported) when the run loads the packs, before any input is read. */
function lexicons(v: Json, base: string): Config['lexicons'] {
  if (v === undefined) return {};
  const o = object('lexicons', v, [...LANGS]);
  const out: Partial<Record<Lang, UserLexiconFile[]>> = {};
  for (const lang of LANGS) {
    const list = o[lang];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) fail(`lexicons.${lang}`, 'a non-empty array of { "file": … }', list);
    out[lang] = list.map((entry, i) => {
      const p = `lexicons.${lang}[${i}]`;
      const e = object(p, entry, ['file', 'format', 'polarity', 'column']);
      if (typeof e.file !== 'string' || e.file === '') fail(`${p}.file`, 'the path of a lexicon file (relative to the config file)', e.file);
      const spec: { file: string; format?: UserLexiconFile['format']; polarity?: number; column?: number } = { file: resolve(base, e.file) };
      if (e.format !== undefined) spec.format = oneOf(`${p}.format`, e.format, ['auto', 'tsv', 'csv', 'list'] as const);
      if (e.polarity !== undefined) {
        if (typeof e.polarity !== 'number' || e.polarity === 0 || Math.abs(e.polarity) > 5) fail(`${p}.polarity`, 'a score from -5 to 5, not 0, for every word of a list', e.polarity);
        spec.polarity = e.polarity;
      }
      if (e.column !== undefined) {
        if (!Number.isInteger(e.column) || (e.column as number) < 2) fail(`${p}.column`, 'the column of the score, counted from 1 (2 or more)', e.column);
        spec.column = e.column as number;
      }
      return spec;
    });
  }
  return out;
}
