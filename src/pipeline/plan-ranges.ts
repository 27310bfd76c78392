// Reads each input file once, fast, to cut it into byte ranges at record boundaries that workers can read in
// parallel, and to take its size and sha256 on the way. A cut goes after a line break where the quotes since the
// previous cut are balanced (quote parity: a quoted field can hold line breaks). A malformed quote can fool the
// parity; the readers then report where the range really ends, and the runner joins the ranges up (run.ts).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Encoding } from '../config/schema.js';
import type { ByteRange } from '../ingest/byte-range.js';
import { readChunks } from '../ingest/read-chunks.js';

export type FilePlan = { file: string; bytes: number; sha256: string; ranges: ByteRange[] };

export type Splitting = {
  /** `csv`: line breaks are LF, CRLF and a bare CR, and quotes count; `lines`: LF only; false: never cut. */
  mode: 'csv' | 'lines' | false;
  /** The quote byte, or -1 (no quoting). */
  quote: number;
  encoding: Encoding;
  /** Wanted bytes per range. */
  targetBytes: number;
};

const LF = 10;
const CR = 13;
/** With quotes unbalanced this much past the target, cut at the next line break anyway (an unclosed quote). */
const MAX_OVERSHOOT = 4;

/** Plans a file; `onRange` hears of each range as soon as it is cut, so that work on it can start at once. */
export async function planFile(file: string, how: Splitting, onRange: (range: ByteRange) => void = () => undefined): Promise<FilePlan> {
  const size = statSync(file).size;
  const hash = createHash('sha256');
  // Only byte-wise line breaks and quotes can be scanned for: UTF-16 files are read whole.
  const cuttable = how.mode !== false && how.encoding !== 'utf-16le' && how.encoding !== 'utf-16be' && size > 2 * how.targetBytes;
  const ranges: ByteRange[] = [];
  let rangeStart = 0;
  let rangeLine = 1;
  let line = 1;
  let odd = false;
  let offset = 0;
  let pendingCR = false; // a CR at the end of the previous chunk: a line break unless an LF follows
  const csv = how.mode === 'csv';
  const quote = csv ? how.quote : -1;

  const emit = (range: ByteRange) => {
    ranges.push(range);
    onRange(range);
  };
  /** A line break ends at byte `at` (the next line starts there): cut if the range is due and quotes balance. */
  const lineBreak = (at: number) => {
    line++;
    const due = at - rangeStart;
    if (due >= how.targetBytes && (!odd || due >= MAX_OVERSHOOT * how.targetBytes) && at < size) {
      emit({ index: ranges.length, start: rangeStart, startLine: rangeLine, end: at, endLine: line });
      rangeStart = at;
      rangeLine = line;
      odd = false;
    }
  };

  for await (const chunk of readChunks(file)) {
    hash.update(chunk);
    if (!cuttable) continue;
    const n = chunk.length;
    if (pendingCR) {
      pendingCR = false;
      if (chunk[0] !== LF) lineBreak(offset);
    }
    // Jump from one quote, LF or CR to the next (indexOf is native): the bytes between need no look.
    const next = (byte: number, from: number) => {
      if (byte < 0) return n;
      const at = chunk.indexOf(byte, from);
      return at < 0 ? n : at;
    };
    let nq = next(quote, 0);
    let nl = next(LF, 0);
    let nc = next(csv ? CR : -1, 0);
    for (;;) {
      const i = Math.min(nq, nl, nc);
      if (i >= n) break;
      if (i === nq) {
        odd = !odd;
        nq = next(quote, i + 1);
      } else if (i === nc) {
        nc = next(CR, i + 1);
        if (i + 1 === n) pendingCR = true;
        else if (chunk[i + 1] !== LF) lineBreak(offset + i + 1); // a bare CR; in CRLF the LF counts
      } else {
        nl = next(LF, i + 1);
        lineBreak(offset + i + 1);
      }
    }
    offset += n;
  }
  emit({ index: ranges.length, start: rangeStart, startLine: rangeLine, end: undefined, endLine: undefined });
  return { file, bytes: size, sha256: hash.digest('hex'), ranges };
}

/** The byte offset where `line` starts, counting line breaks from a known line start (to re-cut a range). */
export async function offsetOfLine(file: string, from: number, fromLine: number, line: number, mode: 'csv' | 'lines'): Promise<number> {
  let current = fromLine;
  let offset = from;
  let pendingCR = false;
  if (current === line) return from;
  for await (const chunk of readChunks(file, from)) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (b !== LF) {
          if (++current === line) return offset + i;
        }
      }
      if (b === LF) {
        if (++current === line) return offset + i + 1;
      } else if (b === CR && mode === 'csv') pendingCR = true;
    }
    offset += chunk.length;
  }
  return offset;
}
