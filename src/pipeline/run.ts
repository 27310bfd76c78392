// Wires the stages. Every input file is cut into byte ranges at record boundaries (plan-ranges.ts); p-queue
// schedules the ranges of all inputs on a pool of worker threads (or inline, for one worker or little data);
// each range is read, scored and aggregated on its own (process-range.ts). The results are then joined in file
// order, as one sequential read would see them:
// - a range must start where the previous one really ended (a malformed quote can fool the cut): if not, it is
//   read again from there;
// - an id that an earlier range already had makes a duplicate: the range is read again with those records
//   rejected. Both are rare; reading a range again is simpler and surer than undoing its results.
// Aggregates are integer sums and the parts are assembled in order, so the reports are byte-identical whatever
// the worker count and however the ranges were cut. Every report is written under a temporary name and renamed.
import { availableParallelism } from 'node:os';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import PQueue from 'p-queue';
import type { Config, InputConfig } from '../config/schema.js';
import { Accumulator } from '../aggregate/accumulator.js';
import { trendRows } from '../aggregate/trend.js';
import { keyOf, painPointRows, topicSeries, topPainPoints } from '../aggregate/pain-points.js';
import { emergingPainPoints } from '../aggregate/emerging.js';
import { loadTaxonomy, topicName, topicParent } from '../analyze/topics.js';
import type { ByteRange } from '../ingest/byte-range.js';
import { listFiles } from '../ingest/list-files.js';
import { readChunks } from '../ingest/read-chunks.js';
import { SOURCES, type FileHead } from '../ingest/registry.js';
import type { Logger } from '../log.js';
import { CsvTableWriter, headerLine } from '../report/csv-writer.js';
import { dialectFor, languageOf } from '../report/locale.js';
import { ALERT_COLUMNS, PAIN_POINT_COLUMNS, rejectColumns, scoredColumns, TREND_COLUMNS, type AlertRow, type EmergingAlertRow } from '../report/tables.js';
import { disagreementAlerts, SURVEY_FILES, writeSurveyReports } from '../report/survey-reports.js';
import type { RejectCode } from '../types.js';
import { IdSet } from './id-set.js';
import { offsetOfLine, planFile, type FilePlan } from './plan-ranges.js';
import { processRange, type RangeResult, type RangeTask, type StageTimes } from './process-range.js';
import { schedule } from './schedule.js';
import { writeFormattedReports, type AggregateTables } from '../report/formatted-reports.js';
import { WorkerPool } from './worker-pool.js';
import { killPoint } from '../state/kill-point.js';
import type { RunState } from '../state/run-state.js';

/** read = scored + rejected + unchanged (records the state already holds with the same content). */
export type FileCounts = { file: string; bytes: number; sha256: string; encoding: string; ranges: number; read: number; scored: number; rejected: number; unchanged: number };

export type InputCounts = {
  input: string;
  read: number;
  scored: number;
  rejected: number;
  unchanged: number;
  rejectRate: number;
  maxRejectRate: number;
  byReason: Partial<Record<RejectCode, number>>;
  files: FileCounts[];
};

export type RunResult = {
  inputs: InputCounts[];
  totals: { read: number; scored: number; rejected: number; unchanged: number };
  /** Inputs whose reject share exceeded their maxRejectRate. */
  overRejectLimit: string[];
  outputs: string[];
  timings: {
    startedAt: string;
    seconds: number;
    recordsPerSecond: number;
    peakRssMB: number;
    workers: number;
    ranges: number;
    /** Ranges read a second time to join up at a malformed quote or to reject duplicates across ranges. */
    rangesReadAgain: number;
    /** Microseconds per record per stage, summed over all threads. */
    microsPerRecord: StageTimes;
  };
};

export type RunOptions = {
  /** Worker threads; default: the machine's available parallelism. 1 runs everything on the main thread. */
  workers?: number;
  /** Wanted bytes per range (tests set it small to put many boundaries in a small file). */
  rangeBytes?: number;
  /** The state this run reads and writes (src/state/run-state.ts); without it the run is stateless: the reports
   *  cover tonight's inputs alone. */
  state?: RunState;
};

export const OUTPUT_FILES = {
  scored: 'scored_reviews.csv', trends: 'product_trends.csv', painPoints: 'pain_points.csv', alerts: 'alerts.csv', rejects: 'rejects.csv',
  ...SURVEY_FILES, manifest: 'run.json',
} as const;

