import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoding, InputConfig } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { type ByteRange, type RangeEnd } from '../../src/ingest/byte-range.js';
import { readCsv, readCsvHead, type CsvHead } from '../../src/ingest/csv-source.js';
import { offsetOfLine, planFile, type FilePlan, type Splitting } from '../../src/pipeline/plan-ranges.js';
import type { SourceItem } from '../../src/types.js';
import { mulberry32 } from '../support/prng.js';

const KiB = 1 << 10;
const MiB = 1 << 20;
const PLANNER_CHUNK = 4 * MiB; // planFile reads 4 MiB at a time
const MAX_OVERSHOOT = 4; // plan-ranges.ts: with quotes unbalanced, cut anyway this many targets past the range start
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilfreds-plan-ranges-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(bytes: Buffer, ext = 'csv'): string {
  const path = join(dir, `file-${++n}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');


type Mode = 'csv' | 'lines';

function isBreak(bytes: Buffer, i: number, mode: Mode): boolean {
  if (bytes[i] === LF) return true;
  return mode === 'csv' && bytes[i] === CR && bytes[i + 1] !== LF;
}

/** Offsets where each line starts: 0, then right after every line break (the end of the file included). */
function lineStarts(bytes: Buffer, mode: Mode): number[] {
  const out = [0];
  for (let i = 0; i < bytes.length; i++) if (isBreak(bytes, i, mode)) out.push(i + 1);
  return out;
}

/** What every plan must be: the ranges cover the file exactly, each starts right after a line break on the line
 *  it names, and bytes and sha256 are the file's. */
function checkPlan(plan: FilePlan, file: string, bytes: Buffer, mode: Mode): void {
  expect(plan.file).toBe(file);
  expect(plan.bytes).toBe(bytes.length);
  expect(plan.sha256).toBe(sha256(bytes));
  const { ranges } = plan;
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges[0]).toMatchObject({ index: 0, start: 0, startLine: 1 });
  for (const [i, r] of ranges.entries()) {
    expect(r.index).toBe(i);
    const next = ranges[i + 1];
    if (next) {
      expect(r.end).toBe(next.start);
      expect(r.endLine).toBe(next.startLine);
      expect(next.start).toBeGreaterThan(r.start);
      expect(next.start).toBeLessThan(bytes.length);
      // Right after a line break, and never between the CR and the LF of a CRLF.
      expect(isBreak(bytes, next.start - 1, mode), `range ${i + 1} starts at ${next.start}, not after a line break`).toBe(true);
    } else {
      expect(r.end).toBeUndefined();
      expect(r.endLine).toBeUndefined();
    }
  }
  // Line numbers, counted once over the file.
  const starts = lineStarts(bytes, mode);
  for (const r of ranges) expect(r.startLine, `startLine of the range at byte ${r.start}`).toBe(starts.indexOf(r.start) + 1);
}

const plan = (file: string, how: Partial<Splitting> & { targetBytes: number }) =>
  planFile(file, { mode: 'csv', quote: QUOTE, encoding: 'utf-8', ...how });

// --- CSV files with multi-line quoted fields, built record by record so that every record's offset is known.

type Built = { bytes: Buffer; recordStarts: Set<number>; records: { id: string; line: number; offset: number }[]; longest: number };

type BuildOptions = {
  seed: number;
  records: number;
  eols?: string[];
  delimiter?: string;
  /** Share of records with a multi-line quoted text. */
  multiLine?: number;
  /** Most lines in a long multi-line field (default 30). */
  longLines?: number;
  /** Blank lines between some records (they hold no record; a range may start on one). */
  blankLines?: boolean;
  encode?: (s: string) => Buffer;
  bom?: boolean;
};

const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** Windows-1252 for the characters used here (æøå ÆØÅ and €, which is 0x80). */
const cp1252 = (s: string) => Buffer.from(s.replace(/€/g, '\u0080'), 'latin1');

const WORDS = ['Blåbær', 'fint', 'dårlig', 'Ærlig talt', 'levering', 'pris 20 €', 'ØK', 'skuffende', 'topp', 'ok'];

function buildCsv(o: BuildOptions): Built {
  const rand = mulberry32(o.seed);
  const eols = o.eols ?? ['\n'];
  const d = o.delimiter ?? ',';
  const encode = o.encode ?? utf8;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  const parts: Buffer[] = [];
  const recordStarts = new Set<number>([0]);
  const records: Built['records'] = [];
  let size = 0;
  let line = 1;
  const add = (s: string) => {
    const b = encode(s);
    parts.push(b);
    size += b.length;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] !== '\n')) line++;
    }
  };
  if (o.bom) {
    parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
    size += 3;
  }
  add(`id${d}title${d}text${pick(eols)}`);
  for (let i = 1; i <= o.records; i++) {
    if (o.blankLines && rand() < 0.05) {
      recordStarts.add(size);
      add(pick(eols));
    }
    recordStarts.add(size);
    const id = `r${i}`;
    records.push({ id, line, offset: size });
    let text: string;
    const r = rand();
    if (r < (o.multiLine ?? 0.3)) {
      // Quoted, over several physical lines with every kind of line end, delimiters and escaped quotes inside;
      // sometimes long, so that many of its line breaks lie where a cut is due.
      const inner = Array.from({ length: 1 + Math.floor(rand() * (rand() < 0.2 ? (o.longLines ?? 30) : 6)) }, (_, k) =>
        k % 4 === 3 ? `sa ""${words(2)}""${d} og ${words(3)}` : `${words(1 + Math.floor(rand() * 8))}${rand() < 0.3 ? `${d} ${words(2)}` : ''}`,
      );
      text = '"' + inner.map((s, k) => (k ? pick(['\n', '\r\n', '\r']) : '') + s).join('') + '"';
    } else if (r < 0.5) text = `"${words(4)}${d} ""sitat"" ${words(2)}"`;
    else text = words(1 + Math.floor(rand() * 10));
    add(`${id}${d}${rand() < 0.5 ? words(1) : `"${words(1)}"`}${d}${text}`);
    if (i < o.records || rand() < 0.5) add(pick(eols));
  }
  const bytes = Buffer.concat(parts);
  const longest = Math.max(...records.map((r, i) => (records[i + 1]?.offset ?? bytes.length) - r.offset));
  return { bytes, recordStarts, records, longest };
}

/** A real InputConfig, through the validator, from the JSON a user would write. */
function csvInput(path: string, csv: Record<string, unknown> = {}): InputConfig {
  const json = {
    inputs: [{ name: 'in', path, product: { value: 'Shop' }, id: { column: 'id' }, text: [{ column: 'title', role: 'title' }, { column: 'text' }], csv }],
  };
  return validateConfig(json, join(dir, 'tilfreds.config.json'), 'hash', dir).inputs[0]!;
}

async function readAll(input: InputConfig, file: string, head: CsvHead, range?: ByteRange): Promise<{ items: SourceItem[]; end: RangeEnd }> {
  const items: SourceItem[] = [];
  const end: RangeEnd = { nextLine: undefined };
  for await (const batch of readCsv(input, file, head, range, end)) items.push(...batch);
  return { items, end };
}

/** Reads every range on its own and checks that together they give exactly what one read of the file gives, and
 *  that each range ends where the next one starts. Returns the whole read's items. */
async function checkReadsJoin(input: InputConfig, file: string, ranges: ByteRange[]): Promise<SourceItem[]> {
  const head = await readCsvHead(input, file);
  const whole = await readAll(input, file, head);
  const joined: SourceItem[] = [];
  for (const [i, r] of ranges.entries()) {
    const { items, end } = await readAll(input, file, head, r);
    expect(end.nextLine, `range ${i} ends where range ${i + 1} starts`).toBe(ranges[i + 1]?.startLine);
    joined.push(...items);
  }
  expect(joined.length).toBe(whole.items.length);
  expect(joined).toEqual(whole.items);
  return whole.items;
}

/** Reads the ranges joined up as run.ts does: a range that does not start where the previous one really ended
 *  (a cut inside a record) is read again from that line, found with offsetOfLine; one the record spans whole is
 *  skipped. Returns the items and how many ranges were read again. */
async function readJoinedUp(input: InputConfig, file: string, ranges: ByteRange[]): Promise<{ items: SourceItem[]; again: number }> {
  const head = await readCsvHead(input, file);
  const items: SourceItem[] = [];
  let again = 0;
  let joinLine: number | undefined = 1;
  for (const range of ranges) {
    if (joinLine === undefined) break;
    let r = range;
    if (range.startLine !== joinLine) {
      again++;
      if (range.endLine !== undefined && joinLine >= range.endLine) continue;
      const start = await offsetOfLine(file, range.start, range.startLine, joinLine, 'csv');
      r = { ...range, start, startLine: joinLine };
    }
    const read = await readAll(input, file, head, r);
    items.push(...read.items);
    joinLine = read.end.nextLine;
  }
  return { items, again };
}

const lineOf = (item: SourceItem) => (item.kind === 'review' ? item.review.ref.line : item.reject.ref.line);

describe('planFile: CSV cuts at record boundaries', () => {
  const cases: { name: string; options: BuildOptions; target: number; csv?: Record<string, unknown> }[] = [
    { name: 'LF, many multi-line quoted fields', options: { seed: 1, records: 3000, multiLine: 0.5 }, target: 2 * KiB },
    { name: 'CRLF, with blank lines', options: { seed: 2, records: 3000, eols: ['\r\n'], blankLines: true }, target: 3 * KiB },
    { name: 'bare CR', options: { seed: 3, records: 2000, eols: ['\r'] }, target: KiB },
    { name: 'LF, CRLF and bare CR mixed, semicolons', options: { seed: 4, records: 3000, eols: ['\n', '\r\n', '\r'], delimiter: ';' }, target: 1500, csv: { delimiter: ';' } },
    { name: 'Windows-1252', options: { seed: 5, records: 2000, eols: ['\r\n', '\n'], encode: cp1252 }, target: 2 * KiB, csv: { encoding: 'windows-1252' } },
    { name: 'UTF-8 with a BOM', options: { seed: 6, records: 2000, eols: ['\n', '\r'], bom: true }, target: 2 * KiB },
    { name: 'almost every record multi-line, tiny target', options: { seed: 7, records: 800, multiLine: 0.95, longLines: 8, eols: ['\r\n', '\r'] }, target: 300 },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const built = buildCsv(c.options);
      // A range only reaches MAX_OVERSHOOT × target inside a record longer than (MAX_OVERSHOOT - 1) × target: the
      // planner then cuts inside it on purpose (see 'a quoted field longer than …' below). Not here.
      expect(built.longest).toBeLessThan((MAX_OVERSHOOT - 1) * c.target);
      const file = write(built.bytes);
      const input = csvInput(file, c.csv);
      const head = await readCsvHead(input, file);
      const p = await plan(file, { encoding: head.encoding, targetBytes: c.target });
      expect(p.ranges.length).toBeGreaterThan(built.bytes.length / c.target / 3);
      checkPlan(p, file, built.bytes, 'csv');
      for (const r of p.ranges) expect(built.recordStarts.has(r.start), `range ${r.index} starts at byte ${r.start}, inside a record`).toBe(true);
      // Ranges are cut as soon as they may be: none is much longer than the target plus one record.
      const longest = Math.max(...p.ranges.map((r) => (r.end ?? built.bytes.length) - r.start));
      expect(longest).toBeLessThan(c.target + 64 * KiB);

      const items = await checkReadsJoin(input, file, p.ranges);
      // The records are the ones written, each on its line.
      expect(items.every((item) => item.kind === 'review')).toBe(true);
      expect(items.map((item) => (item.kind === 'review' ? item.review.id : ''))).toEqual(built.records.map((r) => r.id));
      expect(items.map(lineOf)).toEqual(built.records.map((r) => r.line));
    });
  }

  it('the fast-csv engine reads the ranges the same way', async () => {
    const built = buildCsv({ seed: 8, records: 1500, eols: ['\n', '\r\n'], multiLine: 0.6 });
    const file = write(built.bytes);
    const p = await plan(file, { targetBytes: KiB });
    checkPlan(p, file, built.bytes, 'csv');
    const items = await checkReadsJoin(csvInput(file, { engine: 'fast-csv' }), file, p.ranges);
    expect(items.length).toBe(1500);
  });

  it('without quoting (quote -1), quotes are text and every line break may be cut at', async () => {
    // Every line has one stray quote: with quote parity the file could hardly be cut at all.
    const lines = Array.from({ length: 4000 }, (_, i) => `r${i},5" skjerm,${WORDS[i % WORDS.length]}`);
    const bytes = Buffer.from(['id,title,text', ...lines].join('\n') + '\n');
    const file = write(bytes);
    const p = await plan(file, { quote: -1, targetBytes: 2 * KiB });
    checkPlan(p, file, bytes, 'csv');
    const longest = Math.max(...p.ranges.map((r) => (r.end ?? bytes.length) - r.start));
    expect(longest).toBeLessThan(2 * KiB + 64);
    const items = await checkReadsJoin(csvInput(file, { quote: null }), file, p.ranges);
    expect(items.length).toBe(4000);
  });

  it('a quote in a multi-line field counts: with parity the cut waits for the field to close', async () => {
    // One record whose quoted field holds 2,000 short lines, between plain records.
    const field = '"' + Array.from({ length: 2000 }, (_, i) => `linje ${i}`).join('\n') + '"';
    const before = Array.from({ length: 50 }, (_, i) => `r${i},t,plain`).join('\n');
    const after = Array.from({ length: 2000 }, (_, i) => `s${i},t,plain`).join('\n');
    const text = `id,title,text\n${before}\nbig,t,${field}\n${after}\n`;
    const bytes = Buffer.from(text);
    const fieldStart = bytes.indexOf('big,t,"');
    const fieldEnd = bytes.indexOf('"\ns0,') + 2;
    const file = write(bytes);
    const p = await plan(file, { targetBytes: 8 * KiB });
    expect(fieldEnd - fieldStart).toBeLessThan((MAX_OVERSHOOT - 1) * 8 * KiB);
    expect(fieldEnd - fieldStart).toBeGreaterThan(2 * 8 * KiB); // many line breaks in it where a cut is due
    checkPlan(p, file, bytes, 'csv');
    for (const r of p.ranges) expect(r.start <= fieldStart || r.start >= fieldEnd, `cut at ${r.start} inside the field`).toBe(true);
    expect(p.ranges.some((r) => r.start === fieldEnd)).toBe(true); // the first line break after the field closes
    await checkReadsJoin(csvInput(file), file, p.ranges);
  });
});

