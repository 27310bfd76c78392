import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoding } from '../../src/config/schema.js';
import { decodeRange, WHOLE_FILE, type ByteRange } from '../../src/ingest/byte-range.js';
import { sniffEncoding } from '../../src/ingest/decode.js';
import { planFile } from '../../src/pipeline/plan-ranges.js';

const MiB = 1 << 20; // decodeRange reads 1 MiB chunks
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilfreds-byte-range-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(bytes: Buffer): string {
  const path = join(dir, `file-${++n}.bin`);
  writeFileSync(path, bytes);
  return path;
}

const range = (start: number, end: number | undefined, index = 1): ByteRange => ({
  index, start, startLine: 1, end, endLine: end === undefined ? undefined : 2,
});

/** The text before and past the range's end; checks that nothing before the end comes after something past it. */
async function read(file: string, r: ByteRange, encoding: Encoding = 'utf-8'): Promise<{ before: string; after: string; pieces: number }> {
  let before = '';
  let after = '';
  let pieces = 0;
  for await (const { text, past } of decodeRange(file, r, encoding)) {
    pieces++;
    expect(text.length).toBeGreaterThan(0);
    if (past) after += text;
    else {
      expect(after).toBe('');
      before += text;
    }
  }
  return { before, after, pieces };
}

