// Format name → adapter. Every adapter turns one byte range of a file into batches of reviews and rejects;
// `readHead` reads what all ranges of a file need from its start (and checks the mapping against it).
import type { InputConfig, InputFormat } from '../config/schema.js';
import type { SourceItem } from '../types.js';
import type { ByteRange, RangeEnd } from './byte-range.js';
import { readCsv, readCsvHead, type CsvHead } from './csv-source.js';
import { readJson } from './json-source.js';
import { jsonColumnResolver } from './json-fields.js';
import { readJsonLines } from './jsonl-source.js';
import { compileRowMapper } from './map-fields.js';

export type FileHead = CsvHead | undefined;

export type Source = {
  readHead(input: InputConfig, file: string): Promise<FileHead>;
  read(input: InputConfig, file: string, head: FileHead, range: ByteRange, end: RangeEnd): AsyncIterable<SourceItem[]>;
  /** Whether a file can be cut into byte ranges at line breaks (and which line breaks count). */
  splits: 'csv' | 'lines' | false;
};

const checkJsonMapping = async (input: InputConfig, file: string): Promise<FileHead> => {
  compileRowMapper(input, file, jsonColumnResolver(input));
  return undefined;
};

export const SOURCES: Readonly<Record<InputFormat, Source>> = {
  csv: { readHead: readCsvHead, read: (input, file, head, range, end) => readCsv(input, file, head!, range, end), splits: 'csv' },
  jsonl: { readHead: checkJsonMapping, read: (input, file, _head, range, end) => readJsonLines(input, file, range, end), splits: 'lines' },
  json: { readHead: checkJsonMapping, read: (input, file) => readJson(input, file), splits: false },
};
