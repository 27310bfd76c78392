// CSV adapter: decode → cut records (our cutter: line numbers, malformed quotes) → split fields → map fields.
// Every physical record leaves as a review or a reject. Two engines split the fields: the cutter itself (the
// default: it has found the field boundaries anyway) or fast-csv's row parser (`csv.engine: "fast-csv"`); a
// differential test holds them to the same records.
import { createRequire } from 'node:module';
import { ParserOptions } from '@fast-csv/parse';
import type { ColumnRef, InputConfig } from '../config/schema.js';
import { configError } from '../errors.js';
import type { SourceItem, SourceRef } from '../types.js';
import type { Encoding } from '../config/schema.js';
import { decodeRange, WHOLE_FILE, type ByteRange, type RangeEnd } from './byte-range.js';
import { CsvCutter, type CutItem } from './csv-cutter.js';
import { findBinary, sniffEncoding } from './decode.js';
import { compileRowMapper, rejectItem, type ColumnResolver } from './map-fields.js';
import { nearest } from '../config/validate.js';

// fast-csv's synchronous row parser (the engine behind its streams). Its package has no exports map, so the
// internal module is reachable; the cutter has already checked the quoting, so it never sees a malformed record.
type FastCsvParser = { parse(line: string, hasMoreData: boolean): { line: string; rows: string[][] } };
const require = createRequire(import.meta.url);
const { Parser } = require('@fast-csv/parse/build/src/parser/index.js') as {
  Parser: new (options: ParserOptions) => FastCsvParser;
};

/** fast-csv's row parser for one well-formed record (as the cutter hands it over). */
function fieldSplitter(csv: InputConfig['csv']): (text: string) => string[] {
  const parser = new Parser(new ParserOptions({ delimiter: csv.delimiter, quote: csv.quote, escape: csv.quote ?? undefined }));
  return (text) => parser.parse(text, false).rows[0] ?? [''];
}

export function csvColumnResolver(input: InputConfig, file: string, header: string[] | undefined): ColumnResolver {
  return (ref: ColumnRef, field: string) => {
    let index: number;
    if (typeof ref === 'number') {
      index = ref;
      if (header && index >= header.length) {
        throw configError(`config: input "${input.name}": ${field}: column number ${ref} does not exist in ${file} (it has ${header.length} columns, numbered from 0)`);
      }
    } else {
      if (!header) throw configError(`config: input "${input.name}": ${field}: "${ref}" is a column name, but csv.header is false: use a 0-based column number`);
      index = header.indexOf(ref);
      if (index === -1) index = header.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
      if (index === -1) {
        const hint = nearest(ref, header);
        throw configError(
          `config: input "${input.name}": ${field}: no column "${ref}" in ${file}${hint ? `; did you mean "${hint}"?` : ''} (columns: ${header.map((h) => JSON.stringify(h.length > 40 ? h.slice(0, 40) + '…' : h)).join(', ')})`,
        );
      }
    }
    return (row) => (row as string[])[index];
  };
}

/** What every range of a CSV file needs from its start: the encoding (a BOM wins), the header (if any) and the
 *  number of fields per record. */
export type CsvHead = { encoding: Encoding; header: string[] | undefined; width: number };

/** Reads only as far as the first record and checks the column mapping against it, so that a wrong column name
 *  fails the run before any file is read in full. */
export async function readCsvHead(input: InputConfig, file: string): Promise<CsvHead> {
  const encoding = sniffEncoding(file, input.csv.encoding);
  const cutter = new CsvCutter({ delimiter: input.csv.delimiter, quote: input.csv.quote });
  const splitFields = fieldSplitter(input.csv);
  let first: string[] | undefined;
  for await (const { text } of decodeRange(file, WHOLE_FILE, encoding)) {
    const record = cutter.push(text).find((item) => item.kind === 'record');
    if (record?.kind === 'record') {
      first = splitFields(record.text);
      break;
    }
  }
  if (!first) {
    const record = cutter.end().find((item) => item.kind === 'record');
    if (record?.kind === 'record') first = splitFields(record.text);
  }
  const header = input.csv.header ? (first ?? []) : undefined;
  compileRowMapper(input, file, csvColumnResolver(input, file, header));
  return { encoding, header, width: first?.length ?? 0 };
}

/** Reads the records of one byte range of a CSV file (the whole file by default). */
export async function* readCsv(
  input: InputConfig,
  file: string,
  head: CsvHead,
  range: ByteRange = WHOLE_FILE,
  rangeEnd: RangeEnd = { nextLine: undefined },
): AsyncGenerator<SourceItem[]> {
  const { delimiter, quote } = input.csv;
  const fastCsv = input.csv.engine === 'fast-csv';
  const cutter = new CsvCutter({
    delimiter, quote, startLine: range.startLine, width: head.width, splitFields: !fastCsv, watchLine: range.endLine,
  });
  const splitFields = fastCsv ? fieldSplitter(input.csv) : undefined;
  const { header, width } = head;
  const mapper = compileRowMapper(input, file, csvColumnResolver(input, file, header));
  let headerPending = input.csv.header && range.index === 0;
  const endLine = range.endLine ?? Infinity;

  const handle = (items: CutItem[]): SourceItem[] => {
    const out: SourceItem[] = [];
    for (const item of items) {
      if (item.line >= endLine) break; // the next range's
      if (item.kind === 'record' && headerPending) {
        headerPending = false;
        continue;
      }
      const ref: SourceRef = { input: input.name, file, line: item.line };
      if (item.kind === 'malformed') {
        out.push(rejectItem(ref, item.code, item.reason, undefined, item.raw));
        continue;
      }
      const bad = checkRecords ? findBinary(item.text) : -1;
      if (bad !== -1) {
        out.push(rejectItem(ref, 'bad-encoding', `invalid bytes or binary data at character ${bad + 1} (is csv.encoding right?)`, undefined, item.text));
        continue;
      }
      const fields = item.fields ?? splitFields!(item.text);
      if (fields.length !== width) {
        const expected = header ? `the header has ${width}` : `the first record has ${width}`;
        out.push(rejectItem(ref, 'csv-column-count', `${fields.length} fields where ${expected}`, undefined, item.text));
        continue;
      }
      mapper(fields, ref, out);
    }
    return out;
  };

  // Invalid bytes are looked for once per chunk; only records with a part in a chunk that has some are checked.
  let checkRecords = false;
  let dirtyPending = false;
  for await (const { text } of decodeRange(file, range, head.encoding)) {
    const dirty = findBinary(text) !== -1;
    checkRecords = dirty || dirtyPending;
    const cut = cutter.push(text);
    dirtyPending = checkRecords && cutter.pending > 0;
    const items = handle(cut);
    if (items.length) yield items;
    // Past the range's end, read only as far as the record that spans it.
    if (cutter.boundaryFrom !== undefined) break;
  }
  if (cutter.boundaryFrom === undefined) {
    checkRecords = dirtyPending;
    const rest = handle(cutter.end());
    if (rest.length) yield rest;
  }
  rangeEnd.nextLine = cutter.boundaryFrom;
}
