import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoding } from '../../src/config/schema.js';
import { decodeRange, WHOLE_FILE } from '../../src/ingest/byte-range.js';
import { findBinary, sniffEncoding } from '../../src/ingest/decode.js';
import { planFile } from '../../src/pipeline/plan-ranges.js';

const MiB = 1 << 20;
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilfreds-decode-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(bytes: Buffer | Uint8Array): string {
  const path = join(dir, `file-${++n}.bin`);
  writeFileSync(path, bytes);
  return path;
}

/** The whole file decoded as the readers do it: the encoding sniffed (a BOM wins), then read as one range. */
async function decode(path: string, declared: Encoding): Promise<{ text: string; chunks: string[]; encoding: Encoding }> {
  const encoding = sniffEncoding(path, declared);
  const chunks: string[] = [];
  for await (const { text, past } of decodeRange(path, WHOLE_FILE, encoding)) {
    expect(past).toBe(false); // the whole file has no end to read past
    chunks.push(text);
  }
  return { text: chunks.join(''), chunks, encoding };
}

/** Size and sha256 as the planner takes them on its one pass over the file. */
async function digest(path: string, encoding: Encoding = 'utf-8', targetBytes = 1 << 16) {
  const plan = await planFile(path, { mode: 'csv', quote: 0x22, encoding, targetBytes });
  return { bytes: plan.bytes, sha256: plan.sha256 };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

const SAMPLE = 'id;tekst\r\n1;"Blåbærsyltetøy, 20 €"\n2;Ærlig talt: ØK\n';

describe('decodeRange (whole file) after sniffEncoding: encodings', () => {
  it('UTF-8 without a BOM', async () => {
    const { text, encoding } = await decode(write(Buffer.from(SAMPLE, 'utf8')), 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(encoding).toBe('utf-8');
  });

  it('UTF-8 with a BOM: the BOM is removed, and it wins over the declared encoding', async () => {
    const path = write(Buffer.concat([BOM8, Buffer.from(SAMPLE, 'utf8')]));
    const declaredUtf8 = await decode(path, 'utf-8');
    expect(declaredUtf8.text).toBe(SAMPLE);
    expect(declaredUtf8.text.charCodeAt(0)).not.toBe(0xfeff);
    const declared1252 = await decode(path, 'windows-1252');
    expect(declared1252.text).toBe(SAMPLE);
    expect(declared1252.encoding).toBe('utf-8');
  });

  it('UTF-16LE with a BOM, whatever was declared', async () => {
    const path = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
    const { text, encoding } = await decode(path, 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(encoding).toBe('utf-16le');
  });

  it('UTF-16BE with a BOM', async () => {
    const path = write(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]));
    const { text, encoding } = await decode(path, 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(encoding).toBe('utf-16be');
  });

  it('UTF-16LE declared, without a BOM', async () => {
    const { text, encoding } = await decode(write(Buffer.from(SAMPLE, 'utf16le')), 'utf-16le');
    expect(text).toBe(SAMPLE);
    expect(encoding).toBe('utf-16le');
  });

  it('Windows-1252: æøå ÆØÅ and € (0x80)', async () => {
    const bytes = Buffer.from([0x31, 0x3b, 0xe6, 0xf8, 0xe5, 0x20, 0xc6, 0xd8, 0xc5, 0x20, 0x80, 0x0a]);
    const { text, encoding } = await decode(write(bytes), 'windows-1252');
    expect(text).toBe('1;æøå ÆØÅ €\n');
    expect(text).not.toContain('\uFFFD');
    expect(encoding).toBe('windows-1252');
  });

  it('Windows-1252 read as UTF-8 gives U+FFFD, which findBinary finds', async () => {
    const bytes = Buffer.from([0x61, 0x62, 0xf8, 0x63]); // "abøc" in Windows-1252
    const { text } = await decode(write(bytes), 'utf-8');
    expect(text).toBe('ab\uFFFDc');
    expect(findBinary(text)).toBe(2);
  });

  it('invalid UTF-8 bytes become U+FFFD', async () => {
    const bytes = Buffer.from([0x6f, 0x6b, 0x0a, 0x62, 0x61, 0x64, 0xff, 0xfe, 0x0a]);
    const { text } = await decode(write(bytes), 'utf-8');
    expect(text.startsWith('ok\nbad')).toBe(true);
    expect(text).toContain('\uFFFD');
    expect(findBinary(text)).toBe(6);
  });

  it('an empty file and files shorter than a BOM', async () => {
    const empty = await decode(write(Buffer.alloc(0)), 'windows-1252');
    expect(empty.text).toBe('');
    expect(empty.encoding).toBe('windows-1252');
    expect((await decode(write(Buffer.from('ø', 'utf8')), 'utf-8')).text).toBe('ø');
    expect((await decode(write(Buffer.from('a')), 'utf-8')).text).toBe('a');
    const bomOnly = await decode(write(Buffer.from([0xff, 0xfe])), 'utf-8');
    expect(bomOnly.text).toBe('');
    expect(bomOnly.encoding).toBe('utf-16le');
  });
});

describe('decodeRange (whole file): chunk boundaries', () => {
  it('a UTF-8 ø straddling byte 1,048,576 is decoded intact', async () => {
    // ø is C3 B8: C3 is the last byte of the first 1 MiB chunk, B8 the first of the second.
    const head = Buffer.alloc(MiB - 1, 'a');
    const bytes = Buffer.concat([head, Buffer.from('ø', 'utf8'), Buffer.from('-tail\n')]);
    expect(bytes[MiB - 1]).toBe(0xc3);
    expect(bytes[MiB]).toBe(0xb8);
    const { text, chunks } = await decode(write(bytes), 'utf-8');
    expect(chunks.length).toBeGreaterThan(1);
    expect(text.length).toBe(MiB - 1 + 1 + 6);
    expect(text.slice(MiB - 1)).toBe('ø-tail\n');
    expect(text).not.toContain('\uFFFD');
  });

  it('a three-byte € split 1 + 2 across the boundary, after a BOM', async () => {
    // BOM (3) + filler so that € (E2 82 AC) starts at the last byte of the first chunk.
    const head = Buffer.alloc(MiB - 1 - 3, 'b');
    const bytes = Buffer.concat([BOM8, head, Buffer.from('€', 'utf8'), Buffer.from('!')]);
    expect(bytes[MiB - 1]).toBe(0xe2);
    const { text, encoding } = await decode(write(bytes), 'windows-1252');
    expect(text.length).toBe(head.length + 2);
    expect(text.endsWith('b€!')).toBe(true);
    expect(text.charCodeAt(0)).toBe(0x62);
    expect(text).not.toContain('\uFFFD');
    expect(encoding).toBe('utf-8');
  });

  it('a UTF-16LE surrogate pair split across the boundary', async () => {
    // BOM (2) + filler so that 😀 (4 bytes) starts 2 bytes before the boundary.
    const filler = 'x'.repeat((MiB - 2 - 2) / 2);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(filler + '😀z', 'utf16le')]);
    const { text } = await decode(write(bytes), 'utf-8');
    expect(text).toBe(filler + '😀z');
  });
});

