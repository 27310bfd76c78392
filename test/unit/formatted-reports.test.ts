import { describe, expect, it } from 'vitest';
import { escapeHtml, reportPayload, scriptSafeJson, MAX_NAME_CHARS, renderHtmlReport } from '../../src/report/html-report.js';
import { cutQuote, lineOffsets, splitCsvLine, MAX_QUOTE_CHARS } from '../../src/report/example-quotes.js';
import { periodStart, type ReportData } from '../../src/report/report-data.js';
import { textCell, latestRows } from '../../src/report/xlsx-report.js';
import { LABEL_KEYS, LABELS } from '../../src/report/html-labels.js';
import { LANGS } from '../../src/types.js';
import type { TrendRow } from '../../src/aggregate/trend.js';

const trend = (product: string, period: string, reviews: number, over: Partial<TrendRow> = {}): TrendRow => ({
  product, period, reviews, ratingN: reviews, meanRating: 4, sentimentN: reviews, meanSentiment: 0.25, pctPositive: 50, pctNeutral: 25, pctNegative: 25,
  npsN: 0, promoters: 0, passives: 0, detractors: 0, nps: undefined, npsMargin: undefined, npsNote: undefined, csatN: 0, csatPct: undefined, csatLow: undefined, csatHigh: undefined, csatNote: undefined, prevPeriod: undefined, changeRating: undefined, changeSentiment: undefined,
  changeNps: undefined, changeCsat: undefined, topPainPoints: undefined, ...over,
});

const data = (trends: TrendRow[]): ReportData => ({
  tables: { trends, painPoints: [], alerts: [] },
  rejects: [],
  quotes: new Map(),
  run: {
    version: '0.1.0', configFile: 'c.json', configHash: 'abc', lexicons: [], topics: 'none', period: 'month', locale: 'nb-NO', startedAt: '2026-01-02T03:04:05.000Z',
    seconds: 1, recordsPerSecond: 1, workers: 1, ranges: 1, inputs: [], totals: { read: 1, scored: 1, rejected: 0 },
  },
});

describe('HTML escaping', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&#60;img src=x onerror=&#34;a(&#39;b&#39;)&#34;&#62;&#38;');
  });

  it('keeps embedded JSON from closing its script element or breaking a line, and reads back the same', () => {
    const value = { s: '</script><script>x()</script><!-- & \u2028\u2029 \u202E' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('puts a hostile product name only into the escaped JSON block', () => {
    const html = renderHtmlReport(data([trend('</script><img src=x onerror=alert(1)>', '2025-01', 3)]));
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('is the same bytes for the same data', () => {
    const d = data([trend('A', '2025-01', 3), trend('A', '2025-02', 4, { prevPeriod: '2025-01', changeRating: 0.5 })]);
    expect(renderHtmlReport(d)).toBe(renderHtmlReport(d));
  });
});

describe('the page data', () => {
  it('gives each product its periods in order, the latest dated one as latest, and cuts long names', () => {
    const long = 'P'.repeat(5000);
    const p = reportPayload(data([
      trend('A', '2025-01', 3), trend('A', '2025-03', 5, { prevPeriod: '2025-01', changeRating: -0.25 }), trend('A', 'undated', 1), trend(long, '2025-02', 2),
    ]));
    expect(p.periods).toEqual(['2025-01', '2025-02', '2025-03', 'undated']);
    expect(p.series[0]).toMatchObject({ p: [0, 2, 3], n: [3, 5, 1], latest: 1, prev: 0, ch: [-0.25, null, null, null] });
    expect(p.products[1]!.length).toBe(MAX_NAME_CHARS);
    expect(p.locale).toBe('nb-NO');
    expect(p.labels.product).toBe('Produkt');
  });

  it('has every label in every language', () => {
    for (const lang of LANGS) for (const key of LABEL_KEYS) expect(LABELS[lang][key], `${lang}.${key}`).toBeTruthy();
  });
});

describe('report helpers', () => {
  it('finds the first day of every period kind', () => {
    expect(periodStart('2025-03')?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(periodStart('2025-03-09')?.toISOString()).toBe('2025-03-09T00:00:00.000Z');
    expect(periodStart('2025-Q2')?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(periodStart('2025-W07')?.toISOString()).toBe('2025-02-10T00:00:00.000Z');
    expect(periodStart('2026-W01')?.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(periodStart('undated')).toBeUndefined();
    expect(periodStart('all')).toBeUndefined();
  });

  it('cuts a quote to its maximum, spaces folded', () => {
    expect(cutQuote('a\n\n b ')).toBe('a b');
    const q = cutQuote('x'.repeat(100_000));
    expect(q.length).toBe(MAX_QUOTE_CHARS);
    expect(q.endsWith('…')).toBe(true);
  });

  it('splits a CSV line with quoted cells and doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","d""e",,f', ',')).toEqual(['a', 'b,c', 'd"e', '', 'f']);
    expect(splitCsvLine("'=x;\"y;z\";3", ';')).toEqual(["'=x", 'y;z', '3']);
  });

  it('keeps workbook text to what XML and Excel can hold', () => {
    expect(textCell('a\u0000b\u0007c\td\uD800')).toBe('a\uFFFDb\uFFFDc\td\uFFFD');
    expect(textCell('😀')).toBe('😀');
    expect(textCell('x'.repeat(40_000)).length).toBe(32_767);
  });

  it('takes each product\'s latest dated period for the overview', () => {
    const rows = latestRows([trend('A', '2025-01', 1), trend('A', '2025-02', 1), trend('A', 'undated', 1), trend('B', 'undated', 1)]);
    expect(rows.map((r) => `${r.product} ${r.period}`)).toEqual(['A 2025-02', 'B undated']);
  });
});

describe('lineOffsets', () => {
  it('finds line starts as the readers count lines (LF; in CSV also CRLF and bare CR), in one pass', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'tilfreds-lines-')), 'f.csv');
    writeFileSync(file, 'h\na\r\nb\rc\nd');
    expect([...(await lineOffsets(file, [1, 2, 3, 4, 5, 9], true))]).toEqual([[1, 0], [2, 2], [3, 5], [4, 7], [5, 9]]);
    expect([...(await lineOffsets(file, [3, 4], false))]).toEqual([[3, 5], [4, 9]]);
  });
});