/** The tables writeAggregateReports writes when `output.formats` has `csv`, in the order they are listed. */
export const aggregateCsvFiles = (config: Pick<Config, 'output'>): string[] =>
  config.output.formats.includes('csv') ? [OUTPUT_FILES.trends, OUTPUT_FILES.painPoints, OUTPUT_FILES.alerts, OUTPUT_FILES.questions, OUTPUT_FILES.drivers] : [];

const PROGRESS_EVERY_MS = 5_000;
export const DEFAULT_RANGE_BYTES = 8 << 20;

type FileWork = {
  input: InputConfig;
  inputIndex: number;
  file: string;
  fileIndex: number;
  head: FileHead;
  bytes: number;
  /** Resolves when the file is planned; its ranges are queued one by one before that, as they are cut. */
  planned: Promise<FilePlan>;
  results: Promise<RangeResult>[];
};

/** A report assembled from the parts of the ranges, in order, as they are joined: header first, each part
 *  appended (and deleted) as soon as its range is merged, so the copying overlaps the workers' reading. */
class AssembledReport {
  private readonly out: Promise<FileHandle>;

  constructor(readonly path: string, header: string) {
    this.out = open(path, 'w').then(async (out) => {
      await out.write('\uFEFF' + header);
      return out;
    });
  }

  async append(part: string): Promise<void> {
    const out = await this.out;
    // Each chunk is written before the next is read into the same buffer.
    for await (const chunk of readChunks(part)) await out.write(chunk);
    rmSync(part);
  }

  async close(): Promise<void> {
    await (await this.out).close();
  }
}

