// A byte range of an input file: where a worker starts reading (a record boundary, with its physical line) and
// where the next range starts. Ranges are cut by plan-ranges.ts; readers may read past `end` to finish the record
// that spans it, and tell where the next record really starts (`RangeEnd`), so the ranges can be checked to join.
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/schema.js';
import { readChunks } from './read-chunks.js';

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

/** Text is handed on in pieces of this many bytes: a record batch per piece stays small enough to die young
 *  (with 1 MiB pieces, 2,000 records at a time lived through collections and were copied to the old generation:
 *  about 100 MB more peak RSS, and slower). */
const PIECE_BYTES = 64 << 10;

/** Decoded text of the range; `past` marks text from bytes at or after `range.end`. Stop iterating to stop reading. */
export async function* decodeRange(file: string, range: ByteRange, encoding: Encoding): AsyncGenerator<{ text: string; past: boolean }> {
  // TextDecoder drops a byte-order mark of its own encoding at the start of what it decodes: right at the start
  // of the file, but a U+FEFF at the start of a later range is text (two files joined with cat) and stays.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: range.start > 0 });
  let offset = range.start;
  const end = range.end ?? Infinity;
  for await (const chunk of readChunks(file, range.start)) {
    for (let from = 0; from < chunk.length; ) {
      // A piece never straddles the range's end. Ranges end after a line break byte, which never falls inside a
      // UTF-8 or Windows-1252 character; elsewhere the decoder carries a cut character over to the next piece.
      const at = offset + from;
      const to = Math.min(chunk.length, from + PIECE_BYTES, at < end ? from + (end - at) : Infinity);
      const text = decoder.decode(chunk.subarray(from, to), { stream: true });
      if (text) yield { text, past: at >= end };
      from = to;
    }
    offset += chunk.length;
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, past: offset > end };
}
