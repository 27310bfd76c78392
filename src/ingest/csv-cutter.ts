// Cuts decoded CSV text into records, quote-aware, counting physical lines. It sits in front of fast-csv
// because fast-csv ends its stream at the first malformed quote and loses the rest of the chunk
// (DESIGN.md section 6): here a malformed record becomes one reject and reading resumes on the next line.
//
// The rules (RFC 4180, lenient on line ends):
// - a field that starts with the quote is quoted; `""` inside it is a literal quote; it may span lines;
// - after a closing quote comes a delimiter or a line end, anything else is malformed;
// - a quote inside an unquoted field is malformed (`csv-bare-quote`), unless quoting is off;
// - records end at LF, CRLF or a bare CR; blank lines are skipped (they hold no record).
// A malformed record is rejected with its first physical line as the raw value, and reading resumes at the
// line after the one it started on: an unclosed quote swallows no good records, it costs a rescan of a few lines.
//
// An unclosed quote can also pair with a later quote that happens to be followed by a line end, and so swallow
// whole records into one "multi-line field". Structure alone cannot tell that from a real multi-line answer, so
// once the record width is known (from the first record: the header, or the first row) the lines inside such a
// field are read again as records of their own: when more of them look like complete records than not, the quote
// was unclosed.
//
// The cutter also splits each record into fields (the fast path; fast-csv's row parser is the other engine).
// It can start at any record boundary of a file, given the line number there, which is what lets byte ranges
// of one file be read in parallel.

import type { RejectCode } from '../types.js';

export type CutRecord = {
  kind: 'record';
  /** The record's text, without its line terminator. */
  text: string;
  /** Physical line (1-based) the record starts on. */
  line: number;
  /** The fields, unquoted and unescaped (when the cutter splits fields). */
  fields?: string[];
};
export type CutMalformed = { kind: 'malformed'; code: RejectCode; reason: string; line: number; raw: string };
export type CutItem = CutRecord | CutMalformed;

export type CutterOptions = {
  delimiter: string;
  quote: string | null;
  /** A record longer than this (in characters) is rejected: it is almost surely an unclosed quote. */
  maxRecordChars?: number;
  /** The physical line the text starts on (default 1). */
  startLine?: number;
  /** Fields per record, when known (from the header); otherwise taken from the first record. */
  width?: number;
  /** Split records into fields (`CutRecord.fields`). */
  splitFields?: boolean;
  /** Note the first record boundary on or after this line (see `boundaryFrom`). */
  watchLine?: number;
};

const LF = 10;
const CR = 13;
export const DEFAULT_MAX_RECORD_CHARS = 4 << 20;

type Scan =
  | { kind: 'end'; at: number; next: number; lines: number } // record ends at `at`; the next starts at `next`
  | { kind: 'more' } // need more text to decide
  | { kind: 'malformed'; code: RejectCode; reason: string };

export class CsvCutter {
  private buf = '';
  /** The line the next (unfinished) record starts on. */
  private line: number;
  private readonly delim: number;
  private readonly quote: number;
  private readonly maxChars: number;
  private readonly splitFields: boolean;
  private readonly watchLine: number;
  private width: number;
  /** The first line ≥ watchLine on which a record starts (or blank lines resume): where the next byte range
   *  of the file must start for the two ranges to join up as one sequential read would. */
  boundaryFrom: number | undefined;

  constructor(options: CutterOptions) {
    this.delim = options.delimiter.charCodeAt(0);
    this.quote = options.quote === null ? -1 : options.quote.charCodeAt(0);
    this.maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.line = options.startLine ?? 1;
    this.width = options.width ?? 0;
    this.splitFields = options.splitFields ?? false;
    this.watchLine = options.watchLine ?? Infinity;
  }

  /** Characters held for an unfinished record. */
  get pending(): number {
    return this.buf.length;
  }

  /** Adds text and returns the records it completes. */
  push(text: string): CutItem[] {
    this.buf = this.buf.length ? this.buf + text : text;
    return this.drain(false);
  }

  /** Returns what is left at the end of the input. */
  end(): CutItem[] {
    return this.drain(true);
  }

