// Which encoding to decode a file in (a byte-order mark overrides the declared one), and what decoded text
// cannot be a review. The decoding itself is byte-range.ts (`decodeRange`): characters cut by a chunk boundary
// are completed by the streaming decoder (never garbled); invalid bytes become U+FFFD, which the record readers
// turn into `bad-encoding` rejects. The file's size and sha256 are taken by the planner (plan-ranges.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import type { Encoding } from '../config/schema.js';

function sniffBom(head: Buffer): Encoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The file's encoding: its byte-order mark if it has one, else the declared one. */
export function sniffEncoding(path: string, declared: Encoding): Encoding {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, 3, 0);
    return sniffBom(head.subarray(0, n)) ?? declared;
  } finally {
    closeSync(fd);
  }
}

/** Text that cannot be a review: invalid bytes (decoded as U+FFFD) or NUL and other C0 controls but tab/CR/LF. */
export function findBinary(text: string): number {
  const bad = text.search(/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return bad;
}
