// report.xlsx and report.html (config `output.formats`), written beside the CSV reports from the aggregates
// (never from per-record data), under temporary names in the run's staging folder like the other reports.
import { basename } from 'node:path';
import type { Config } from '../config/schema.js';
import { loadTaxonomy } from '../analyze/topics.js';
import { loadedLexicons } from '../cli/lexicons.js';
import type { Logger } from '../log.js';
import type { InputCounts } from '../pipeline/run.js';
import { VERSION } from '../version.js';
import { exampleQuotes } from './example-quotes.js';
import { dialectFor } from './locale.js';
import { rejectGroups } from './reject-samples.js';
import type { AggregateTables, ReportData } from './report-data.js';
import { displayPath } from './tables.js';

export type { AggregateTables } from './report-data.js';

export const REPORT_FILES = { xlsx: 'report.xlsx', html: 'report.html' } as const;

/** Alerts shown with a quote (the most significant first, as alerts.csv lists them). */
export const MAX_QUOTED_ALERTS = 50;

export type FormattedReportsInput = {
  config: Config;
  tables: AggregateTables;
  inputs: InputCounts[];
  /** Path of a report in the staging folder; scored_reviews.csv and rejects.csv there are complete. */
  staged: (name: string) => string;
  log: Logger;
  startedAt: string;
  seconds: number;
  workers: number;
  ranges: number;
};

/** Writes the formats the config asks for into the staging folder; returns their file names. */
export async function writeFormattedReports(o: FormattedReportsInput): Promise<string[]> {
  const { config } = o;
  const wanted = (['xlsx', 'html'] as const).filter((f) => config.output.formats.includes(f));
  if (wanted.length === 0) return [];
  const started = performance.now();
  const dialect = dialectFor(config.output.locale);
  const totals = o.inputs.reduce((t, c) => ({ read: t.read + c.read, scored: t.scored + c.scored, rejected: t.rejected + c.rejected }), { read: 0, scored: 0, rejected: 0 });
  const exampleIds = new Set(o.tables.alerts.slice(0, MAX_QUOTED_ALERTS).flatMap((a) => (a.exampleId === undefined ? [] : [a.exampleId])));
  const quotes = await exampleQuotes(config, o.staged('scored_reviews.csv'), exampleIds, dialect);
  const quotesMs = performance.now() - started;
  const data: ReportData = {
    tables: o.tables,
    rejects: await rejectGroups(o.staged('rejects.csv'), o.inputs, dialect),
    quotes,
    run: {
      version: VERSION,
      configFile: basename(config.file),
      configHash: config.hash,
      lexicons: loadedLexicons(config),
      topics: loadTaxonomy(config.topics)?.label ?? 'none',
      period: config.output.period,
      locale: config.output.locale,
      startedAt: o.startedAt,
      seconds: o.seconds,
      recordsPerSecond: o.seconds > 0 ? Math.round(totals.read / o.seconds) : 0,
      workers: o.workers,
      ranges: o.ranges,
      inputs: o.inputs.map((c) => ({ ...c, files: c.files.map((f) => ({ ...f, file: displayPath(config, f.file) })) })),
      totals,
    },
  };
  const times: Record<string, number> = { quotes: Math.round(quotesMs) };
  const peakBefore = process.resourceUsage().maxRSS;
  for (const format of wanted) {
    const t = performance.now();
    // Imported here, not at start-up: exceljs and its zip writer would otherwise sit in the heap through the
    // whole run (and raise its peak) for a report written in its last seconds.
    if (format === 'xlsx') await (await import('./xlsx-report.js')).writeXlsxReport(o.staged(REPORT_FILES.xlsx), data);
    else await (await import('./html-report.js')).writeHtmlReport(o.staged(REPORT_FILES.html), data);
    times[format] = Math.round(performance.now() - t);
  }
  // Whether the reports raised the process's peak memory, and by how much.
  const peakAfter = process.resourceUsage().maxRSS;
  o.log.info(
    { ms: times, quotes: quotes.size, totalMs: Math.round(performance.now() - started), peakRssMB: { before: Math.round(peakBefore / 1024), after: Math.round(peakAfter / 1024) } },
    'formatted reports written',
  );
  return wanted.map((f) => REPORT_FILES[f]);
}
