// The text of the alerts' example reviews, for the quotes in the HTML report.
//
// Why a second, targeted pass at the end rather than keeping texts during the run: an alert's example id is
// only known once the aggregates are complete, and texts kept per topic sum during the run would cost a string
// copy on the hot per-record path and memory per product × period × topic (75k entries on the 1M bench dump),
// while only a few dozen quotes are shown. So: one streaming scan of scored_reviews.csv (first field only) finds
// the few wanted ids' file and line, then each of those records is read again from its input file, from that
// line, with the input's own reader; the review read there must carry the wanted id. Inputs read whole (JSON
// documents) are not re-read: their alerts show no quote.
import { resolve, dirname } from 'node:path';
import type { Config } from '../config/schema.js';
import { readChunks } from '../ingest/read-chunks.js';
import { SOURCES } from '../ingest/registry.js';
import type { SheetDialect } from './locale.js';
import type { Quote } from './report-data.js';
import { sanitizeCell } from './sanitize-cell.js';

/** A quote is cut here: a 100 KB review must not flood the report. */
export const MAX_QUOTE_CHARS = 400;

type Found = { id: string; input: string; file: string; line: number };

export function cutQuote(text: string, max = MAX_QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** The cells of one CSV line as our writer writes them (quoted fields may not hold a line break here: the id,
 *  source, file and line cells of scored_reviews.csv never do in practice; a miss only loses a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return [...cells, cell + line.slice(i)];
        cell += line.slice(i, q);
        if (line[q + 1] === '"') [cell, i] = [cell + '"', q + 2];
        else {
          i = q + 1;
          break;
        }
      }
      cells.push(cell);
      i += delimiter.length;
    } else {
      const d = line.indexOf(delimiter, i);
      const end = d < 0 ? line.length : d;
      cells.push(line.slice(i, end));
      i = end + delimiter.length;
    }
  }
  return cells;
}

/** The id cell as the CSV writer writes it (neutralised, quoted when needed): what a line of scored_reviews.csv starts with. */
function idCell(id: string, dialect: SheetDialect): string {
  const cell = sanitizeCell(id);
  return /["\r\n]/.test(cell) || cell.includes(dialect.delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The last (up to) four bytes of a cell and its length as one number: a cheap first test per line. */
function tailKey(b: Buffer, from: number, to: number): number {
  let x = to - from;
  for (let i = Math.max(from, to - 4); i < to; i++) x = x * 256 + b[i]!;
  return x;
}

/** Where each wanted id's record is: one pass over scored_reviews.csv (hundreds of MB at 10⁶ records), on the
 *  bytes (decoding it all to text took most of the time), looking at each line's first field only: its length and
 *  last bytes first, the whole cell only when those match a wanted one. */
async function locate(scoredCsv: string, ids: ReadonlySet<string>, config: Config, dialect: SheetDialect): Promise<Found[]> {
  const byCell = new Map<string, string>();
  const keys = new Set<number>();
  for (const id of ids) {
    const cell = Buffer.from(idCell(id, dialect));
    byCell.set(cell.toString('latin1'), id);
    keys.add(tailKey(cell, 0, cell.length));
  }
  const delimiter = dialect.delimiter.charCodeAt(0);
  const found: Found[] = [];
  const base = dirname(config.file);
  let rest: Buffer | undefined;
  for await (const chunk of readChunks(scoredCsv)) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; start = nl + 1, nl = buf.indexOf(LF, start)) {
      const d = buf.indexOf(delimiter, start);
      if (d === -1 || d > nl || !keys.has(tailKey(buf, start, d))) continue;
      const cell = buf.toString('latin1', start, d);
      const id = byCell.get(cell);
      if (id === undefined) continue;
      const cells = splitCsvLine(buf.toString('utf8', start, nl).replace(/\r$/, ''), dialect.delimiter);
      found.push({ id, input: cells[1] ?? '', file: resolve(base, cells[2] ?? ''), line: Number(cells[3]) });
      byCell.delete(cell);
      if (byCell.size === 0) return found;
    }
    // The chunk's buffer is reused by the reader: the unfinished line is copied.
    rest = Buffer.from(buf.subarray(start));
  }
  return found;
}

const LF = 10;
const CR = 13;

/** Byte offsets where the given physical lines start (sorted, 1-based), in one read of the file. Line breaks are
 *  counted as the readers count them: LF, and in CSV also CRLF and a bare CR. A chunk without CR is scanned with
 *  Buffer.indexOf (native; the file can be hundreds of MB), others byte by byte. */
export async function lineOffsets(file: string, lines: readonly number[], csv: boolean): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  let k = 0;
  let line = 1;
  let offset = 0;
  let pendingCR = false;
  const reached = (at: number) => {
    line++;
    while (k < lines.length && lines[k]! <= line) {
      if (lines[k] === line) out.set(line, at);
      k++;
    }
  };
  while (k < lines.length && lines[k]! <= 1) out.set(lines[k++]!, 0);
  for await (const chunk of readChunks(file)) {
    if (k >= lines.length) break;
    if (!csv || (!pendingCR && chunk.indexOf(CR) === -1)) {
      for (let i = chunk.indexOf(LF); i !== -1 && k < lines.length; i = chunk.indexOf(LF, i + 1)) reached(offset + i + 1);
    } else {
      for (let i = 0; i < chunk.length && k < lines.length; i++) {
        const b = chunk[i]!;
        if (pendingCR) {
          pendingCR = false;
          if (b !== LF) reached(offset + i);
        }
        if (b === LF) reached(offset + i + 1);
        else if (b === CR) pendingCR = true;
      }
    }
    offset += chunk.length;
  }
  return out;
}

/** The quotes of `ids` (review ids from the aggregates), read from the inputs. */
export async function exampleQuotes(config: Config, scoredCsv: string, ids: ReadonlySet<string>, dialect: SheetDialect): Promise<Map<string, Quote>> {
  const quotes = new Map<string, Quote>();
  if (ids.size === 0) return quotes;
  const found = await locate(scoredCsv, ids, config, dialect);
  // File by file, in line order, so that each file is read once, up to its last wanted line.
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const offsets = new Map<string, Map<number, number>>();
  for (const f of found) {
    const input = config.inputs.find((i) => i.name === f.input);
    const source = input && SOURCES[input.format];
    if (!input || !source || source.splits === false || !Number.isInteger(f.line)) continue;
    if (!offsets.has(f.file)) {
      const lines = [...new Set(found.filter((g) => g.file === f.file).map((g) => g.line))];
      offsets.set(f.file, await lineOffsets(f.file, lines, source.splits === 'csv'));
    }
    const offset = offsets.get(f.file)!.get(f.line);
    if (offset === undefined) continue;
    const head = await source.readHead(input, f.file);
    // index 1: not the file's first range, so a CSV reader does not take the record for the header.
    const range = { index: 1, start: offset, startLine: f.line, end: offset + 1, endLine: f.line + 1 };
    for await (const batch of source.read(input, f.file, head, range, { nextLine: undefined })) {
      const item = batch[0];
      if (item?.kind === 'review' && item.review.id === f.id) {
        quotes.set(f.id, { id: f.id, text: cutQuote(item.review.texts.map((t) => t.text).join(' · ')) });
      }
      break;
    }
  }
  return quotes;
}
