import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChunks } from '../../src/ingest/read-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'tilfreds-read-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, start?: number): Promise<{ bytes: Buffer; chunks: number; buffers: Set<ArrayBufferLike> }> {
  const parts: Buffer[] = [];
  const buffers = new Set<ArrayBufferLike>();
  for await (const chunk of readChunks(file, start)) {
    buffers.add(chunk.buffer);
    parts.push(Buffer.from(chunk)); // a copy: the chunk is reused for the next read
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length, buffers };
}

describe('readChunks', () => {
  const bytes = Buffer.alloc(2.5 * (1 << 20));
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
  const file = join(dir, 'data.bin');
  writeFileSync(file, bytes);

  it('reads the whole file in 1 MiB chunks, all in one reused buffer', async () => {
    const got = await collect(file);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.chunks).toBe(3);
    expect(got.buffers.size).toBe(1);
  });

  it('reads from an offset', async () => {
    expect((await collect(file, 1_234_567)).bytes.equals(bytes.subarray(1_234_567))).toBe(true);
    expect((await collect(file, bytes.length)).chunks).toBe(0);
  });

  it('two reads at once get buffers of their own; a finished read hands its buffer on', async () => {
    const a = readChunks(file);
    const b = readChunks(file, 10);
    const first = (await a.next()).value as Buffer;
    const second = (await b.next()).value as Buffer;
    expect(first.buffer).not.toBe(second.buffer);
    expect(first[0]).toBe(bytes[0]);
    expect(second[0]).toBe(bytes[10]);
    await a.return(undefined);
    await b.return(undefined);
  });

  it('an empty file yields nothing; a missing one fails', async () => {
    writeFileSync(join(dir, 'empty'), '');
    expect((await collect(join(dir, 'empty'))).chunks).toBe(0);
    await expect(collect(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
