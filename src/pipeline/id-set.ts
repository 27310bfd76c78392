// The ids seen in a run, as 64-bit hashes in an open-addressing table: 16 bytes per id instead of a string in a
// Set (≈ 60–80 bytes), so a night of millions of records stays lean. Two ids colliding on all 64 bits would make
// the second a false duplicate: odds of about n² / 2⁶⁵, one in 40 million for a million ids.
export class IdSet {
  private table = new Uint32Array(2 * 1024);
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
    if ((this.count + 1) * 2 > this.table.length / 2) this.grow();
    return this.insert(h1, h2);
  }

  get size(): number {
    return this.count;
  }

  private insert(h1: number, h2: number): boolean {
    const slots = this.table.length / 2;
    let slot = h1 & (slots - 1);
    for (;;) {
      const a = this.table[2 * slot]!;
      const b = this.table[2 * slot + 1]!;
      if (b === 0) {
        this.table[2 * slot] = h1;
        this.table[2 * slot + 1] = h2;
        this.count++;
        return true;
      }
      if (a === h1 && b === h2) return false;
      slot = (slot + 1) & (slots - 1);
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
