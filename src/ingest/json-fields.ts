// Field access for JSON records: an exact key first (`reviews.rating` may be a key), then a dotted path.
import type { ColumnRef, InputConfig } from '../config/schema.js';
import { configError } from '../errors.js';
import type { ColumnResolver } from './map-fields.js';

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