describe('planFile: line numbers', () => {
  it('CSV mode: LF, CRLF and bare CR each end a line', async () => {
    const eols = ['\n', '\r\n', '\r'];
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => `${i},${'x'.repeat(i % 50)}${eols[i % 3]}`).join(''));
    const file = write(bytes);
    const p = await plan(file, { quote: -1, targetBytes: 700 });
    expect(p.ranges.length).toBeGreaterThan(50);
    checkPlan(p, file, bytes, 'csv');
    // Line i + 1 holds the number i: the line a range names is the one it starts on.
    for (const r of p.ranges) expect(bytes.subarray(r.start, r.start + 12).toString().split(',')[0]).toBe(String(r.startLine - 1));
  });

  it('`lines` mode: only LF ends a line; a CR alone is text and never followed by a cut', async () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => `{"n":${i},"t":"a\rb\rc"}${i % 2 ? '\r\n' : '\n'}`).join(''));
    const file = write(bytes, 'jsonl');
    const p = await plan(file, { mode: 'lines', targetBytes: 1000 });
    expect(p.ranges.length).toBeGreaterThan(30);
    checkPlan(p, file, bytes, 'lines');
    for (const r of p.ranges) expect(bytes.subarray(r.start, r.start + 12).toString()).toMatch(new RegExp(`^\\{"n":${r.startLine - 1},`));
  });

  it('a CRLF split by the planner’s 4 MiB read chunks is one line break, and the cut goes after its LF', async () => {
    const bytes = bigFileWithBreakAtChunkEnd('\r\n');
    expect([bytes[PLANNER_CHUNK - 1], bytes[PLANNER_CHUNK]]).toEqual([CR, LF]);
    const file = write(bytes);
    const p = await plan(file, { quote: -1, targetBytes: MiB });
    checkPlan(p, file, bytes, 'csv');
    expect(p.ranges[1]).toMatchObject({ start: PLANNER_CHUNK + 1, startLine: 4 });
  });

  it('a bare CR at the end of a 4 MiB read chunk is a line break, and may be cut after', async () => {
    const bytes = bigFileWithBreakAtChunkEnd('\r');
    expect([bytes[PLANNER_CHUNK - 1], bytes[PLANNER_CHUNK]]).toEqual([CR, 0x79]);
    const file = write(bytes);
    const p = await plan(file, { quote: -1, targetBytes: MiB });
    checkPlan(p, file, bytes, 'csv');
    expect(p.ranges[1]).toMatchObject({ start: PLANNER_CHUNK, startLine: 4 });
    // In `lines` mode the CR is text.
    const lines = await plan(file, { mode: 'lines', quote: -1, targetBytes: MiB });
    checkPlan(lines, file, bytes, 'lines');
    expect(lines.ranges[1]!.start).toBeGreaterThan(PLANNER_CHUNK);
    expect(lines.ranges[1]!.startLine).toBe(4); // a, b, then x…x\ry0,z…z ends at the first LF of the tail
  });
});

