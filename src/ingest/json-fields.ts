// Field access for JSON records: an exact key first (`reviews.rating` may be a key), then a dotted path.
import type { ColumnRef, InputConfig } from '../config/schema.js';
import { configError } from '../errors.js';
import type { SourceItem, SourceRef } from '../types.js';
import { findBinary } from './decode.js';
import { rejectItem, type ColumnResolver, type RowMapper } from './map-fields.js';

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function jsonColumnResolver(input: InputConfig): ColumnResolver {
  return (ref: ColumnRef, field: string) => {
    if (typeof ref === 'number') {
      throw configError(`config: input "${input.name}": ${field}: JSON fields are named, not numbered: use the key or a dotted path like "review.text"`);
    }
    const path = ref.split('.');
    return (row) => {
      const obj = row as Record<string, unknown>;
      if (has(obj, ref)) return obj[ref];
      let v: unknown = obj;
      for (const key of path) {
        if (v === null || typeof v !== 'object' || !has(v, key)) return undefined;
        v = (v as Record<string, unknown>)[key];
      }
      return v;
    };
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The text of one JSON record (a line, an array element) → a review, or a reject for invalid bytes, bad JSON or
 *  a value that is not an object. `parse` reads the value (an object map's entry needs its key kept). */
export function jsonRecord(text: string, ref: SourceRef, mapper: RowMapper, out: SourceItem[], parse: (text: string) => unknown = JSON.parse): void {
  const bad = findBinary(text);
  if (bad !== -1) return void out.push(rejectItem(ref, 'bad-encoding', `invalid bytes or binary data at character ${bad + 1}`, undefined, text));
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    return void out.push(rejectItem(ref, 'bad-json', (e as Error).message, undefined, text));
  }
  if (!isPlainObject(value)) return void out.push(rejectItem(ref, 'not-an-object', 'each record must be a JSON object', undefined, text));
  mapper(value, ref, out);
}
