// Raw row → Review through the config's field mapping, or a Reject naming the field, the raw value and why.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import type { ColumnRef, InputConfig, RecordGroupSpec } from '../config/schema.js';
import { configError } from '../errors.js';
import { LANGS, type Lang, type RejectCode, type Score, type SourceItem, type SourceRef, type TextPart } from '../types.js';
import { compileDateFormat, dateFromParts, type DateParser } from './parse-date.js';
import { parseNps, parseScore } from './parse-score.js';
import { placeholderTest } from './placeholders.js';

/** Reads one field of a raw row: a CSV row (array) or a JSON object. */
export type FieldGetter = (row: unknown) => unknown;
/** Turns a column reference into a getter, or throws a config error naming the missing column. */
export type ColumnResolver = (ref: ColumnRef, field: string) => FieldGetter;

export type RecordMapper = (row: unknown, ref: SourceRef) => SourceItem;

const LANG_ALIASES: ReadonlyMap<string, Lang> = new Map<string, Lang>([
  ...LANGS.map((l) => [l, l] as const),
  ['no', 'nb'], ['nob', 'nb'], ['nno', 'nn'], ['dan', 'da'], ['swe', 'sv'], ['eng', 'en'], ['en-us', 'en'], ['en-gb', 'en'],
  ['nb-no', 'nb'], ['nn-no', 'nn'], ['da-dk', 'da'], ['sv-se', 'sv'],
]);

function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  return undefined;
}

/** Scalars become their string form; objects and arrays do not. */
function asScalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** A reject as a source item; a raw value that is not text is shown as JSON. */
export function rejectItem(ref: SourceRef, code: RejectCode, reason: string, field?: string, actual?: unknown): SourceItem {
  const raw = actual === undefined ? undefined : typeof actual === 'string' ? actual : JSON.stringify(actual);
  return { kind: 'reject', reject: { ref, code, reason, ...(field ? { field } : {}), ...(raw !== undefined ? { actual: raw } : {}) } };
}

/** The product for a whole file when it comes from the file name; a pattern that does not match is a config error. */
function productFromFilename(input: InputConfig, file: string, pattern: RegExp | undefined): string {
  const name = basename(file);
  if (!pattern) return basename(name, extname(name));
  const m = pattern.exec(name);
  if (!m || !m[1]) {
    throw configError(`config: input "${input.name}": product.pattern ${pattern.source} does not match the file name "${name}" (it needs a capture group that matches)`);
  }
  return m[1];
}

/** Builds the mapper for one file of an input: one record per row. `column` resolves column references against
 *  that file's header. (compileRowMapper handles wide rows as well.) */
export function compileMapper(input: InputConfig, file: string, column: ColumnResolver): RecordMapper {
  return compileRecordMapper(input, input, undefined, file, column) as RecordMapper;
}

/** Maps one raw row to its records and rejects, appended to `out`. */
export type RowMapper = (row: unknown, ref: SourceRef, out: SourceItem[]) => void;

/** Fields every record of a row shares: a reject for one of them is the row's, given once. */
const ROW_FIELDS = new Set(['date', 'id']);

/** The mapper for a file of an input, wide survey rows included: with `records`, each group whose answers are not
 *  all blank becomes a record with the id `<row id>#<key>`; a row with no such group is one `nothing-to-score`
 *  reject, so that it does not vanish. A row-level mistake (the date, the id) rejects the row once. */
export function compileRowMapper(input: InputConfig, file: string, column: ColumnResolver): RowMapper {
  if (input.records === undefined) {
    const one = compileMapper(input, file, column);
    return (row, ref, out) => void out.push(one(row, ref));
  }
  const groups = input.records.map((g) => compileRecordMapper(input, g, g.key, file, column));
  return (row, ref, out) => {
    let records = 0;
    for (const group of groups) {
      const item = group(row, ref);
      if (item === undefined) continue;
      records++;
      out.push(item);
      if (item.kind === 'reject' && item.reject.field !== undefined && ROW_FIELDS.has(item.reject.field)) return;
    }
    if (records === 0) out.push(rejectItem(ref, 'nothing-to-score', 'no record group of this row has an answer of its own (text, rating, NPS or CSAT; answers the groups share make no record alone)'));
  };
}

/** The fields a record is made of: the input's own, or a record group's (which fall back on the input's). */
type RecordFields = Pick<RecordGroupSpec, 'product' | 'rating' | 'nps' | 'csat' | 'text'> & { own?: RecordGroupSpec['own'] };

/** One record from a row through `fields`. With a group `key` (wide rows) the record's id gets `#key`, its fields
 *  in rejects `key.`, and a group whose answers are all blank gives undefined: it is no record. */
