// JSON adapter for one document holding many records: a top-level array of objects, or an object whose values
// are the records (keyed by id, as NoReC's metadata). Streams: the top level is cut into elements by a small
// scanner (strings, escapes, nesting), and each element is parsed on its own, so a bad element is one reject
// and memory holds one element at a time. An object map's key is available to the mapping as the field `$key`.
import type { InputConfig } from '../config/schema.js';
import type { SourceItem } from '../types.js';
import { decodeRange, WHOLE_FILE } from './byte-range.js';
import { sniffEncoding } from './decode.js';
import { isPlainObject, jsonColumnResolver, jsonRecord } from './json-fields.js';
import { compileRowMapper } from './map-fields.js';

export type JsonElement = { text: string; line: number };

/** Cuts the elements of a top-level JSON array or object out of text that arrives in chunks. */
export class JsonElementCutter {
  private buf = '';
  private pos = 0;
  private line = 1;
  private top: '[' | '{' | undefined;
  private done = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementStart = -1;
  private elementLine = 0;
  /** Set when the document does not start with `[` or `{`. */
  error: string | undefined;

  push(text: string): JsonElement[] {
    this.buf += text;
    const out: JsonElement[] = [];
    const buf = this.buf;
    let i = this.pos;
    for (; i < buf.length && !this.done && !this.error; i++) {
      const c = buf[i]!;
      if (c === '\n') this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (!this.top) {
        if (c === '[' || c === '{') [this.top, this.depth] = [c, 1];
        else if (!/\s/.test(c)) this.error = `the document must start with [ or {, found ${JSON.stringify(c)}`;
        continue;
      }
      if (this.depth === 1 && this.elementStart === -1 && !/[\s,\]}]/.test(c)) [this.elementStart, this.elementLine] = [i, this.line];
      if (c === '"') this.inString = true;
      else if (c === '[' || c === '{') this.depth++;
      else if (c === ']' || c === '}' || c === ',') {
        if (c !== ',') this.depth--;
        if (this.depth === 0 || (this.depth === 1 && c === ',')) {
          if (this.elementStart !== -1) out.push({ text: buf.slice(this.elementStart, i), line: this.elementLine });
          this.elementStart = -1;
          if (this.depth === 0) this.done = true;
        }
      }
    }
    // Keep only the unfinished element.
    const keep = this.elementStart === -1 ? i : this.elementStart;
    this.buf = buf.slice(keep);
    if (this.elementStart !== -1) this.elementStart -= keep;
    this.pos = i - keep;
    return out;
  }

  /** What remains unclosed at the end (a truncated document), as one last element to reject. */
  end(): JsonElement[] {
    if (this.elementStart !== -1 && !this.done) return [{ text: this.buf.slice(this.elementStart), line: this.elementLine }];
    return [];
  }

  get kind(): '[' | '{' | undefined {
    return this.top;
  }
}

/** A JSON document is read whole, by one reader: it is not cut into byte ranges. */
export async function* readJson(input: InputConfig, file: string): AsyncGenerator<SourceItem[]> {
  const mapper = compileRowMapper(input, file, jsonColumnResolver(input));
  const cutter = new JsonElementCutter();
  let element = 0;

  /** An object map's entry, `"key": value`, read as a one-entry object; the key is kept as `$key`. */
  const mapEntry = (text: string): unknown => {
    const [key, v] = Object.entries(JSON.parse(`{${text}}`) as Record<string, unknown>)[0] ?? [];
    return isPlainObject(v) ? { ...v, $key: key } : v;
  };
  const handle = (elements: JsonElement[]): SourceItem[] => {
    const out: SourceItem[] = [];
    for (const el of elements) jsonRecord(el.text, { input: input.name, file, line: el.line, element: ++element }, mapper, out, cutter.kind === '{' ? mapEntry : JSON.parse);
    return out;
  };

  for await (const { text } of decodeRange(file, WHOLE_FILE, sniffEncoding(file, 'utf-8'))) {
    const items = handle(cutter.push(text));
    if (cutter.error) {
      yield [{ kind: 'reject', reject: { ref: { input: input.name, file, line: 1, element: ++element }, code: 'bad-json', reason: cutter.error, actual: text.slice(0, 200) } }];
      return;
    }
    if (items.length) yield items;
  }
  const rest = handle(cutter.end());
  if (rest.length) yield rest;
}
