// Bytes → text, chunk by chunk. A byte-order mark overrides the declared encoding; characters cut by a chunk
// boundary are completed by the streaming decoder (never garbled); invalid bytes become U+FFFD, which the
// record readers turn into `bad-encoding` rejects. The file's sha256 is computed on the way.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/schema.js';

export type FileDigest = { bytes: number; sha256: string; encoding: Encoding };

const CHUNK_BYTES = 1 << 20;

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

/** Yields the decoded text of a file; `digest` is filled in when the generator is done. */
export async function* decodeFile(path: string, declared: Encoding, digest: Partial<FileDigest> = {}): AsyncGenerator<string> {
  const hash = createHash('sha256');
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  let pending: Buffer | undefined; // the first bytes, until there are enough to sniff a BOM
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    let buf = chunk;
    if (!decoder) {
      buf = pending ? Buffer.concat([pending, chunk]) : chunk;
      if (buf.length < 3) {
        pending = buf;
        continue;
      }
      const encoding = sniffBom(buf) ?? declared;
      digest.encoding = encoding;
      // TextDecoder drops a BOM of its own encoding (ignoreBOM: false).
      decoder = new TextDecoder(encoding, { fatal: false });
    }
    const text = decoder.decode(buf, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    const encoding = (pending && sniffBom(pending)) ?? declared;
    digest.encoding = encoding;
    decoder = new TextDecoder(encoding, { fatal: false });
    if (pending) {
      const text = decoder.decode(pending, { stream: true });
      if (text) yield text;
    }
  }
  const tail = decoder.decode();
  if (tail) yield tail;
  digest.bytes = bytes;
  digest.sha256 = hash.digest('hex');
}

/** Text that cannot be a review: invalid bytes (decoded as U+FFFD) or NUL and other C0 controls but tab/CR/LF. */
export function findBinary(text: string): number {
  const bad = text.search(/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return bad;
}
