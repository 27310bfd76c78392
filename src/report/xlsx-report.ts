// report.xlsx: the aggregates as a workbook with typed cells (numbers with number formats, period starts as
// dates, shares as percentages), a frozen header row, autofilters and green/red change columns. Written with
// exceljs's streaming writer: rows go to the zip as they are committed, so a large Pain points sheet is not held
// as a cell model. Strings are only ever passed as JS strings (exceljs makes a formula only from a
// `{ formula }` object) and go to the shared-strings table (`t="s"`), so a review or product starting with
// = + - @ is text, never a formula.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { TrendRow } from '../aggregate/trend.js';
import type { PainPointRow } from '../aggregate/pain-points.js';
import type { EmergingAlertRow } from './tables.js';
import { ALL_PERIODS } from '../aggregate/pain-points.js';
import { periodStart, type RejectGroup, type ReportData } from './report-data.js';

// Only the streaming writer is loaded: all of exceljs (readers, CSV, the in-memory workbook) is ~27 MB of RSS
// once imported, its writer ~16 MB, which lands on top of the run's memory at its very end.
const WorkbookWriter = createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** Excel's limit on a cell's text. */
const MAX_CELL_CHARS = 32_767;

type Cell = string | number | Date | null;
type SheetColumn<T> = {
  header: string;
  width: number;
  /** Number format; `pct` columns take a 0–100 value and show it as a percentage. */
  format?: string;
  pct?: boolean;
  /** Green when above 0, red when below (a change against the period before). */
  change?: boolean;
  get: (row: T) => string | number | Date | undefined;
};

const INT = '#,##0';
const PCT = '0.0%';
const DATE = 'yyyy-mm-dd';

/** Characters XML 1.0 cannot carry (control characters, lone surrogates) would make the file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function textCell(s: string): string {
  const clean = s.replace(NOT_XML, '\uFFFD');
  return clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS - 1) + '…' : clean;
}

function cellOf<T>(c: SheetColumn<T>, row: T): Cell {
  const v = c.get(row);
  if (v === undefined) return null;
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? (c.pct ? v / 100 : v) : null;
  return v;
}

const GOOD = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } } as const;
const BAD = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } as const;

/** Excel's column letters: 1 → A, 27 → AA. */
function letters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function addSheet<T>(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly SheetColumn<T>[], rows: Iterable<T>, count: number): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed (or turned into a PDF) a sheet is as wide as the page, its header on every page.
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).height = 42;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  columns.forEach((c, i) => {
    if (!c.change || count === 0) return;
    const col = letters(i + 1);
    ws.addConditionalFormatting({
      ref: `${col}2:${col}${count + 1}`,
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['0'], style: GOOD, priority: 1 },
        { type: 'cellIs', operator: 'lessThan', formulae: ['0'], style: BAD, priority: 2 },
      ],
    } as ExcelJS.ConditionalFormattingOptions);
  });
  for (const row of rows) ws.addRow(columns.map((c) => cellOf(c, row))).commit();
  ws.commit();
}