/** 3 short lines, then one long line whose break (`eol`) ends at the 4 MiB chunk boundary, then 1 MiB of lines:
 *  with a 1 MiB target the first cut is due at that break. */
function bigFileWithBreakAtChunkEnd(eol: '\r\n' | '\r'): Buffer {
  const head = Buffer.from('a\nb\n');
  const long = Buffer.alloc(PLANNER_CHUNK - 1 - head.length, 'x');
  const tail = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `y${i},${'z'.repeat(40)}\n`).join(''));
  return Buffer.concat([head, long, Buffer.from(eol), tail]);
}

describe('planFile: when a file is read whole', () => {
  const bigCsv = () => Buffer.from(Array.from({ length: 2000 }, (_, i) => `${i},tekst ${i}\n`).join(''));

  it('UTF-16 files are one range, however big', async () => {
    const text = bigCsv().toString();
    for (const [encoding, bytes] of [
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ] as [Encoding, Buffer][]) {
      const file = write(bytes);
      const p = await plan(file, { encoding, targetBytes: 500 });
      expect(p.ranges).toEqual([{ index: 0, start: 0, startLine: 1, end: undefined, endLine: undefined }]);
      checkPlan(p, file, bytes, 'csv');
    }
  });

  it('mode false (a JSON document) is one range', async () => {
    const bytes = Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, t: 'x' })), null, 2));
    const file = write(bytes, 'json');
    const p = await plan(file, { mode: false, targetBytes: 500 });
    expect(p.ranges).toHaveLength(1);
    checkPlan(p, file, bytes, 'lines');
  });

  it('a file up to twice the target is one range; a little more is cut', async () => {
    const bytes = bigCsv();
    const file = write(bytes);
    const at = async (targetBytes: number) => (await plan(file, { targetBytes })).ranges.length;
    expect(await at(bytes.length)).toBe(1);
    expect(await at(Math.ceil(bytes.length / 2))).toBe(1);
    expect(await at(Math.floor(bytes.length / 2) - 1)).toBeGreaterThan(1);
    expect(await at(bytes.length / 10)).toBeGreaterThanOrEqual(9);
  });

  it('an empty file and a file of one line', async () => {
    const empty = write(Buffer.alloc(0));
    const p = await plan(empty, { targetBytes: 1 });
    expect(p).toEqual({ file: empty, bytes: 0, sha256: sha256(Buffer.alloc(0)), ranges: [{ index: 0, start: 0, startLine: 1, end: undefined, endLine: undefined }] });
    const one = Buffer.from('x'.repeat(10_000) + '\n');
    const f = write(one);
    const q = await plan(f, { targetBytes: 100 });
    expect(q.ranges).toHaveLength(1); // the only line break is the file's last byte: nothing to cut before
    checkPlan(q, f, one, 'csv');
  });
});

