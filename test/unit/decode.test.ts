import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoding } from '../../src/config/schema.js';
import { decodeFile, findBinary, sniffEncoding, type FileDigest } from '../../src/ingest/decode.js';

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

async function decode(path: string, encoding: Encoding): Promise<{ text: string; chunks: string[]; digest: Partial<FileDigest> }> {
  const digest: Partial<FileDigest> = {};
  const chunks: string[] = [];
  for await (const chunk of decodeFile(path, encoding, digest)) chunks.push(chunk);
  return { text: chunks.join(''), chunks, digest };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

const SAMPLE = 'id;tekst\r\n1;"Blåbærsyltetøy, 20 €"\n2;Ærlig talt: ØK\n';

describe('decodeFile: encodings', () => {
  it('UTF-8 without a BOM', async () => {
    const { text, digest } = await decode(write(Buffer.from(SAMPLE, 'utf8')), 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(digest.encoding).toBe('utf-8');
  });

  it('UTF-8 with a BOM: the BOM is removed, and it wins over the declared encoding', async () => {
    const path = write(Buffer.concat([BOM8, Buffer.from(SAMPLE, 'utf8')]));
    const declaredUtf8 = await decode(path, 'utf-8');
    expect(declaredUtf8.text).toBe(SAMPLE);
    expect(declaredUtf8.text.charCodeAt(0)).not.toBe(0xfeff);
    const declared1252 = await decode(path, 'windows-1252');
    expect(declared1252.text).toBe(SAMPLE);
    expect(declared1252.digest.encoding).toBe('utf-8');
  });

  it('UTF-16LE with a BOM, whatever was declared', async () => {
    const path = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
    const { text, digest } = await decode(path, 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(digest.encoding).toBe('utf-16le');
  });

  it('UTF-16BE with a BOM', async () => {
    const path = write(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]));
    const { text, digest } = await decode(path, 'utf-8');
    expect(text).toBe(SAMPLE);
    expect(digest.encoding).toBe('utf-16be');
  });

  it('UTF-16LE declared, without a BOM', async () => {
    const { text, digest } = await decode(write(Buffer.from(SAMPLE, 'utf16le')), 'utf-16le');
    expect(text).toBe(SAMPLE);
    expect(digest.encoding).toBe('utf-16le');
  });

  it('Windows-1252: æøå ÆØÅ and € (0x80)', async () => {
    const bytes = Buffer.from([0x31, 0x3b, 0xe6, 0xf8, 0xe5, 0x20, 0xc6, 0xd8, 0xc5, 0x20, 0x80, 0x0a]);
    const { text, digest } = await decode(write(bytes), 'windows-1252');
    expect(text).toBe('1;æøå ÆØÅ €\n');
    expect(text).not.toContain('\uFFFD');
    expect(digest.encoding).toBe('windows-1252');
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
    expect(empty.digest).toEqual({ bytes: 0, sha256: sha256(Buffer.alloc(0)), encoding: 'windows-1252' });
    expect((await decode(write(Buffer.from('ø', 'utf8')), 'utf-8')).text).toBe('ø');
    expect((await decode(write(Buffer.from('a')), 'utf-8')).text).toBe('a');
    const bomOnly = await decode(write(Buffer.from([0xff, 0xfe])), 'utf-8');
    expect(bomOnly.text).toBe('');
    expect(bomOnly.digest.encoding).toBe('utf-16le');
  });
});

describe('decodeFile: chunk boundaries', () => {
  it('a UTF-8 ø straddling byte 1,048,576 is decoded intact', async () => {
    // ø is C3 B8: C3 is the last byte of the first 1 MiB chunk, B8 the first of the second.
    const head = Buffer.alloc(MiB - 1, 'a');
    const bytes = Buffer.concat([head, Buffer.from('ø', 'utf8'), Buffer.from('-tail\n')]);
    expect(bytes[MiB - 1]).toBe(0xc3);
    expect(bytes[MiB]).toBe(0xb8);
    const { text, chunks, digest } = await decode(write(bytes), 'utf-8');
    expect(chunks.length).toBeGreaterThan(1);
    expect(text.length).toBe(MiB - 1 + 1 + 6);
    expect(text.slice(MiB - 1)).toBe('ø-tail\n');
    expect(text).not.toContain('\uFFFD');
    expect(digest.bytes).toBe(bytes.length);
  });

  it('a three-byte € split 1 + 2 across the boundary, after a BOM', async () => {
    // BOM (3) + filler so that € (E2 82 AC) starts at the last byte of the first chunk.
    const head = Buffer.alloc(MiB - 1 - 3, 'b');
    const bytes = Buffer.concat([BOM8, head, Buffer.from('€', 'utf8'), Buffer.from('!')]);
    expect(bytes[MiB - 1]).toBe(0xe2);
    const { text, digest } = await decode(write(bytes), 'windows-1252');
    expect(text.length).toBe(head.length + 2);
    expect(text.endsWith('b€!')).toBe(true);
    expect(text.charCodeAt(0)).toBe(0x62);
    expect(text).not.toContain('\uFFFD');
    expect(digest.encoding).toBe('utf-8');
  });

  it('a UTF-16LE surrogate pair split across the boundary', async () => {
    // BOM (2) + filler so that 😀 (4 bytes) starts 2 bytes before the boundary.
    const filler = 'x'.repeat((MiB - 2 - 2) / 2);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(filler + '😀z', 'utf16le')]);
    const { text } = await decode(write(bytes), 'utf-8');
    expect(text).toBe(filler + '😀z');
  });
});

describe('decodeFile: digest', () => {
  it('bytes, sha256 of the raw bytes (BOM included) and the encoding used', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const { digest } = await decode(write(bytes), 'windows-1252');
    expect(digest).toEqual({ bytes: bytes.length, sha256: sha256(bytes), encoding: 'utf-16le' });
  });

  it('over several chunks', async () => {
    const bytes = Buffer.alloc(2 * MiB + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 0x61 + (i % 26);
    const { text, digest } = await decode(write(bytes), 'utf-8');
    expect(text.length).toBe(bytes.length);
    expect(digest).toEqual({ bytes: bytes.length, sha256: sha256(bytes), encoding: 'utf-8' });
  });

  it('the digest is filled in only when the generator has finished', async () => {
    const digest: Partial<FileDigest> = {};
    const gen = decodeFile(write(Buffer.from('a,b\n')), 'utf-8', digest);
    await gen.next();
    expect(digest.sha256).toBeUndefined();
    while (!(await gen.next()).done);
    expect(digest.sha256).toBe(sha256(Buffer.from('a,b\n')));
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