const trendColumns = (dateFormat: string): SheetColumn<TrendRow>[] => [
  { header: 'product', width: 28, get: (r) => r.product },
  { header: 'period', width: 10, get: (r) => r.period },
  { header: 'period_start', width: 12, format: dateFormat, get: (r) => periodStart(r.period) },
  { header: 'reviews', width: 9, format: INT, get: (r) => r.reviews },
  { header: 'rated', width: 8, format: INT, get: (r) => r.ratingN },
  { header: 'mean_rating_1to5', width: 10, format: '0.00', get: (r) => r.meanRating },
  { header: 'scored_texts', width: 9, format: INT, get: (r) => r.sentimentN },
  { header: 'mean_sentiment', width: 10, format: '0.000', get: (r) => r.meanSentiment },
  { header: 'pct_positive', width: 9, format: PCT, pct: true, get: (r) => r.pctPositive },
  { header: 'pct_neutral', width: 9, format: PCT, pct: true, get: (r) => r.pctNeutral },
  { header: 'pct_negative', width: 9, format: PCT, pct: true, get: (r) => r.pctNegative },
  { header: 'nps_n', width: 8, format: INT, get: (r) => r.npsN },
  { header: 'nps', width: 8, format: '0.0', get: (r) => r.nps },
  { header: 'nps_margin_95', width: 9, format: '0.0', get: (r) => r.npsMargin },
  { header: 'csat_n', width: 8, format: INT, get: (r) => r.csatN },
  { header: 'csat_pct', width: 9, format: PCT, pct: true, get: (r) => r.csatPct },
  { header: 'prev_period', width: 10, get: (r) => r.prevPeriod },
  { header: 'change_rating', width: 10, format: '+0.00;-0.00;0.00', change: true, get: (r) => r.changeRating },
  { header: 'change_sentiment', width: 10, format: '+0.000;-0.000;0.000', change: true, get: (r) => r.changeSentiment },
  { header: 'change_nps', width: 9, format: '+0.0;-0.0;0.0', change: true, get: (r) => r.changeNps },
  { header: 'change_csat_pct', width: 9, format: '+0.0%;-0.0%;0.0%', pct: true, change: true, get: (r) => r.changeCsat },
  { header: 'top_pain_points', width: 50, get: (r) => r.topPainPoints },
  { header: 'promoters', width: 9, format: INT, get: (r) => r.promoters },
  { header: 'passives', width: 9, format: INT, get: (r) => r.passives },
  { header: 'detractors', width: 9, format: INT, get: (r) => r.detractors },
  { header: 'nps_note', width: 9, get: (r) => r.npsNote },
  { header: 'csat_low_95', width: 9, format: PCT, pct: true, get: (r) => r.csatLow },
  { header: 'csat_high_95', width: 9, format: PCT, pct: true, get: (r) => r.csatHigh },
  { header: 'csat_note', width: 9, get: (r) => r.csatNote },
];

const painColumns = (dateFormat: string): SheetColumn<PainPointRow>[] => [
  { header: 'product', width: 28, get: (r) => r.product },
  { header: 'period', width: 10, get: (r) => r.period },
  { header: 'period_start', width: 12, format: dateFormat, get: (r) => periodStart(r.period) },
  { header: 'rank', width: 6, format: INT, get: (r) => r.rank },
  { header: 'topic', width: 16, get: (r) => r.topic },
  { header: 'topic_name', width: 26, get: (r) => r.topicName },
  { header: 'reviews', width: 9, format: INT, get: (r) => r.reviews },
  { header: 'mentions', width: 9, format: INT, get: (r) => r.mentions },
  { header: 'pct_of_reviews', width: 9, format: PCT, pct: true, get: (r) => r.sharePct },
  { header: 'negative', width: 9, format: INT, get: (r) => r.negative },
  { header: 'pct_negative', width: 9, format: PCT, pct: true, get: (r) => r.negativeSharePct },
  { header: 'positive', width: 9, format: INT, get: (r) => r.positive },
  { header: 'mean_sentiment', width: 10, format: '0.000', get: (r) => r.meanSentiment },
  { header: 'pct_negative_all_products', width: 11, format: PCT, pct: true, get: (r) => r.catalogueNegativeSharePct },
  { header: 'excess_negative_sd', width: 10, format: '0.00', get: (r) => r.excess },
  { header: 'prev_period', width: 10, get: (r) => r.prevPeriod },
  { header: 'change_pct_of_reviews', width: 10, format: '+0.0%;-0.0%;0.0%', pct: true, change: true, get: (r) => r.changeSharePct },
  { header: 'change_pct_negative', width: 10, format: '+0.0%;-0.0%;0.0%', pct: true, change: true, get: (r) => r.changeNegativeSharePct },
  { header: 'change_mean_sentiment', width: 10, format: '+0.000;-0.000;0.000', change: true, get: (r) => r.changeMeanSentiment },
  { header: 'example_review_id', width: 18, get: (r) => r.exampleId },
];