describe('planFile: an unclosed quote', () => {
  it('the cut falls back to the first line break MAX_OVERSHOOT × target into the range, and the file is still covered', async () => {
    const target = KiB;
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i},t,plain ${i}`);
    rows[3] = 'r3,t,"never closed';
    const bytes = Buffer.from(['id,title,text', ...rows].join('\n') + '\n');
    const file = write(bytes);
    const p = await plan(file, { targetBytes: target });
    checkPlan(p, file, bytes, 'csv');
    const first = p.ranges[0]!.end!;
    expect(first).toBeGreaterThanOrEqual(MAX_OVERSHOOT * target);
    expect(first).toBeLessThan(MAX_OVERSHOOT * target + 30);
    // After the fallback the parity starts afresh: the rest is cut near the target.
    for (const r of p.ranges.slice(1, -1)) expect(r.end! - r.start).toBeLessThan(target + 30);
    expect(p.ranges.length).toBeGreaterThan(bytes.length / target - MAX_OVERSHOOT - 2);
    // The readers agree: the unclosed quote is one reject, and every range joins the next.
    const items = await checkReadsJoin(csvInput(file), file, p.ranges);
    expect(items.filter((item) => item.kind === 'reject').map((item) => item.kind === 'reject' && item.reject.code)).toEqual(['csv-unclosed-quote']);
    expect(items).toHaveLength(2000);
  });

  it('unclosed quotes all through the file: still cut, still covered', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => (i % 97 === 5 ? `r${i},t,"open` : `r${i},t,"closed ${i}"`));
    const bytes = Buffer.from(['id,title,text', ...rows].join('\r\n') + '\r\n');
    const file = write(bytes);
    const target = 2 * KiB;
    const p = await plan(file, { targetBytes: target });
    checkPlan(p, file, bytes, 'csv');
    expect(p.ranges.length).toBeGreaterThan(bytes.length / (MAX_OVERSHOOT * target) - 1);
    for (const r of p.ranges.slice(0, -1)) expect(r.end! - r.start).toBeLessThan(MAX_OVERSHOOT * target + 40);
  });
});