/** Lines of varied length with multi-byte characters, `bytes` long or a little more, line ends from `eols`. */
function lines(bytes: number, eols: string[] = ['\n'], encode: (s: string) => Buffer = (s) => Buffer.from(s, 'utf8')): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${i};Blåbær ${'x'.repeat(i % 37)} € ${i % 5 === 0 ? 'ØÆÅ' : 'ok'}${eols[i % eols.length]}`;
    const b = encode(line);
    parts.push(b);
    size += b.length;
  }
  return Buffer.concat(parts);
}

/** Byte offsets right after each line break (LF, CRLF, bare CR), not counting the end of the file. */
function lineStarts(bytes: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) if (i + 1 < bytes.length) out.push(i + 1);
  }
  return out;
}

/** The text of consecutive ranges cut at `cuts`, each read up to its end, joined. */
async function joined(file: string, cuts: number[], encoding: Encoding): Promise<string> {
  const starts = [0, ...cuts];
  let text = '';
  for (const [i, start] of starts.entries()) text += (await read(file, range(start, starts[i + 1], i), encoding)).before;
  return text;
}

describe('decodeRange: where the range ends', () => {
  it('a range ending mid-chunk: the text before the end is past: false, the rest past: true', async () => {
    const file = write(Buffer.from('line1\nline2\nline3\n'));
    expect(await read(file, range(0, 6, 0))).toMatchObject({ before: 'line1\n', after: 'line2\nline3\n' });
    expect(await read(file, range(6, 12))).toMatchObject({ before: 'line2\n', after: 'line3\n' });
    expect(await read(file, range(12, undefined))).toMatchObject({ before: 'line3\n', after: '' });
  });

  it('a range ending at the last byte has nothing past its end', async () => {
    const file = write(Buffer.from('a\nb\n'));
    expect(await read(file, range(2, 4))).toMatchObject({ before: 'b\n', after: '' });
  });

  it('multi-byte characters on both sides of the end are not cut', async () => {
    const bytes = Buffer.from('første;ø\nÆble;€\n', 'utf8');
    const end = bytes.indexOf(0x0a) + 1;
    const file = write(bytes);
    expect(await read(file, range(0, end, 0))).toMatchObject({ before: 'første;ø\n', after: 'Æble;€\n' });
    const cp = Buffer.from([0x66, 0xf8, 0x0a, 0xc6, 0x80, 0x0a]); // "fø\nÆ€\n" in Windows-1252
    expect(await read(write(cp), range(0, 3, 0), 'windows-1252')).toMatchObject({ before: 'fø\n', after: 'Æ€\n' });
  });

  it('a range ending in the second 1 MiB chunk: the first chunk whole, the second split, the third past', async () => {
    const bytes = lines(3 * MiB);
    const starts = lineStarts(bytes);
    const end = starts.find((s) => s > 1.5 * MiB)!;
    const file = write(bytes);
    const { before, after, pieces } = await read(file, range(0, end, 0));
    expect(before).toBe(bytes.subarray(0, end).toString('utf8'));
    expect(after).toBe(bytes.subarray(end).toString('utf8'));
    expect(pieces).toBeGreaterThanOrEqual(4);
  });

  it('a range starting mid-file and ending on a chunk boundary of its own reading', async () => {
    const bytes = lines(3 * MiB);
    const starts = lineStarts(bytes);
    const start = starts.find((s) => s > 100_000)!;
    // The end exactly 1 MiB after the start: the first chunk read is all before it, the second all past it.
    const padded = Buffer.concat([bytes.subarray(0, start), Buffer.alloc(MiB - 1, 'z'), Buffer.from('\n'), bytes.subarray(start)]);
    const end = start + MiB;
    expect(padded[end - 1]).toBe(0x0a);
    const { before, after } = await read(write(padded), range(start, end));
    expect(before).toBe('z'.repeat(MiB - 1) + '\n');
    expect(after).toBe(bytes.subarray(start).toString('utf8'));
  });

  it('characters cut by the boundaries of the pieces the text is handed on in come out whole', async () => {
    // 3-byte characters only: 64 KiB pieces and 1 MiB chunks both end inside a character again and again.
    const text = ('€'.repeat(1000) + '\n').repeat(1200);
    const bytes = Buffer.from(text, 'utf8');
    const end = lineStarts(bytes).find((s) => s > 2.3 * MiB)!;
    const { before, after, pieces } = await read(write(bytes), range(0, end, 0));
    expect(before + after).toBe(text);
    expect(before).toBe(bytes.subarray(0, end).toString('utf8'));
    expect(pieces).toBeGreaterThan(3 * 16);
  });

  it('an incomplete character at the end of the file is U+FFFD on the side it falls on', async () => {
    const file = write(Buffer.from([0x61, 0x0a, 0x62, 0xc3]));
    expect(await read(file, range(0, 2, 0))).toMatchObject({ before: 'a\n', after: 'b\uFFFD' });
    expect(await read(file, range(2, undefined))).toMatchObject({ before: 'b\uFFFD', after: '' });
    expect(await read(write(Buffer.from([0x61, 0x0a, 0xc3])), range(0, 2, 0))).toMatchObject({ before: 'a\n', after: '\uFFFD' });
  });

  it('stopping the iteration stops the reading', async () => {
    const file = write(lines(4 * MiB));
    let seen = 0;
    for await (const piece of decodeRange(file, range(0, 100, 0), 'utf-8')) {
      seen += piece.text.length;
      if (piece.past) break;
    }
    expect(seen).toBeLessThanOrEqual(MiB);
  });
});

describe('decodeRange: consecutive ranges join up to the whole file', () => {
  async function check(bytes: Buffer, declared: Encoding, cutsFor: (bytes: Buffer) => number[]): Promise<void> {
    const file = write(bytes);
    const encoding = sniffEncoding(file, declared);
    const whole = await read(file, WHOLE_FILE, encoding);
    expect(whole.after).toBe('');
    const cuts = cutsFor(bytes);
    expect(cuts.length).toBeGreaterThan(0);
    const text = await joined(file, cuts, encoding);
    expect(text.length).toBe(whole.before.length);
    expect(text === whole.before).toBe(true);
  }

  it('UTF-8, cut by planFile (LF, CRLF and bare CR line ends), 2.5 MiB', async () => {
    const bytes = lines(2.5 * MiB, ['\n', '\r\n', '\r']);
    const plan = await planFile(write(bytes), { mode: 'csv', quote: 0x22, encoding: 'utf-8', targetBytes: 100_000 });
    expect(plan.ranges.length).toBeGreaterThan(10);
    await check(bytes, 'utf-8', () => plan.ranges.slice(1).map((r) => r.start));
  });

  it('UTF-8 with a BOM, cut at every 997th line and right after the first line', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lines(2.2 * MiB)]);
    await check(bytes, 'windows-1252', (b) => lineStarts(b).filter((_, i) => i === 0 || i % 997 === 0));
  });

  it('Windows-1252, cut at every 3rd line', async () => {
    await check(lines(60_000, ['\r\n'], (s) => Buffer.from(s.replace(/€/g, '\u0080'), 'latin1')), 'windows-1252', (b) => lineStarts(b).filter((_, i) => i % 3 === 0));
  });

  it('ranges of one line each', async () => {
    await check(lines(20_000, ['\n', '\r']), 'utf-8', lineStarts);
  });

  // Regression: every range used to drop a U+FEFF at its start, so records depended on where the file was cut.
  it('a U+FEFF at the start of a later range is kept (only the file’s own BOM is dropped)', async () => {
    const bytes = Buffer.concat([Buffer.from('id,text\n'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,text\n1,a\n')]);
    await check(bytes, 'utf-8', () => [8]);
  });
});
