// Reads a file in chunks into buffers that are reused: a read stream allocates a fresh buffer per chunk, and on a
// night of gigabytes those buffers (memory outside the JS heap, freed only when the collector gets to their
// handles) made up a third of the peak RSS. Every chunk is only valid until the loop asks for the next one.
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;
/** Buffers of finished reads, for the next ones; a thread rarely has more than a few reads going at once. */
const spare: Buffer[] = [];
const MAX_SPARE = 4;

/** The bytes of `file` from `start` to the end, as views of one reused buffer. */
export async function* readChunks(file: string, start = 0): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  try {
    for (let position = start; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (spare.length < MAX_SPARE) spare.push(buffer);
    await handle.close();
  }
}