  private drain(final: boolean): CutItem[] {
    const out: CutItem[] = [];
    let start = 0;
    const buf = this.buf;
    const tooLarge = `record longer than ${this.maxChars} characters (an unclosed quote?)`;
    while (start < buf.length) {
      if (this.boundaryFrom === undefined && this.line >= this.watchLine) this.boundaryFrom = this.line;
      const scan = this.scan(buf, start, final);
      let bad: { code: RejectCode; reason: string } | undefined;
      if (scan.kind === 'more') {
        if (buf.length - start <= this.maxChars) break;
        bad = { code: 'record-too-large', reason: tooLarge };
      } else if (scan.kind === 'malformed') bad = scan;
      else if (scan.at - start > this.maxChars) bad = { code: 'record-too-large', reason: tooLarge };
      else if (scan.lines > 1 && this.width > 1 && this.swallowsRecords(buf, start, scan.at)) {
        bad = { code: 'csv-unclosed-quote', reason: 'a quoted field is not closed: the lines after it are records of their own' };
      }
      if (bad) {
        // The reject carries the record's whole first line and reading resumes after it: wait until it is here.
        if (!final && lineEnd(buf, start, buf.length) === buf.length) break;
        start = this.malformed(out, buf, start, bad.code, bad.reason);
        continue;
      }
      const end = scan as Extract<Scan, { kind: 'end' }>;
      if (end.at > start) {
        const fields = this.splitFields || this.width === 0 ? this.fields(buf, start, end.at, true) : undefined;
        if (this.width === 0) this.width = fields?.length ?? 0;
        const record: CutRecord = { kind: 'record', text: buf.slice(start, end.at), line: this.line };
        if (this.splitFields) record.fields = fields!;
        out.push(record);
      }
      this.line += end.lines;
      start = end.next;
    }
    if (this.boundaryFrom === undefined && start === buf.length && this.line >= this.watchLine) this.boundaryFrom = this.line;
    this.buf = start === 0 ? buf : buf.slice(start);
    return out;
  }

  /** Emits a reject for the record at `start` and returns where reading resumes: the line after its first line. */
  private malformed(out: CutItem[], buf: string, start: number, code: RejectCode, reason: string): number {
    let eol = start;
    while (eol < buf.length && buf.charCodeAt(eol) !== LF && buf.charCodeAt(eol) !== CR) eol++;
    out.push({ kind: 'malformed', code, reason, line: this.line, raw: buf.slice(start, eol) });
    this.line += 1;
    if (eol < buf.length && buf.charCodeAt(eol) === CR && buf.charCodeAt(eol + 1) === LF) return eol + 2;
    return Math.min(eol + 1, buf.length);
  }

  /** Finds the end of the record starting at `start`. */
  private scan(buf: string, start: number, final: boolean): Scan {
    const { delim, quote } = this;
    const n = buf.length;
    let i = start;
    let lines = 0; // line breaks inside quoted fields
    let fieldStart = true;
    for (;;) {
      if (i >= n) return final ? { kind: 'end', at: n, next: n, lines: 0 } : { kind: 'more' };
      let c = buf.charCodeAt(i);
      if (fieldStart && c === quote) {
        // Quoted field: jump from quote to quote, counting the line breaks in between.
        const open = i;
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf(buf[open]!, j);
          if (q === -1) {
            if (!final) return { kind: 'more' };
            return { kind: 'malformed', code: 'csv-unclosed-quote', reason: 'a quoted field is never closed' };
          }
          lines += countLineBreaks(buf, j, q);
          if (q + 1 >= n && !final) return { kind: 'more' };
          const after = q + 1 < n ? buf.charCodeAt(q + 1) : -1;
          if (after === quote) {
            j = q + 2;
            continue;
          }
          if (after === delim || after === LF || after === CR || after === -1) {
            i = q + 1;
            break;
          }
          return lines > 0
            ? { kind: 'malformed', code: 'csv-unclosed-quote', reason: 'a quoted field runs over the line end and is not closed properly' }
            : { kind: 'malformed', code: 'csv-bare-quote', reason: 'a quote inside a quoted field must be doubled ("")' };
        }
        fieldStart = false;
        continue;
      }
      // Unquoted: up to the next delimiter or line end.
      while (c !== delim && c !== LF && c !== CR) {
        if (c === quote) return { kind: 'malformed', code: 'csv-bare-quote', reason: 'a quote inside an unquoted field (quote the field and double the quote)' };
        if (++i >= n) return final ? { kind: 'end', at: n, next: n, lines } : { kind: 'more' };
        c = buf.charCodeAt(i);
      }
      if (c === delim) {
        i++;
        fieldStart = true;
        if (i >= n && final) return { kind: 'end', at: n, next: n, lines }; // trailing delimiter at EOF
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) return { kind: 'more' }; // a CRLF may be cut by the chunk boundary
        return { kind: 'end', at: i, next: buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1, lines: lines + 1 };
      }
      return { kind: 'end', at: i, next: i + 1, lines: lines + 1 };
    }
  }

  /** Whether the inner lines of a multi-line record (all but its first and last) read as complete records: the
   *  right number of fields, a first field of the same shape as the record's own (ids, dates and numbers keep
   *  their shape from row to row), and the fields before the multi-line one of the same kinds (a number where
   *  the record has a number…). Prose that happens to hold the right number of commas rarely passes all three. */
  private swallowsRecords(buf: string, start: number, end: number): boolean {
    const own = this.fields(buf, start, end);
    if (!own) return false;
    const multiLine = own.findIndex((f) => /[\r\n]/.test(f));
    const shape = firstFieldShape(own[0] ?? '');
    let complete = 0;
    let other = 0;
    let lineStart = nextLineStart(buf, start, end);
    for (let next = nextLineStart(buf, lineStart, end); next < end; lineStart = next, next = nextLineStart(buf, next, end)) {
      const line = this.fields(buf, lineStart, lineEnd(buf, lineStart, end));
      const looksLikeRecord =
        line !== undefined &&
        line.length === this.width &&
        firstFieldShape(line[0]!) === shape &&
        own.slice(0, multiLine).every((field, j) => sameKind(field, line[j]!));
      if (looksLikeRecord) complete++;
      else other++;
    }
    return complete > 0 && complete > other;
  }

  /** The fields in buf[from, to) read as one record, quoted ones without their quotes (and `""` made `"` when
   *  `unescape`), or undefined when it is not a well-formed record. */
  private fields(buf: string, from: number, to: number, unescape = false): string[] | undefined {
    const { delim, quote } = this;
    const out: string[] = [];
    let i = from;
    for (;;) {
      if (i < to && buf.charCodeAt(i) === quote) {
        let q = i + 1;
        for (;;) {
          q = buf.indexOf(buf[i]!, q);
          if (q === -1 || q >= to) return undefined;
          if (q + 1 < to && buf.charCodeAt(q + 1) === quote) q += 2;
          else break;
        }
        const content = buf.slice(i + 1, q);
        out.push(unescape && content.includes(buf[i]!) ? content.split(buf[i]! + buf[i]!).join(buf[i]!) : content);
        i = q + 1;
        if (i < to && buf.charCodeAt(i) !== delim) return undefined;
      } else {
        const fieldStart = i;
        while (i < to && buf.charCodeAt(i) !== delim) {
          if (buf.charCodeAt(i) === quote) return undefined;
          i++;
        }
        out.push(buf.slice(fieldStart, i));
      }
      if (i >= to) return out;
      i++; // the delimiter
    }
  }
}

