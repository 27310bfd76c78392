// JSON Lines adapter: one line, one record or one reject. Keys may vary from line to line. Byte ranges of a file
// end after a newline, so every range holds whole lines.
import type { InputConfig } from '../config/schema.js';
import type { SourceItem } from '../types.js';
import { decodeRange, WHOLE_FILE, type ByteRange, type RangeEnd } from './byte-range.js';
import { sniffEncoding } from './decode.js';
import { jsonColumnResolver, jsonRecord } from './json-fields.js';
import { compileRowMapper } from './map-fields.js';

export async function* readJsonLines(
  input: InputConfig,
  file: string,
  range: ByteRange = WHOLE_FILE,
  rangeEnd: RangeEnd = { nextLine: undefined },
): AsyncGenerator<SourceItem[]> {
  const mapper = compileRowMapper(input, file, jsonColumnResolver(input));
  let rest = '';
  let line = range.startLine - 1;

  const handleLine = (text: string, out: SourceItem[]) => {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!text.trim()) return; // blank lines hold no record
    jsonRecord(text, { input: input.name, file, line }, mapper, out);
  };

  for await (const { text: chunk, past } of decodeRange(file, range, sniffEncoding(file, 'utf-8'))) {
    if (past) break; // a range ends after a newline: nothing of it lies beyond
    const out: SourceItem[] = [];
    let start = 0;
    let nl: number;
    const text = rest + chunk;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      handleLine(text.slice(start, nl), out);
      start = nl + 1;
    }
    rest = text.slice(start);
    if (out.length) yield out;
  }
  const out: SourceItem[] = [];
  if (rest) handleLine(rest, out);
  if (out.length) yield out;
  rangeEnd.nextLine = range.endLine;
}
