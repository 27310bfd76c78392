// Format name → adapter. Every adapter turns one file into batches of reviews and rejects.
import type { InputConfig, InputFormat } from '../config/schema.js';
import type { SourceItem } from '../types.js';
import { readCsv } from './csv-source.js';
import type { FileDigest } from './decode.js';
import { readJson } from './json-source.js';
import { readJsonLines } from './jsonl-source.js';

export type Source = (input: InputConfig, file: string, digest: Partial<FileDigest>) => AsyncIterable<SourceItem[]>;

export const SOURCES: Readonly<Record<InputFormat, Source>> = {
  csv: readCsv,
  jsonl: readJsonLines,
  json: readJson,
};
