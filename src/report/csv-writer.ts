// Writes one CSV table: fixed column order, typed columns (text cells neutralised against formulas, numbers in
// the locale's format), RFC 4180 quoting, CRLF, UTF-8 with BOM so Excel reads it as UTF-8. Rows are joined into
// 64 KB chunks before they reach the file: a stream write per row (or a formatter stream, as fast-csv's) costs
// more than the formatting itself on the per-record report.
import { open, type FileHandle } from 'node:fs/promises';
import { formatNumber, type SheetDialect } from './locale.js';
import { sanitizeCell } from './sanitize-cell.js';

export type Column<T> =
  /** `repeats`: the column holds few distinct values (a source, a product, a label): their cells are memoised. */
  | { name: string; kind: 'text'; get: (row: T) => string | undefined; repeats?: boolean }
  | { name: string; kind: 'int'; get: (row: T) => number | undefined }
  | { name: string; kind: 'num'; decimals: number; get: (row: T) => number | undefined };

export type TableOptions = { dialect: SheetDialect; header: boolean; bom: boolean };

const ROW_END = '\r\n';
const MEMO_MAX = 10_000;
const CHUNK_CHARS = 64 * 1024;

/** A cell as CSV: quoted (inner quotes doubled) when it holds the delimiter, a quote or a line break. */
function csvCell(value: string, needsQuotes: RegExp): string {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const quotingFor = (dialect: SheetDialect) => new RegExp(`["\\r\\n${dialect.delimiter === '\t' ? '\\t' : dialect.delimiter}]`);

export class CsvTableWriter<T> {
  private readonly file: Promise<FileHandle>;
  private readonly needsQuotes: RegExp;
  private chunk = '';
  /** Two buffers, written alternately: one is filled while the other's write is under way. */
  private readonly buffers: [Buffer, Buffer] = [Buffer.allocUnsafeSlow(4 * CHUNK_CHARS), Buffer.allocUnsafeSlow(4 * CHUNK_CHARS)];
  private next = 0;
  private writing: Promise<unknown> = Promise.resolve();
  /** Per column with `repeats`: value → finished cell. */
  private readonly memos: (Map<string, string> | undefined)[];

  constructor(
    path: string,
    private readonly columns: readonly Column<T>[],
    private readonly options: TableOptions,
  ) {
    this.file = open(path, 'w');
    this.file.catch(() => undefined); // reported where it is awaited
    this.needsQuotes = quotingFor(options.dialect);
    this.memos = columns.map((c) => (c.kind === 'text' && c.repeats ? new Map() : undefined));
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
        const memo = this.memos[i];
        if (v === undefined) cell = '';
        else if (memo === undefined) cell = csvCell(sanitizeCell(v), this.needsQuotes);
        else {
          let known = memo.get(v);
          if (known === undefined) {
            if (memo.size >= MEMO_MAX) memo.clear(); // a column that repeats less than declared stays bounded
            memo.set(v, (known = csvCell(sanitizeCell(v), this.needsQuotes)));
          }
          cell = known;
        }
      } else {
        const v = c.get(row);
        cell = c.kind === 'int' ? (v === undefined ? '' : String(v)) : formatNumber(v, c.decimals, dialect);
      }
      out += i === 0 ? cell : dialect.delimiter + cell;
    }
    return out + ROW_END;
  }

  /** Writes a row; returns a promise only when the file is behind (then wait for it before the next row). */
  write(row: T): Promise<unknown> | undefined {
    this.chunk += this.line(row);
    return this.chunk.length < CHUNK_CHARS ? undefined : this.flush();
  }

  /** Queues the pending text for writing, encoded into the buffer that is free; returns the write before, which
   *  the caller waits for (at most two chunks are ever in flight). Encoding into reused buffers, rather than
   *  handing strings to a stream, allocates nothing per chunk: a night's hundreds of megabytes of output no
   *  longer pass through short-lived buffers outside the heap. */
  private flush(): Promise<unknown> {
    const text = this.chunk;
    this.chunk = '';
    const i = this.next;
    this.next = 1 - i;
    const before = this.writing;
    // Chained: the writes go out in order, and a buffer is refilled only after its last write has finished.
    this.writing = before.then(async () => {
      // UTF-8 takes at most 3 bytes per UTF-16 unit: only a chunk that might not fit is measured first.
      if (3 * text.length > this.buffers[i]!.length) {
        const need = Buffer.byteLength(text);
        if (need > this.buffers[i]!.length) this.buffers[i] = Buffer.allocUnsafeSlow(need);
      }
      const bytes = this.buffers[i]!.write(text);
      await (await this.file).write(this.buffers[i]!, 0, bytes);
    });
    this.writing.catch(() => undefined); // reported by the next flush or by close()
    return before;
  }

  async close(): Promise<void> {
    if (this.chunk) await this.flush();
    await this.writing;
    await (await this.file).close();
  }
}

/** The header line alone, as the writer writes it (for files assembled from parts). */
export function headerLine<T>(columns: readonly Column<T>[], dialect: SheetDialect): string {
  const needsQuotes = quotingFor(dialect);
  return columns.map((c) => csvCell(c.name, needsQuotes)).join(dialect.delimiter) + ROW_END;
}