describe('planFile: cuts inside a record, and joining up again', () => {
  it('a quoted field longer than (MAX_OVERSHOOT - 1) × target is cut inside; read again from offsetOfLine, the reads join up', async () => {
    const target = 512;
    const field = '"' + Array.from({ length: 400 }, (_, i) => `linje ${i}, ${WORDS[i % WORDS.length]}`).join('\r\n') + '"';
    const rows = Array.from({ length: 300 }, (_, i) => (i === 20 || i === 150 ? `r${i},t,${field}` : `r${i},t,"kort\r\nsvar ${i}"`));
    const bytes = Buffer.from(['id,title,text', ...rows].join('\r\n') + '\r\n');
    const file = write(bytes);
    const p = await plan(file, { targetBytes: target });
    checkPlan(p, file, bytes, 'csv');
    const input = csvInput(file);
    const head = await readCsvHead(input, file);
    const whole = await readAll(input, file, head);
    expect(whole.items.every((item) => item.kind === 'review')).toBe(true);
    const { items, again } = await readJoinedUp(input, file, p.ranges);
    expect(again).toBeGreaterThan(0);
    expect(items).toEqual(whole.items);
  });

  it('an unclosed quote that pairs with a later one throws the parity off; the reads still join up', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) =>
      i === 7 ? `r${i},t,"aldri lukket` : i % 3 === 0 ? `r${i},t,"to\nlinjer ${i}"` : `r${i},"tittel ${i}",enkel`,
    );
    const bytes = Buffer.from(['id,title,text', ...rows].join('\n') + '\n');
    const file = write(bytes);
    const p = await plan(file, { targetBytes: KiB });
    checkPlan(p, file, bytes, 'csv');
    expect(p.ranges.length).toBeGreaterThan(5);
    const input = csvInput(file);
    const head = await readCsvHead(input, file);
    const whole = await readAll(input, file, head);
    expect(whole.items.filter((item) => item.kind === 'reject')).toHaveLength(1);
    const { items, again } = await readJoinedUp(input, file, p.ranges);
    expect(again).toBeGreaterThan(0); // some cuts fell inside the two-line fields
    expect(items).toEqual(whole.items);
  });
});

