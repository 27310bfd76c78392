// A byte range of an input file: where a worker starts reading (a record boundary, with its physical line) and
// where the next range starts. Ranges are cut by plan-ranges.ts; readers may read past `end` to finish the record
// that spans it, and tell where the next record really starts (`RangeEnd`), so the ranges can be checked to join.
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/schema.js';

export type ByteRange = {
  /** Position of the range in its file (0, 1, …). */
  index: number;
  /** Byte offset of the range's first record, and the physical line it is on. */
  start: number;
  startLine: number;
  /** Byte offset and line where the next range starts; undefined for the last range (read to the end). */
  end: number | undefined;
  endLine: number | undefined;
};

/** What a reader found at the range's end: the first line on or after `endLine` where a record starts. */
export type RangeEnd = { nextLine: number | undefined };

export const WHOLE_FILE: ByteRange = { index: 0, start: 0, startLine: 1, end: undefined, endLine: undefined };

const CHUNK_BYTES = 1 << 20;

/** Decoded text of the range; `past` marks text from bytes at or after `range.end`. Stop iterating to stop reading. */
export async function* decodeRange(file: string, range: ByteRange, encoding: Encoding): AsyncGenerator<{ text: string; past: boolean }> {
  // TextDecoder drops a byte-order mark of its own encoding at the start of what it decodes: right at the start
  // of the file, but a U+FEFF at the start of a later range is text (two files joined with cat) and stays.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: range.start > 0 });
  let offset = range.start;
  const end = range.end ?? Infinity;
  for await (const chunk of createReadStream(file, { start: range.start, highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const chunkStart = offset;
    offset += chunk.length;
    if (offset <= end) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield { text, past: false };
    } else if (chunkStart >= end) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield { text, past: true };
    } else {
      // Ranges end after a line break byte, which never falls inside a UTF-8 or Windows-1252 character.
      const cut = end - chunkStart;
      const before = decoder.decode(chunk.subarray(0, cut), { stream: true });
      if (before) yield { text: before, past: false };
      const after = decoder.decode(chunk.subarray(cut), { stream: true });
      if (after) yield { text: after, past: true };
    }
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, past: offset > end };
}
