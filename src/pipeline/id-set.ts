// The ids seen in a run, as 64-bit hashes in open-addressing tables: about 12 bytes per id instead of a string in
// a Set (≈ 60–80 bytes), so a night of millions of records stays lean. The table is split into 256 shards that
// grow one at a time: one big table would hold its old and its new array at once when it doubles (at 10 million
// ids that moment alone was 400 MB). Two ids colliding on all 64 bits would make the second a false duplicate:
// odds of about n² / 2⁶⁵, one in 40 million for a million ids.
const SHARDS = 256;
const MAX_LOAD = 0.75;

class Shard {
  table = new Uint32Array(2 * 64);
  count = 0;

  /** Adds a hash; false when it was already there. */
  insert(h1: number, h2: number): boolean {
    if (this.count + 1 > MAX_LOAD * (this.table.length / 2)) this.grow();
    return this.place(this.table, h1, h2);
  }

  private place(table: Uint32Array, h1: number, h2: number): boolean {
    const mask = table.length / 2 - 1;
    // The low 8 bits chose the shard; the slot comes from the next ones.
    for (let slot = (h1 >>> 8) & mask; ; slot = (slot + 1) & mask) {
      const b = table[2 * slot + 1]!;
      if (b === 0) {
        table[2 * slot] = h1;
        table[2 * slot + 1] = h2;
        if (table === this.table) this.count++;
        return true;
      }
      if (b === h2 && table[2 * slot] === h1) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    const table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(table, old[i]!, old[i + 1]!);
    this.table = table;
  }
}

export class IdSet {
  private readonly shards = Array.from({ length: SHARDS }, () => new Shard());
  private count = 0;
  /** The hash of the id last given to add(), for callers that pass hashes on (to merge ranges in order). */
  lastHash: [number, number] = [0, 0];

  /** Adds the id; returns false when it was already there. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 ^ (h1 >>> 16)) >>> 0;
    h2 = ((h2 ^ (h2 >>> 13)) | 1) >>> 0; // never 0: a 0 marks an empty slot
    this.lastHash[0] = h1;
    this.lastHash[1] = h2;
    return this.addHash(h1, h2);
  }

  /** Adds an id by its hash (from `lastHash`); returns false when it was already there. */
  addHash(h1: number, h2: number): boolean {
    const added = this.shards[h1 & (SHARDS - 1)]!.insert(h1, h2);
    if (added) this.count++;
    return added;
  }

  get size(): number {
    return this.count;
  }
}