function compileRecordMapper(input: InputConfig, fields: RecordFields, key: string | undefined, file: string, column: ColumnResolver): (row: unknown, ref: SourceRef) => SourceItem | undefined {
  const fileBase = basename(file);
  const fileDir = dirname(file);
  const isPlaceholder = placeholderTest(input);
  const where = key === undefined ? '' : `records[${input.records!.findIndex((g) => g.key === key)}].`;
  const named = (field: string) => (key === undefined ? field : `${key}.${field}`);
  const idSuffix = key === undefined ? '' : `#${key}`;

  // --- id
  const idSpec = input.id;
  const idGetter = 'column' in idSpec ? column(idSpec.column, 'id.column') : undefined;
  const idFrom = 'from' in idSpec ? idSpec.from : undefined;

  // --- product
  const p = fields.product;
  let productConst: string | undefined;
  let productGetter: FieldGetter | undefined;
  let productPattern: RegExp | undefined;
  if ('value' in p) productConst = p.value;
  else if ('from' in p) productConst = productFromFilename(input, file, p.pattern);
  else [productGetter, productPattern] = [column(p.column, `${where}product.column`), p.pattern];

  // --- date
  const d = input.date;
  let dateGetter: FieldGetter | undefined;
  let dateParser: DateParser | undefined;
  let dateParts: [FieldGetter, FieldGetter, FieldGetter] | undefined;
  if (d && 'column' in d) [dateGetter, dateParser] = [column(d.column, 'date.column'), compileDateFormat(d.format)];
  else if (d) dateParts = [column(d.columns.year, 'date.columns.year'), column(d.columns.month, 'date.columns.month'), column(d.columns.day, 'date.columns.day')];

  const rating = fields.rating && { spec: fields.rating, get: column(fields.rating.column, `${where}rating.column`) };
  const nps = fields.nps && { spec: fields.nps, get: column(fields.nps.column, `${where}nps.column`) };
  const csat = fields.csat && { spec: fields.csat, get: column(fields.csat.column, `${where}csat.column`) };
  const texts = fields.text.map((t, i) =>
    'column' in t
      ? { ...t, name: named(`text[${i}] (${t.column})`), get: column(t.column, `${where}text[${i}].column`), template: undefined }
      : { ...t, name: named(`text[${i}] (${t.file})`), get: undefined, template: compileTemplate(t.file, column, `${where}text[${i}].file`) },
  );
  const lang = input.language;
  const langGetter = typeof lang === 'object' ? column(lang.column, 'language.column') : undefined;
  const langConst = typeof lang === 'string' && lang !== 'auto' ? lang : undefined;

  /** A group is no record when every answer of its own is blank, a "no answer" code or a placeholder (a text read
   *  from a file is taken as an answer). Fields it shares with the input (an NPS question for all groups) do not
   *  count: they would make every group a record. */
  const own = new Set(fields.own ?? []);
  const scores = [own.has('rating') && rating, own.has('nps') && nps, own.has('csat') && csat].filter((x) => x !== undefined && x !== false);
  const ownTexts = own.has('text') ? texts : [];
  const isBlank = (row: unknown): boolean => {
    for (const s of scores) {
      const raw = asScalar(s.get(row));
      if (raw === undefined) return false;
      const v = raw.trim();
      if (v !== '' && !s.spec.missing.includes(v)) return false;
    }
    for (const t of ownTexts) {
      if (t.template) return false;
      const raw = asText(t.get!(row));
      if (raw === undefined) return false;
      const v = raw.trim();
      if (v !== '' && !isPlaceholder(v)) return false;
    }
    return true;
  };

  return (row, ref) => {
    if (key !== undefined && isBlank(row)) return undefined;

    // product
    let product = productConst;
    if (productGetter) {
      const raw = asScalar(productGetter(row));
      if (raw === undefined) return rejectItem(ref, 'bad-type', 'expected the product as text', named('product'), productGetter(row));
      const v = raw.trim();
      if (!v) return rejectItem(ref, 'missing-product', 'the product is blank', named('product'), raw);
      if (productPattern) {
        const m = productPattern.exec(v);
        if (!m || !m[1]) return rejectItem(ref, 'missing-product', `the product pattern ${productPattern.source} does not match`, named('product'), v);
        product = m[1];
      } else product = v;
    }

    // date
    let date: string | undefined;
    if (dateGetter && dateParser) {
      const raw = asScalar(dateGetter(row));
      if (raw === undefined) return rejectItem(ref, 'bad-date', 'expected a date as text or a number', 'date', dateGetter(row));
      if (raw.trim()) {
        const r = dateParser(raw);
        if (!r.ok) return rejectItem(ref, 'bad-date', r.reason, 'date', raw);
        date = r.date;
      } else if (d!.required) return rejectItem(ref, 'missing-date', 'the date is blank (set date.required to false to count such records as undated)', 'date', raw);
    } else if (dateParts) {
      const parts = dateParts.map((g) => asScalar(g(row)));
      if (parts.some((x) => x === undefined)) return rejectItem(ref, 'bad-date', 'expected year, month and day as numbers', 'date', parts.join('-'));
      const [y, m, dd] = parts as [string, string, string];
      if (y.trim() && m.trim() && dd.trim()) {
        const r = dateFromParts(y, m, dd);
        if (!r.ok) return rejectItem(ref, 'bad-date', r.reason, 'date', `${y}-${m}-${dd}`);
        date = r.date;
      } else if (d!.required) return rejectItem(ref, 'missing-date', 'year, month or day is blank', 'date', `${y}-${m}-${dd}`);
    }

    // scores
    let ratingScore: Score | undefined;
    if (rating) {
      const r = parseScore(rating.get(row), rating.spec);
      if (!r.ok) return rejectItem(ref, 'bad-rating', r.reason, named('rating'), rating.get(row));
      ratingScore = r.score;
    }
    let npsScore: number | undefined;
    if (nps) {
      const r = parseNps(nps.get(row), nps.spec.missing, nps.spec.pattern, nps.spec.values);
      if (!r.ok) return rejectItem(ref, 'bad-nps', r.reason, named('nps'), nps.get(row));
      npsScore = r.nps;
    }
    let csatScore: Score | undefined;
    if (csat) {
      const r = parseScore(csat.get(row), csat.spec);
      if (!r.ok) return rejectItem(ref, 'bad-csat', r.reason, named('csat'), csat.get(row));
      const best = csat.spec.scale[1];
      csatScore = r.score && { ...r.score, top2: Math.abs(r.score.raw - best) <= 1 };
    }

    // texts
    const parts: TextPart[] = [];
    for (const t of texts) {
      let raw: string | undefined;
      if (t.template) {
        const path = t.template(row);
        if (path === undefined) return rejectItem(ref, 'missing-text-file', 'a field of the text file name is blank', t.name);
        const target = resolve(fileDir, path);
        // The name comes from the data: it must not reach outside the input's folder.
        if (!target.startsWith(fileDir + sep)) return rejectItem(ref, 'missing-text-file', 'the text file name points outside the input folder', t.name, path);
        try {
          raw = readFileSync(target, 'utf8');
        } catch {
          return rejectItem(ref, 'missing-text-file', 'cannot read the text file', t.name, path);
        }
      } else {
        raw = asText(t.get!(row));
        if (raw === undefined) return rejectItem(ref, 'bad-type', 'expected text', t.name, t.get!(row));
      }
      const text = raw.trim();
      if (!text || isPlaceholder(text)) {
        if (t.required) return rejectItem(ref, 'empty-text', 'the text is blank or a placeholder', t.name, raw);
        continue;
      }
      if (text.length > input.maxTextLength) {
        return rejectItem(ref, 'text-too-long', `text of ${text.length} characters, more than maxTextLength ${input.maxTextLength}`, t.name, text);
      }
      parts.push({ role: t.role, text });
    }
    if (!parts.length && !ratingScore && npsScore === undefined && !csatScore) {
      return rejectItem(ref, 'nothing-to-score', 'no text, rating, NPS or CSAT in this record');
    }

    // id
    let id: string;
    if (idGetter) {
      const raw = asScalar(idGetter(row));
      if (raw === undefined) return rejectItem(ref, 'bad-type', 'expected the id as text or a number', 'id', idGetter(row));
      id = raw.trim();
      if (!id) return rejectItem(ref, 'missing-id', 'the id is blank', 'id', raw);
    } else if (idFrom === 'line') {
      // The line is known from a byte range alone; a JSON document may hold many records on one line.
      id = ref.element === undefined ? `${fileBase}:${ref.line}` : `${fileBase}#${ref.element}`;
    } else {
      id = contentHash(row);
    }
    if (idSuffix) id += idSuffix;

    let language: Lang | undefined = langConst;
    if (langGetter) {
      const raw = asScalar(langGetter(row));
      language = raw ? LANG_ALIASES.get(raw.trim().toLowerCase()) : undefined;
    }

    return {
      kind: 'review',
      review: { id, ref, product: product!, date, texts: parts, language, rating: ratingScore, nps: npsScore, csat: csatScore, group: key },
    };
  };
}

/** `{field}` placeholders in a file name template, filled from the record; undefined if one is blank. */
function compileTemplate(template: string, column: ColumnResolver, field: string): (row: unknown) => string | undefined {
  const pieces = template.split(/\{([^}]+)\}/);
  const getters = pieces.map((piece, i) => (i % 2 ? column(piece, field) : undefined));
  return (row) => {
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      if (i % 2 === 0) out += pieces[i];
      else {
        const v = asScalar(getters[i]!(row));
        if (!v) return undefined;
        out += v;
      }
    }
    return out;
  };
}

/** The id of a record without one: a hash of all its fields, so only an exact repeat gets the same id. */
function contentHash(row: unknown): string {
  const content = Array.isArray(row) ? row.join('\u0000') : JSON.stringify(row);
  return createHash('sha1').update(content).digest('hex').slice(0, 20);
}
