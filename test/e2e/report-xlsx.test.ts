// report.xlsx read back with a second library (read-excel-file, not exceljs which wrote it): the sheets, typed
// values against product_trends.csv, and no formula cell from hostile text (the sheets' XML unzipped with fflate).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';
import { HOSTILE_PRODUCTS, writeHostileDump } from '../support/hostile-dump.js';

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

describe('report.xlsx on the bundled sample', () => {
  const out = tempDir('report-xlsx-sample');
  const run = runCli(['run', '--config', join(ROOT, 'data/sample/tilfreds.config.json'), '--out', out]);
  const xlsx = join(out, 'report.xlsx');

  it('has the six sheets', async () => {
    expect(run.code, run.stderr).toBe(0);
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Overview', 'Trends', 'Pain points', 'Emerging pain points', 'Rejects', 'About']);
  });

  it('holds product_trends.csv as typed cells: numbers, percentages as fractions, period starts as dates', async () => {
    const csv = readCsv(readFileSync(join(out, 'product_trends.csv'), 'utf8'));
    const header = csv[0]!;
    const col = (name: string) => header.indexOf(name);
    const sheet = await readSheet(xlsx, 'Trends');
    const [sheetHeader, ...rows] = sheet;
    expect(sheetHeader).toEqual([...header.slice(0, 2), 'period_start', ...header.slice(2)]);
    expect(rows.length).toBe(csv.length - 1);
    rows.forEach((row, i) => {
      const c = csv[i + 1]!;
      expect(row[0]).toBe(c[col('product')]);
      expect(row[1]).toBe(c[col('period')]);
      const start = row[2];
      expect(start).toBeInstanceOf(Date);
      expect((start as unknown as Date).toISOString().slice(0, 7)).toBe(c[col('period')]);
      expect(row[3]).toBe(num(c[col('reviews')]));
      // The CSV rounds to its decimals; the workbook keeps the full value behind a number format.
      const close = (cell: unknown, text: string | undefined, decimals: number, scale = 1) => {
        if (num(text) === null) return expect(cell).toBeNull();
        expect(typeof cell).toBe('number');
        expect(Math.abs((cell as number) * scale - num(text)!)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      };
      close(row[5], c[col('mean_rating_1to5')], 2);
      close(row[7], c[col('mean_sentiment')], 3);
      close(row[8], c[col('pct_positive')], 1, 100);
      close(row[10], c[col('pct_negative')], 1, 100);
      close(row[18], c[col('change_sentiment')], 3);
      expect(row[21] ?? null).toBe(c[col('top_pain_points')] || null);
    });
  });

  it('has one Overview row per product, and the About sheet names the per-record file', async () => {
    const overview = await readSheet(xlsx, 'Overview');
    const csv = readCsv(readFileSync(join(out, 'product_trends.csv'), 'utf8'));
    expect(overview.length - 1).toBe(new Set(csv.slice(1).map((r) => r[0])).size);
    const about = await readSheet(xlsx, 'About');
    expect(about.some((r) => String(r[1]).includes('scored_reviews.csv'))).toBe(true);
    expect(about.find((r) => r[0] === 'records read')?.[1]).toBe(5000);
    const rejects = await readSheet(xlsx, 'Rejects');
    expect(rejects.slice(1).reduce((n, r, i, all) => n + (i === 0 || all[i - 1]![1] !== r[1] || all[i - 1]![0] !== r[0] ? (r[2] as number) : 0), 0)).toBe(49);
  });

  it('freezes the header row, filters every sheet and colours the change columns', () => {
    const zip = unzipSync(readFileSync(xlsx));
    const sheets = Object.keys(zip).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(6);
    for (const f of sheets) {
      const xml = strFromU8(zip[f]!);
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml).toMatch(/<autoFilter ref="A1:/);
    }
    expect(strFromU8(zip['xl/worksheets/sheet2.xml']!)).toMatch(/<conditionalFormatting sqref="R2:R\d+">/);
  });
});

describe('report.xlsx on a dump full of hostile text', () => {
  const dir = tempDir('report-xlsx-hostile');
  const out = join(dir, 'out');
  const run = runCli(['run', '--config', writeHostileDump(dir, out)]);
  const xlsx = join(out, 'report.xlsx');

  it('has no formula cell anywhere, and every name is the literal text', async () => {
    expect(run.code, run.stderr).toBe(0);
    const zip = unzipSync(readFileSync(xlsx));
    for (const [name, bytes] of Object.entries(zip)) {
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(bytes), name).not.toMatch(/<f[ >]/);
    }
    const overview = await readSheet(xlsx, 'Overview');
    expect(overview.slice(1).map((r) => r[0]).sort()).toEqual([...HOSTILE_PRODUCTS].sort());
    const alerts = await readSheet(xlsx, 'Emerging pain points');
    const quotes = alerts.slice(1).map((r) => r[15]);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => typeof q === 'string' && q.length <= 400)).toBe(true);
  });
});

describe('output.formats', () => {
  it('writes only the reports asked for, beside the record-level files, and lists them in run.json', () => {
    const dir = tempDir('report-formats');
    const out = join(dir, 'out');
    const config = JSON.parse(readFileSync(writeHostileDump(dir, out), 'utf8')) as { output: Record<string, unknown> };
    config.output.formats = ['html'];
    writeFileSync(join(dir, 'html-only.json'), JSON.stringify(config));
    const run = runCli(['run', '--config', join(dir, 'html-only.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['rejects.csv', 'report.html', 'run.json', 'scored_reviews.csv', 'tilfreds-state.sqlite']);
    expect((JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { outputs: string[] }).outputs).toEqual(['scored_reviews.csv', 'rejects.csv', 'report.html']);
  });
});