const alertColumns = (quotes: ReportData['quotes']): SheetColumn<EmergingAlertRow>[] => [
  { header: 'product', width: 28, get: (r) => r.product },
  { header: 'period', width: 10, get: (r) => r.period },
  { header: 'topic', width: 16, get: (r) => r.topic },
  { header: 'topic_name', width: 26, get: (r) => r.topicName },
  { header: 'negative', width: 9, format: INT, get: (r) => r.negative },
  { header: 'reviews', width: 9, format: INT, get: (r) => r.reviews },
  { header: 'negative_per_100_reviews', width: 11, format: '0.00', get: (r) => 100 * r.rate },
  { header: 'baseline_from', width: 10, get: (r) => r.baselineFrom },
  { header: 'baseline_to', width: 10, get: (r) => r.baselineTo },
  { header: 'baseline_negative', width: 10, format: INT, get: (r) => r.baselineNegative },
  { header: 'baseline_reviews', width: 10, format: INT, get: (r) => r.baselineReviews },
  { header: 'baseline_per_100_reviews', width: 11, format: '0.00', get: (r) => 100 * r.baselineRate },
  { header: 'ratio', width: 8, format: '0.00', get: (r) => (Number.isFinite(r.ratio) ? r.ratio : undefined) },
  { header: 'p_value', width: 10, format: '0.00E+00', get: (r) => r.pValue },
  { header: 'example_review_id', width: 18, get: (r) => r.exampleId },
  { header: 'example_quote', width: 80, get: (r) => (r.exampleId === undefined ? undefined : quotes.get(r.exampleId)?.text) },
];

/** The Pain points sheet's rows: each product's topics over all periods and in its latest period. The full table
 *  (every period: 75k rows on the 1M bench dump, 1.5M cells at ~5 µs each in exceljs) stays in pain_points.csv;
 *  the sheet is what a reader filters and sorts, and it keeps the workbook within the run's time budget. */
export function painSheetRows(rows: readonly PainPointRow[], latest: ReadonlyMap<string, string>): PainPointRow[] {
  return rows.filter((r) => r.period === ALL_PERIODS || latest.get(r.product) === r.period);
}

/** One row per product: its latest dated period (or its undated one when it has no other). */
export function latestRows(trends: readonly TrendRow[]): TrendRow[] {
  const latest = new Map<string, TrendRow>();
  for (const r of trends) {
    const known = latest.get(r.product);
    if (known === undefined || known.period === 'undated' || (r.period !== 'undated' && r.period > known.period)) latest.set(r.product, r);
  }
  return [...latest.values()];
}

const overviewColumns = (dateFormat: string): SheetColumn<TrendRow>[] => [
  { header: 'Product', width: 28, get: (r) => r.product },
  { header: 'Latest period', width: 12, get: (r) => r.period },
  { header: 'Period start', width: 12, format: dateFormat, get: (r) => periodStart(r.period) },
  { header: 'Reviews', width: 9, format: INT, get: (r) => r.reviews },
  { header: 'Mean rating (1–5)', width: 11, format: '0.00', get: (r) => r.meanRating },
  { header: 'Change in rating', width: 11, format: '+0.00;-0.00;0.00', change: true, get: (r) => r.changeRating },
  { header: 'Mean sentiment', width: 11, format: '0.000', get: (r) => r.meanSentiment },
  { header: 'Change in sentiment', width: 11, format: '+0.000;-0.000;0.000', change: true, get: (r) => r.changeSentiment },
  { header: 'Compared with', width: 11, get: (r) => r.prevPeriod },
  { header: 'NPS', width: 8, format: '0.0', get: (r) => r.nps },
  { header: 'NPS ± (95 %)', width: 9, format: '0.0', get: (r) => r.npsMargin },
  { header: 'Change in NPS', width: 9, format: '+0.0;-0.0;0.0', change: true, get: (r) => r.changeNps },
  { header: 'CSAT (top-2 box)', width: 10, format: PCT, pct: true, get: (r) => r.csatPct },
  { header: 'CSAT low (95 %)', width: 9, format: PCT, pct: true, get: (r) => r.csatLow },
  { header: 'CSAT high (95 %)', width: 9, format: PCT, pct: true, get: (r) => r.csatHigh },
  { header: 'Change in CSAT', width: 10, format: '+0.0%;-0.0%;0.0%', pct: true, change: true, get: (r) => r.changeCsat },
  { header: 'Top pain points', width: 60, get: (r) => r.topPainPoints },
  { header: 'Note', width: 12, get: (r) => [r.npsNote && `NPS ${r.npsNote}`, r.csatNote && `CSAT ${r.csatNote}`].filter(Boolean).join('; ') || undefined },
];

