// JSON Lines adapter: one line, one record or one reject. Keys may vary from line to line. Byte ranges of a file
// end after a newline, so every range holds whole lines.
import type { InputConfig } from '../config/schema.js';
import type { SourceItem, SourceRef } from '../types.js';
import { decodeRange, WHOLE_FILE, type ByteRange, type RangeEnd } from './byte-range.js';
import { findBinary, sniffEncoding } from './decode.js';
import { isPlainObject, jsonColumnResolver } from './json-fields.js';
import { compileMapper } from './map-fields.js';

export async function* readJsonLines(
  input: InputConfig,
  file: string,
  range: ByteRange = WHOLE_FILE,
  rangeEnd: RangeEnd = { nextLine: undefined },
): AsyncGenerator<SourceItem[]> {
  const mapper = compileMapper(input, file, jsonColumnResolver(input));
  let rest = '';
  let line = range.startLine - 1;

  const handleLine = (text: string, out: SourceItem[]) => {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!text.trim()) return; // blank lines hold no record
    const ref: SourceRef = { input: input.name, file, line };
    const bad = findBinary(text);
    if (bad !== -1) {
      out.push({ kind: 'reject', reject: { ref, code: 'bad-encoding', reason: `invalid bytes or binary data at character ${bad + 1}`, actual: text } });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.push({ kind: 'reject', reject: { ref, code: 'bad-json', reason: (e as Error).message, actual: text } });
      return;
    }
    if (!isPlainObject(value)) {
      out.push({ kind: 'reject', reject: { ref, code: 'not-an-object', reason: 'each line must be a JSON object', actual: text } });
      return;
    }
    out.push(mapper(value, ref));
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