export async function runPipeline(config: Config, log: Logger, options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const rangeBytes = options.rangeBytes ?? DEFAULT_RANGE_BYTES;
  const state = options.state;

  // Every file's head first (encoding, header; the mapping checked against it): mistakes fail before any reading.
  const work: FileWork[] = [];
  for (const [inputIndex, input] of config.inputs.entries()) {
    for (const [fileIndex, file] of listFiles(input).entries()) {
      const head = await SOURCES[input.format].readHead(input, file);
      work.push({ input, inputIndex, file, fileIndex, head, bytes: statSync(file).size, planned: Promise.resolve(undefined as never), results: [] });
    }
  }
  const totalBytes = work.reduce((n, w) => n + w.bytes, 0);
  const workers = Math.max(1, options.workers ?? availableParallelism());
  // Less input than one range's worth is done inline: starting threads would cost more than they save.
  const threads = workers > 1 && totalBytes >= rangeBytes ? workers : 0;

  const outDir = config.output.dir;
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.tilfreds-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const dialect = dialectFor(config.output.locale);
  let recordsDone = 0;
  const timer = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    log.info({ records: recordsDone, recordsPerSecond: Math.round(recordsDone / seconds) }, 'progress');
  }, PROGRESS_EVERY_MS);
  timer.unref();
  const pool = threads ? new WorkerPool(threads, config) : undefined;
  log.info({ files: work.length, bytes: totalBytes, workerThreads: threads }, 'plan');

  try {
    const queue = new PQueue({ concurrency: threads || 1 });
    const execute = (task: RangeTask): Promise<RangeResult> =>
      schedule(queue, async () => {
        const result = pool ? await pool.run(task) : await processRange(config, task);
        recordsDone += result.counts.read;
        return result;
      });
    const taskFor = (w: FileWork, range: ByteRange, attempt: number, duplicates: number[] = []): RangeTask => ({
      inputIndex: w.inputIndex, file: w.file, fileIndex: w.fileIndex, range, head: w.head, partsDir: tmp, attempt, duplicates,
      ...(state ? { state: { path: state.path } } : {}),
    });
    // Every promise is awaited in file order below; until then a rejection must not count as unhandled. (A dead
    // worker fails every later task at once, so the joins reach the failure quickly. Racing each join against a
    // shared "first failure" promise instead kept every range's result alive: 50 bytes a record at 10⁷ records.)
    const later = (p: Promise<unknown>) => void p.catch(() => undefined);
    // Plan the files one after the other in the background; each range is queued the moment it is cut, so the
    // workers start while the planner still reads. Results are joined in order below, as they come.
    let planning: Promise<unknown> = Promise.resolve();
    for (const w of work) {
      const quote = w.input.csv.quote?.charCodeAt(0) ?? -1;
      const splits = SOURCES[w.input.format].splits;
      const how = {
        // Only a one-byte (ASCII) quote can be counted byte by byte: with another, a CSV file is read whole.
        mode: splits === 'csv' && quote >= 0x80 ? false : splits,
        quote,
        encoding: w.head?.encoding ?? 'utf-8',
        targetBytes: rangeBytes,
      };
      w.planned = planning.then(() =>
        planFile(w.file, how, (range) => {
          const result = execute(taskFor(w, range, 0));
          later(result);
          w.results.push(result);
        }),
      );
      later(w.planned);
      planning = w.planned;
    }
    const done = Promise.resolve(undefined as unknown as RangeResult);

    const total = new Accumulator(config.output.period);
    const staged = (name: string) => join(tmp, name);
    const scoredOut = new AssembledReport(staged(OUTPUT_FILES.scored), headerLine(scoredColumns(config), dialect));
    const rejectsOut = new AssembledReport(staged(OUTPUT_FILES.rejects), headerLine(rejectColumns(config), dialect));
    const inputs: InputCounts[] = config.inputs.map((input) => ({
      input: input.name, read: 0, scored: 0, rejected: 0, unchanged: 0, rejectRate: 0, maxRejectRate: input.maxRejectRate, byReason: {}, files: [],
    }));
    const times: StageTimes = { read: 0, score: 0, aggregate: 0, write: 0 };
    let rangesReadAgain = 0;
    let inputIds = new IdSet();
    let currentInput = -1;

    let ranges = 0;
    let copying: Promise<void> = Promise.resolve();
    for (const w of work) {
      if (w.inputIndex !== currentInput) [currentInput, inputIds] = [w.inputIndex, new IdSet()];
      const counts = inputs[w.inputIndex]!;
      const plan = await w.planned;
      ranges += plan.ranges.length;
      const fc: FileCounts = { file: w.file, bytes: plan.bytes, sha256: plan.sha256, encoding: w.head?.encoding ?? 'utf-8', ranges: plan.ranges.length, read: 0, scored: 0, rejected: 0, unchanged: 0 };
      /** Where the previous range really ended: the line the next record starts on; undefined at the end of the file. */
      let joinLine: number | undefined = 1;
      for (const [j, range] of plan.ranges.entries()) {
        let result = await w.results[j]!;
        w.results[j] = done; // let the result go once merged
        if (joinLine === undefined) break;
        if (range.startLine !== joinLine) {
          // The cut fell inside a record (a malformed quote fooled the parity).
          rangesReadAgain++;
          if (range.endLine !== undefined && joinLine >= range.endLine) continue; // the record spans this whole range
          const start = await offsetOfLine(w.file, range.start, range.startLine, joinLine, w.input.format === 'csv' ? 'csv' : 'lines');
          result = await execute(taskFor(w, { ...range, start, startLine: joinLine }, 1));
        }
        const duplicates: number[] = [];
        for (let k = 0; k < result.ids.length; k += 2) if (!inputIds.addHash(result.ids[k]!, result.ids[k + 1]!)) duplicates.push(k / 2);
        if (duplicates.length) {
          rangesReadAgain++;
          result = await execute(taskFor(w, result.task.range, result.task.attempt + 1, duplicates));
        }
        joinLine = result.end.nextLine;
        total.mergeData(result.acc);
        if (state && result.statePart) await state.importRange(w.input.name, result.statePart);
        // Copied in order, but not awaited here: joining goes on (and lets results go) while the disk catches up.
        const { scoredPart, rejectsPart } = result;
        copying = copying.then(() => scoredOut.append(scoredPart)).then(() => rejectsOut.append(rejectsPart));
        later(copying);
        fc.read += result.counts.read;
        fc.scored += result.counts.scored;
        fc.rejected += result.counts.rejected;
        fc.unchanged += result.counts.unchanged;
        for (const [code, n] of Object.entries(result.counts.byReason)) counts.byReason[code as RejectCode] = (counts.byReason[code as RejectCode] ?? 0) + n;
        for (const k of Object.keys(times) as (keyof StageTimes)[]) times[k] += result.times[k];
      }
      counts.files.push(fc);
      counts.read += fc.read;
      counts.scored += fc.scored;
      counts.rejected += fc.rejected;
      counts.unchanged += fc.unchanged;
      state?.noteFile(w.input.name, fc);
      log.info({ input: w.input.name, file: w.file, read: fc.read, scored: fc.scored, rejected: fc.rejected, unchanged: fc.unchanged, ranges: fc.ranges }, 'file done');
    }
    await Promise.all(work.flatMap((w) => w.results)); // ranges skipped above still write into tmp
    for (const c of inputs) c.rejectRate = c.read ? c.rejected / c.read : 0;
    // The workers are done: their heaps go before the report tables are built, not on top of them.
    await pool?.close();
    inputIds = new IdSet(); // the duplicate check is over: its ~12 bytes per record go before the reports

    const tables = await writeAggregateReports(config, state ? state.aggregate(config) : total, staged);
    await copying;
    await Promise.all([scoredOut.close(), rejectsOut.close()]);
    const formatted = await writeFormattedReports({ config, tables, inputs, staged, log, startedAt, seconds: (Date.now() - started) / 1000, workers: threads || 1, ranges });

    const totals = inputs.reduce((t, c) => ({ read: t.read + c.read, scored: t.scored + c.scored, rejected: t.rejected + c.rejected, unchanged: t.unchanged + c.unchanged }), { read: 0, scored: 0, rejected: 0, unchanged: 0 });
    const seconds = (Date.now() - started) / 1000;
    const outputs = [
      OUTPUT_FILES.scored,
      ...aggregateCsvFiles(config),
      OUTPUT_FILES.rejects,
      ...formatted,
    ];
    for (const name of outputs) {
      renameSync(staged(name), join(outDir, name));
      killPoint('reports');
    }
    const perRecord = (ns: number) => (totals.read ? Math.round(ns / totals.read / 10) / 100 : 0);
    return {
      inputs,
      totals,
      overRejectLimit: inputs.filter((c) => c.rejectRate > c.maxRejectRate).map((c) => c.input),
      outputs: outputs.map((name) => relative(process.cwd(), join(outDir, name)) || name),
      timings: {
        startedAt,
        seconds,
        recordsPerSecond: seconds > 0 ? Math.round(totals.read / seconds) : 0,
        // maxRSS covers the whole process, worker threads included.
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        workers: threads || 1,
        ranges,
        rangesReadAgain,
        microsPerRecord: { read: perRecord(times.read), score: perRecord(times.score), aggregate: perRecord(times.aggregate), write: perRecord(times.write) },
      },
    };
  } finally {
    clearInterval(timer);
    await pool?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The trend, pain-point and emerging-pain-point tables from the merged sums; product_trends.csv, pain_points.csv,
 *  alerts.csv and the survey reports when the config asks for CSV. */
export async function writeAggregateReports(config: Config, total: Accumulator, staged: (name: string) => string): Promise<AggregateTables> {
  const table = { dialect: dialectFor(config.output.locale), header: true, bom: true };
  const csv = config.output.formats.includes('csv');
  const groups = total.sorted();
  const taxonomy = loadTaxonomy(config.topics);
  const lang = languageOf(config.output.locale);
  const painRows = painPointRows(total.topicEntries(), groups, (id) => topicName(taxonomy, id, lang), (id) => topicParent(taxonomy, id));
  const top = topPainPoints(painRows);
  const trends = trendRows(groups, config.output.minN);
  for (const row of trends) row.topPainPoints = top.get(keyOf(row.product, row.period));
  const examples = new Map(painRows.map((r) => [keyOf(r.product, r.period, r.topic), r.exampleId]));
  const alerts = emergingPainPoints(topicSeries(painRows, groups)).map((alert): EmergingAlertRow =>
    ({ ...alert, kind: 'emerging_pain_point', topicName: topicName(taxonomy, alert.topic, lang), exampleId: examples.get(keyOf(alert.product, alert.period, alert.topic)) }));
  if (csv) {
    const trendsOut = new CsvTableWriter(staged(OUTPUT_FILES.trends), TREND_COLUMNS, table);
    for (const row of trends) await trendsOut.write(row);
    await trendsOut.close();
    const painOut = new CsvTableWriter(staged(OUTPUT_FILES.painPoints), PAIN_POINT_COLUMNS, table);
    for (const row of painRows) await painOut.write(row);
    await painOut.close();
    const alertsOut = new CsvTableWriter<AlertRow>(staged(OUTPUT_FILES.alerts), ALERT_COLUMNS, table);
    for (const alert of alerts) await alertsOut.write(alert);
    const nameOf = (topic: string) => topicName(taxonomy, topic, lang);
    for (const alert of disagreementAlerts(total, nameOf)) await alertsOut.write(alert);
    await alertsOut.close();
    await writeSurveyReports(config, total, staged, table, nameOf);
  }
  return { trends, painPoints: painRows, alerts };
}
