// CSV adapter: decode → cut records (our cutter: line numbers, malformed quotes) → split fields (fast-csv) →
// map fields. Every physical record leaves as a review or a reject.
import { createRequire } from 'node:module';
import { ParserOptions } from '@fast-csv/parse';
import type { ColumnRef, InputConfig } from '../config/schema.js';
import { configError } from '../errors.js';
import type { SourceItem, SourceRef } from '../types.js';
import { CsvCutter, type CutItem } from './csv-cutter.js';
import { decodeFile, findBinary, type FileDigest } from './decode.js';
import { compileMapper, type ColumnResolver, type RecordMapper } from './map-fields.js';
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

/** Reads only as far as the header and checks the column mapping against it, so that a wrong column name
 *  fails the run before any file is read in full. */
export async function checkCsvColumns(input: InputConfig, file: string): Promise<void> {
  const cutter = new CsvCutter({ delimiter: input.csv.delimiter, quote: input.csv.quote });
  const splitFields = fieldSplitter(input.csv);
  for await (const text of decodeFile(file, input.csv.encoding)) {
    const first = cutter.push(text).find((item) => item.kind === 'record');
    if (first) {
      const fields = splitFields(first.text);
      compileMapper(input, file, csvColumnResolver(input, file, input.csv.header ? fields : undefined));
      return;
    }
  }
}

export async function* readCsv(input: InputConfig, file: string, digest: Partial<FileDigest>): AsyncGenerator<SourceItem[]> {
  const { delimiter, quote, encoding } = input.csv;
  const cutter = new CsvCutter({ delimiter, quote });
  const splitFields = fieldSplitter(input.csv);
  let header: string[] | undefined;
  let mapper: RecordMapper | undefined;
  let width = 0;
  let headerPending = input.csv.header;

  const handle = (items: CutItem[]): SourceItem[] => {
    const out: SourceItem[] = [];
    for (const item of items) {
      if (item.kind === 'record' && headerPending) {
        headerPending = false;
        header = splitFields(item.text);
        width = header.length;
        continue;
      }
      if (!mapper) {
        mapper = compileMapper(input, file, csvColumnResolver(input, file, header));
      }
      const ref: SourceRef = { input: input.name, file, line: item.line };
      if (item.kind === 'malformed') {
        out.push({ kind: 'reject', reject: { ref, code: item.code, reason: item.reason, actual: item.raw } });
        continue;
      }
      const bad = findBinary(item.text);
      if (bad !== -1) {
        out.push({ kind: 'reject', reject: { ref, code: 'bad-encoding', reason: `invalid bytes or binary data at character ${bad + 1} (is csv.encoding right?)`, actual: item.text } });
        continue;
      }
      const fields = splitFields(item.text);
      if (width === 0) width = fields.length; // no header: the first record sets the width
      else if (fields.length !== width) {
        const expected = header ? `the header has ${width}` : `the first record has ${width}`;
        out.push({ kind: 'reject', reject: { ref, code: 'csv-column-count', reason: `${fields.length} fields where ${expected}`, actual: item.text } });
        continue;
      }
      out.push(mapper(fields, ref));
    }
    return out;
  };

  for await (const text of decodeFile(file, encoding, digest)) {
    const items = handle(cutter.push(text));
    if (items.length) yield items;
  }
  const rest = handle(cutter.end());
  if (rest.length) yield rest;
  // A file with a header and no records still needs its column mapping checked.
  if (!mapper && header) compileMapper(input, file, csvColumnResolver(input, file, header));
}
