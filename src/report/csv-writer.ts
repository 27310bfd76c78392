// Writes one CSV table: fixed column order, typed columns (text cells neutralised against formulas, numbers in
// the locale's format), RFC 4180 quoting, CRLF, UTF-8 with BOM so Excel reads it as UTF-8. Rows are joined into
// 64 KB chunks before they reach the file: a stream write per row (or a formatter stream, as fast-csv's) costs
// more than the formatting itself on the per-record report.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatNumber, type SheetDialect } from './locale.js';
import { sanitizeCell } from './sanitize-cell.js';

export type Column<T> =
  | { name: string; kind: 'text'; get: (row: T) => string | undefined }
  | { name: string; kind: 'int'; get: (row: T) => number | undefined }
  | { name: string; kind: 'num'; decimals: number; get: (row: T) => number | undefined };

export type TableOptions = { dialect: SheetDialect; header: boolean; bom: boolean };

const ROW_END = '\r\n';
const CHUNK_CHARS = 64 * 1024;

/** A cell as CSV: quoted (inner quotes doubled) when it holds the delimiter, a quote or a line break. */
function csvCell(value: string, needsQuotes: RegExp): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const quotingFor = (dialect: SheetDialect) => new RegExp(`["\\r\\n${dialect.delimiter === '\t' ? '\\t' : dialect.delimiter}]`);

export class CsvTableWriter<T> {
  private readonly file: WriteStream;
  private readonly needsQuotes: RegExp;
  private chunk = '';

  constructor(
    path: string,
    private readonly columns: readonly Column<T>[],
    private readonly options: TableOptions,
  ) {
    // A buffer of 1 MB lets the disk writes run in the background: with the default 16 KB every chunk would wait.
    this.file = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.needsQuotes = quotingFor(options.dialect);
    if (options.bom) this.chunk += '\uFEFF';
    if (options.header) this.chunk += headerLine(columns, options.dialect);
  }

  /** One row as CSV, with its line end. */
  line(row: T): string {
    const { dialect } = this.options;
    let out = '';
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i]!;
      let cell: string;
      if (c.kind === 'text') {
        const v = c.get(row);
        cell = v === undefined ? '' : csvCell(sanitizeCell(v), this.needsQuotes);
      } else {
        const v = c.get(row);
        cell = c.kind === 'int' ? (v === undefined ? '' : String(v)) : formatNumber(v, c.decimals, dialect);
      }
      out += i === 0 ? cell : dialect.delimiter + cell;
    }
    return out + ROW_END;
  }

  /** Writes a row; resolves at once unless the file is behind (backpressure). */
  write(row: T): Promise<void> | undefined {
    this.chunk += this.line(row);
    if (this.chunk.length < CHUNK_CHARS) return undefined;
    const ok = this.file.write(this.chunk);
    this.chunk = '';
    return ok ? undefined : once(this.file, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    const closed = once(this.file, 'close');
    this.file.end(this.chunk);
    this.chunk = '';
    await closed;
  }
}

/** The header line alone, as the writer writes it (for files assembled from parts). */
export function headerLine<T>(columns: readonly Column<T>[], dialect: SheetDialect): string {
  const needsQuotes = quotingFor(dialect);
  return columns.map((c) => csvCell(c.name, needsQuotes)).join(dialect.delimiter) + ROW_END;
}