type RejectLine = { group: RejectGroup; sample: RejectGroup['first'][number] | undefined };
const rejectColumns: SheetColumn<RejectLine>[] = [
  { header: 'input', width: 18, get: (r) => r.group.input },
  { header: 'code', width: 18, get: (r) => r.group.code },
  { header: 'rejects', width: 9, format: INT, get: (r) => r.group.count },
  { header: 'file', width: 24, get: (r) => r.sample?.file },
  { header: 'line', width: 8, format: INT, get: (r) => r.sample?.line },
  { header: 'field', width: 12, get: (r) => r.sample?.field },
  { header: 'reason', width: 50, get: (r) => r.sample?.reason },
  { header: 'raw_value', width: 50, get: (r) => r.sample?.raw },
];

type AboutLine = [string, string | number | Date | undefined];
const aboutColumns: SheetColumn<AboutLine>[] = [
  { header: 'item', width: 34, get: (r) => r[0] },
  { header: 'value', width: 90, get: (r) => r[1] },
];

function aboutLines(data: ReportData): AboutLine[] {
  const run = data.run;
  const lines: AboutLine[] = [
    ['tool', `tilfreds ${run.version}`],
    ['config file', run.configFile],
    ['config sha256', run.configHash],
    ['run started (UTC)', run.startedAt],
    ['period', run.period],
    ['locale', run.locale],
    ['pain-point topics', run.topics],
    ...run.lexicons.map((l): AboutLine => [`lexicon ${l.lang}`, `${l.name}@${l.version}`]),
    ['records read', run.totals.read],
    ['records scored', run.totals.scored],
    ['records rejected', run.totals.rejected],
    ['seconds to read, score and aggregate', Math.round(run.seconds * 100) / 100],
    ['records per second', run.recordsPerSecond],
    ['worker threads', run.workers],
    ['byte ranges', run.ranges],
  ];
  for (const c of run.inputs) {
    lines.push([`input ${c.input}`, `read ${c.read}, scored ${c.scored}, rejected ${c.rejected}`]);
    for (const f of c.files) lines.push([`  file ${f.file}`, `${f.bytes} bytes, ${f.encoding}, sha256 ${f.sha256}`]);
  }
  lines.push(['pain points', 'the Pain points sheet has each product\'s topics over all periods and in its latest period; every period is in pain_points.csv']);
  lines.push(['per-record scores', 'scored_reviews.csv (one row per record, with file and line): a sheet holds at most 1,048,576 rows, so they are not in this workbook']);
  lines.push(['rejected records', 'rejects.csv; the Rejects sheet shows the counts and the first few per input and reason']);
  return lines;
}

const DATE_FORMATS: Record<string, string> = { day: DATE, week: DATE, month: 'yyyy-mm', quarter: DATE };

export async function writeXlsxReport(path: string, data: ReportData): Promise<void> {
  // Fast deflate: the sheets are repetitive XML, and level 1 takes a fraction of the default's time.
  const wb = new WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  wb.creator = 'tilfreds';
  wb.created = new Date(data.run.startedAt);
  wb.modified = wb.created;
  const dateFormat = DATE_FORMATS[data.run.period] ?? DATE;
  const { trends, painPoints, alerts } = data.tables;
  const overview = latestRows(trends);
  addSheet(wb, 'Overview', overviewColumns(dateFormat), overview, overview.length);
  addSheet(wb, 'Trends', trendColumns(dateFormat), trends, trends.length);
  const pain = painSheetRows(painPoints, new Map(overview.map((r) => [r.product, r.period])));
  addSheet(wb, 'Pain points', painColumns(dateFormat), pain, pain.length);
  addSheet(wb, 'Emerging pain points', alertColumns(data.quotes), alerts, alerts.length);
  const rejectLines = data.rejects.flatMap((group): RejectLine[] => (group.first.length ? group.first.map((sample) => ({ group, sample })) : [{ group, sample: undefined }]));
  addSheet(wb, 'Rejects', rejectColumns, rejectLines, rejectLines.length);
  const about = aboutLines(data);
  addSheet(wb, 'About', aboutColumns, about, about.length);
  await wb.commit();
}
