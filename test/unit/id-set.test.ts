import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { IdSet } from '../../src/pipeline/id-set.js';

const N = 200_000;

/** Ids of the shapes a run sees: a column (numeric, prefixed, UUID-like), file#row, or a content hash. */
const idKinds: [string, (k: number) => string][] = [
  ['numeric review ids', (k) => String(1_000_000 + k)],
  ['prefixed ids', (k) => `R${String(k).padStart(7, '0')}-FQU`],
  ['file#row ids (from: line)', (k) => `reviews-2024-03-05.csv#${k + 1}`],
  ['content hashes (from: hash)', (k) => createHash('sha1').update(`row ${k}`).digest('hex').slice(0, 20)],
  ['UUID-like ids', (k) => `3f2a${(k * 2654435761 >>> 0).toString(16).padStart(8, '0')}-9c1e-4b7a-8d2f-${String(k).padStart(12, '0')}`],
];

describe('IdSet', () => {
  it.each(idKinds)('adds each of 200,000 %s once: true the first time, false after', (_name, makeId) => {
    const set = new IdSet();
    let firstTrue = 0;
    for (let k = 0; k < N; k++) if (set.add(makeId(k))) firstTrue++;
    // every distinct id was new: none collided with another on all 64 bits, across every growth of the table
    expect(firstTrue).toBe(N);
    expect(set.size).toBe(N);
    let againFalse = 0;
    for (let k = 0; k < N; k++) if (!set.add(makeId(k))) againFalse++;
    expect(againFalse).toBe(N);
    expect(set.size).toBe(N);
  });

  it('finds duplicates interleaved with new ids, as a rerun over an overlapping dump does', () => {
    const set = new IdSet();
    const seen = new Set<string>();
    let mismatches = 0;
    // ids drawn with repeats: k and k * 7 mod 50,021 hit many ids twice
    for (let k = 0; k < 100_000; k++) {
      const id = `R${(k * 7) % 50_021}`;
      const expected = !seen.has(id);
      seen.add(id);
      if (set.add(id) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(set.size).toBe(seen.size);
  });

  it('tells apart ids that differ only slightly', () => {
    const set = new IdSet();
    const ids = ['12', '21', '1', '', 'R1', 'r1', 'R1 ', ' R1', 'R01', 'Ø1', 'O1', 'Å', 'A\u030a', 'R1\u0000', '😀', '😁'];
    expect(ids.map((id) => set.add(id))).toEqual(ids.map(() => true));
    expect(ids.map((id) => set.add(id))).toEqual(ids.map(() => false));
    expect(set.size).toBe(ids.length);
  });

  it('handles long ids (a whole record hashed by the caller or a long URL)', () => {
    const set = new IdSet();
    const base = 'https://www.trustpilot.com/reviews/' + 'x'.repeat(2000);
    expect(set.add(base + 'a')).toBe(true);
    expect(set.add(base + 'b')).toBe(true);
    expect(set.add(base + 'a')).toBe(false);
  });

  it('starts empty and keeps separate sets apart', () => {
    const a = new IdSet();
    const b = new IdSet();
    expect(a.size).toBe(0);
    expect(a.add('R1')).toBe(true);
    expect(b.add('R1')).toBe(true);
    expect(a.size).toBe(1);
  });
});
