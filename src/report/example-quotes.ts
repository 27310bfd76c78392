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
import { StringDecoder } from 'node:string_decoder';
import type { Config } from '../config/schema.js';
import { readChunks } from '../ingest/read-chunks.js';
import { SOURCES } from '../ingest/registry.js';
import { offsetOfLine } from '../pipeline/plan-ranges.js';
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

/** Where each wanted id's record is: one pass over scored_reviews.csv, looking at each line's first field only. */
async function locate(scoredCsv: string, ids: ReadonlySet<string>, config: Config, dialect: SheetDialect): Promise<Found[]> {
  const byCell = new Map([...ids].map((id) => [idCell(id, dialect), id]));
  const found: Found[] = [];
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const base = dirname(config.file);
  for await (const chunk of readChunks(scoredCsv)) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) {
      const d = text.indexOf(dialect.delimiter, start);
      if (d < 0 || d > nl) continue;
      const id = byCell.get(text.slice(start, d));
      if (id === undefined) continue;
      const cells = splitCsvLine(text.slice(start, nl).replace(/\r$/, ''), dialect.delimiter);
      found.push({ id, input: cells[1] ?? '', file: resolve(base, cells[2] ?? ''), line: Number(cells[3]) });
      byCell.delete(idCell(id, dialect));
      if (byCell.size === 0) return found;
    }
    rest = text.slice(start);
  }
  return found;
}

/** The quotes of `ids` (review ids from the aggregates), read from the inputs. */
export async function exampleQuotes(config: Config, scoredCsv: string, ids: ReadonlySet<string>, dialect: SheetDialect): Promise<Map<string, Quote>> {
  const quotes = new Map<string, Quote>();
  if (ids.size === 0) return quotes;
  const found = await locate(scoredCsv, ids, config, dialect);
  // File by file, in line order, so that each file is read once up to its last wanted line.
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  let at = { file: '', offset: 0, line: 1 };
  for (const f of found) {
    const input = config.inputs.find((i) => i.name === f.input);
    const source = input && SOURCES[input.format];
    if (!input || !source || source.splits === false || !Number.isInteger(f.line)) continue;
    if (at.file !== f.file) at = { file: f.file, offset: 0, line: 1 };
    const offset = await offsetOfLine(f.file, at.offset, at.line, f.line, source.splits);
    at = { file: f.file, offset, line: f.line };
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