describe('offsetOfLine', () => {
  it('CSV mode: finds every line start with LF, CRLF and bare CR, from the file start or any line start', async () => {
    const eols = ['\r\n', '\r', '\n', '\r', '\r\n'];
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => `${i};${'ø'.repeat(i % 7)}${eols[i % eols.length]}`).join(''));
    const file = write(bytes);
    const starts = lineStarts(bytes, 'csv');
    expect(starts).toHaveLength(301);
    for (let line = 1; line <= starts.length; line++) expect(await offsetOfLine(file, 0, 1, line, 'csv')).toBe(starts[line - 1]);
    for (const from of [2, 57, 123, 299]) {
      for (const line of [from, from + 1, from + 2, 301]) {
        expect(await offsetOfLine(file, starts[from - 1]!, from, line, 'csv'), `line ${line} from line ${from}`).toBe(starts[line - 1]);
      }
    }
    expect(bytes.subarray(starts[122]!, starts[122]! + 4).toString()).toBe('122;');
  });

  it('`lines` mode: only LF counts', async () => {
    const bytes = Buffer.from('a\rb\r\nc\nd\re\n');
    const file = write(bytes);
    expect(await offsetOfLine(file, 0, 1, 2, 'lines')).toBe(5);
    expect(await offsetOfLine(file, 0, 1, 3, 'lines')).toBe(7);
    expect(await offsetOfLine(file, 5, 2, 3, 'lines')).toBe(7);
    expect(await offsetOfLine(file, 0, 1, 2, 'csv')).toBe(2);
  });

  it('a line past the end gives the file size; the line it starts on gives `from`', async () => {
    const file = write(Buffer.from('a\nb\n'));
    expect(await offsetOfLine(file, 0, 1, 9, 'csv')).toBe(4);
    expect(await offsetOfLine(file, 2, 2, 2, 'csv')).toBe(2);
    expect(await offsetOfLine(file, 0, 1, 3, 'csv')).toBe(4);
  });

  it('line breaks split by its 1 MiB read chunks', async () => {
    const from = 1000;
    for (const [eol, next] of [['\r', from + MiB], ['\r\n', from + MiB + 1], ['\n', from + MiB]] as const) {
      const bytes = Buffer.concat([Buffer.from('x'.repeat(from - 1) + '\n'), Buffer.alloc(MiB - 1, 'y'), Buffer.from(eol), Buffer.from('z\rw\n')]);
      const file = write(bytes);
      expect(bytes[from + MiB - 1]).toBe(eol === '\n' ? LF : CR);
      expect(await offsetOfLine(file, from, 2, 3, 'csv'), JSON.stringify(eol)).toBe(next);
      expect(await offsetOfLine(file, from, 2, 4, 'csv'), JSON.stringify(eol)).toBe(next + 2);
      expect(await offsetOfLine(file, from, 2, 4, 'csv')).toBe(lineStarts(bytes, 'csv')[3]);
    }
  });
});

// Regression: quotes used to hold back the cuts in `lines` mode too (a \" in a JSON line), making ranges up to 4× too big.
describe('planFile: `lines` mode and quotes', () => {
  it('a \\" in a JSON line does not hold back the cuts', async () => {
    const lines = [`{"id":0,"t":"a 5\\" screen"}`, ...Array.from({ length: 200 }, (_, i) => `{"id":${i + 1},"t":"plain"}`)];
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const file = write(bytes, 'jsonl');
    const p = await plan(file, { mode: 'lines', quote: QUOTE, targetBytes: 512 });
    checkPlan(p, file, bytes, 'lines');
    const firstDue = lineStarts(bytes, 'lines').find((s) => s >= 512);
    expect(p.ranges[0]!.end).toBe(firstDue);
  });
});