describe('planFile: bytes and sha256', () => {
  it('of the raw bytes, the BOM included', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const path = write(bytes);
    expect(await digest(path, 'utf-16le')).toEqual({ bytes: bytes.length, sha256: sha256(bytes) });
    expect(sniffEncoding(path, 'windows-1252')).toBe('utf-16le');
    const bom8 = Buffer.concat([BOM8, Buffer.from(SAMPLE, 'utf8')]);
    expect(await digest(write(bom8))).toEqual({ bytes: bom8.length, sha256: sha256(bom8) });
  });

  it('an empty file', async () => {
    expect(await digest(write(Buffer.alloc(0)))).toEqual({ bytes: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it('over several read chunks (the planner reads 4 MiB at a time), cut into ranges or not', async () => {
    const bytes = Buffer.alloc(9 * MiB + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 61 === 60 ? 0x0a : 0x61 + (i % 26);
    const path = write(bytes);
    const expected = { bytes: bytes.length, sha256: sha256(bytes) };
    const { text } = await decode(path, 'utf-8');
    expect(text.length).toBe(bytes.length);
    expect(await digest(path, 'utf-8', MiB)).toEqual(expected); // cut: many ranges
    expect(await digest(path, 'utf-8', 100 * MiB)).toEqual(expected); // one range
    expect(await digest(path, 'utf-16le', MiB)).toEqual(expected); // never cut
    const plan = await planFile(path, { mode: false, quote: -1, encoding: 'utf-8', targetBytes: MiB });
    expect({ bytes: plan.bytes, sha256: plan.sha256 }).toEqual(expected);
  });

  it('differs when one byte differs', async () => {
    const a = Buffer.from('id,text\n1,fine\n');
    const b = Buffer.from('id,text\n1,finE\n');
    expect((await digest(write(a))).sha256).not.toBe((await digest(write(b))).sha256);
  });
});

describe('sniffEncoding', () => {
  it('a byte-order mark wins over the declared encoding', () => {
    expect(sniffEncoding(write(Buffer.concat([BOM8, Buffer.from('a')])), 'windows-1252')).toBe('utf-8');
    expect(sniffEncoding(write(Buffer.from([0xff, 0xfe, 0x61, 0x00])), 'utf-8')).toBe('utf-16le');
    expect(sniffEncoding(write(Buffer.from([0xfe, 0xff, 0x00, 0x61])), 'utf-8')).toBe('utf-16be');
    expect(sniffEncoding(write(Buffer.from([0xff, 0xfe])), 'windows-1252')).toBe('utf-16le');
  });

  it('without a BOM, the declared encoding (also for empty and one-byte files)', () => {
    expect(sniffEncoding(write(Buffer.from('æøå', 'utf8')), 'windows-1252')).toBe('windows-1252');
    expect(sniffEncoding(write(Buffer.from([0xef, 0xbb, 0x61])), 'utf-8')).toBe('utf-8');
    expect(sniffEncoding(write(Buffer.from([0xef, 0xbb, 0x61])), 'utf-16le')).toBe('utf-16le');
    expect(sniffEncoding(write(Buffer.alloc(0)), 'utf-16be')).toBe('utf-16be');
    expect(sniffEncoding(write(Buffer.from([0xff])), 'utf-8')).toBe('utf-8');
  });
});

describe('findBinary', () => {
  it('-1 for plain text with tab, CR and LF', () => {
    expect(findBinary('a\tb\r\nc\rd\n')).toBe(-1);
    expect(findBinary('Blåbær €😀')).toBe(-1);
    expect(findBinary('')).toBe(-1);
  });

  it('finds NUL and other C0 controls', () => {
    expect(findBinary('ab\u0000c')).toBe(2);
    expect(findBinary('\u0001')).toBe(0);
    expect(findBinary('x\u0008')).toBe(1);
    expect(findBinary('xx\u000B')).toBe(2);
    expect(findBinary('x\u000C')).toBe(1);
    expect(findBinary('x\u001B[0m')).toBe(1);
    expect(findBinary('x\u001F')).toBe(1);
  });

  it('finds U+FFFD, the first offending character', () => {
    expect(findBinary('ok \uFFFD and \u0000')).toBe(3);
  });
});
