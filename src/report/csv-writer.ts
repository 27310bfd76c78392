// Writes one CSV table with fast-csv: fixed column order, typed columns (text cells neutralised against
// formulas, numbers in the locale's format), UTF-8 with BOM so Excel reads it as UTF-8.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { format, type CsvFormatterStream } from '@fast-csv/format';
import { formatNumber, type SheetDialect } from './locale.js';
import { sanitizeCell } from './sanitize-cell.js';

export type Column<T> =
  | { name: string; kind: 'text'; get: (row: T) => string | undefined }
  | { name: string; kind: 'int'; get: (row: T) => number | undefined }
  | { name: string; kind: 'num'; decimals: number; get: (row: T) => number | undefined };

export type TableOptions = { dialect: SheetDialect; header: boolean; bom: boolean };

const ROW_END = '\r\n';

export class CsvTableWriter<T> {
  private rows = 0;
  private readonly csv: CsvFormatterStream<string[], string[]>;
  private readonly file: WriteStream;

  constructor(
    path: string,
    private readonly columns: readonly Column<T>[],
    private readonly options: TableOptions,
  ) {
    this.file = createWriteStream(path);
    // Written here, not by fast-csv: it writes its BOM with the first row, so an empty table would have none.
    if (options.bom) this.file.write('\uFEFF');
    this.csv = format<string[], string[]>({
      delimiter: options.dialect.delimiter,
      rowDelimiter: ROW_END,
      // fast-csv would end even an empty table with a row delimiter (a blank line): close() adds it only after rows.
      includeEndRowDelimiter: false,
      headers: options.header ? columns.map((c) => c.name) : false,
      alwaysWriteHeaders: options.header,
    });
    this.csv.pipe(this.file, { end: false });
  }

  cells(row: T): string[] {
    const { dialect } = this.options;
    return this.columns.map((c) => {
      if (c.kind === 'text') {
        const v = c.get(row);
        return v === undefined ? '' : sanitizeCell(v);
      }
      const v = c.get(row);
      return c.kind === 'int' ? (v === undefined ? '' : String(v)) : formatNumber(v, c.decimals, dialect);
    });
  }

  /** Writes a row; resolves at once unless the file is behind (backpressure). */
  write(row: T): Promise<void> | undefined {
    this.rows++;
    if (this.csv.write(this.cells(row))) return undefined;
    return once(this.csv, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    const formatted = once(this.csv, 'end');
    this.csv.end();
    await formatted;
    const closed = once(this.file, 'close');
    this.file.end(this.rows > 0 || this.options.header ? ROW_END : undefined);
    await closed;
  }
}

/** The header line alone, as the writer would write it (for files assembled from parts). */
export function headerLine<T>(columns: readonly Column<T>[], dialect: SheetDialect): string {
  return columns.map((c) => (/[";\r\n,]/.test(c.name) ? `"${c.name.replace(/"/g, '""')}"` : c.name)).join(dialect.delimiter) + '\r\n';
}