type FieldKind = 'empty' | 'number' | 'date' | 'text';

function fieldKind(field: string): FieldKind {
  const f = field.trim();
  if (!f) return 'empty';
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(f)) return 'number';
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/.test(f)) return 'date';
  return 'text';
}

/** Blank fields are optional, so they match anything. */
function sameKind(a: string, b: string): boolean {
  const [ka, kb] = [fieldKind(a), fieldKind(b)];
  return ka === kb || ka === 'empty' || kb === 'empty';
}

/** The first field with letters and digits folded to `w` and runs collapsed: `R0000108-FQU` → `w-w`. A field
 *  of one run keeps its kind: `7781` → `9`, `Honestly` → `a`, `A17` → `w`. */
function firstFieldShape(field: string): string {
  let shape = '';
  let prev = '';
  let letters = false;
  let digits = false;
  for (const ch of field) {
    let cls = ch;
    const c = ch.charCodeAt(0);
    if ((c >= 48 && c <= 57) || (c > 127 && /\p{N}/u.test(ch))) [cls, digits] = ['w', true];
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /\p{L}/u.test(ch))) [cls, letters] = ['w', true];
    if (cls !== prev) shape += cls;
    prev = cls;
  }
  if (shape === 'w') return letters && digits ? 'w' : digits ? '9' : 'a';
  return shape;
}

function lineEnd(buf: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && buf.charCodeAt(i) !== LF && buf.charCodeAt(i) !== CR) i++;
  return i;
}

function nextLineStart(buf: string, from: number, limit: number): number {
  const i = lineEnd(buf, from, limit);
  if (i >= limit) return limit;
  return buf.charCodeAt(i) === CR && buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
}

/** LF, CRLF and bare CR each count as one line break. */
export function countLineBreaks(s: string, from: number, to: number): number {
  // Jumps with indexOf (the quoted texts it counts in are most of a file's characters), on a slice so that a
  // search that finds nothing stops at `to`, not at the end of a 1 MB buffer.
  const part = s.slice(from, to);
  let count = 0;
  for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) count++;
  for (let k = part.indexOf('\r'); k !== -1; k = part.indexOf('\r', k + 1)) if (s.charCodeAt(from + k + 1) !== LF) count++;
  return count;
}
