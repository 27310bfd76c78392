// Wires the stages: for each input, its files in order (ingest → score → aggregate, per-record rows to a part
// file); p-queue runs the inputs side by side; at the end the parts are assembled in config order, so the output
// is the same however the inputs interleaved. Every file is written under a temporary name and renamed.
import { mkdirSync, rmSync, renameSync, createWriteStream, createReadStream } from 'node:fs';
import { once } from 'node:events';
import { join, relative } from 'node:path';
import PQueue from 'p-queue';
import type { Config, InputConfig } from '../config/schema.js';
import { Accumulator } from '../aggregate/accumulator.js';
import { periodKey } from '../aggregate/period.js';
import { trendRows } from '../aggregate/trend.js';
import { createScorer } from '../analyze/score-review.js';
import type { FileDigest } from '../ingest/decode.js';
import { checkCsvColumns } from '../ingest/csv-source.js';
import { listFiles } from '../ingest/list-files.js';
import { SOURCES } from '../ingest/registry.js';
import type { Logger } from '../log.js';
import { CsvTableWriter, headerLine, type Column } from '../report/csv-writer.js';
import { dialectFor, type SheetDialect } from '../report/locale.js';
import { rejectColumns, scoredColumns, TREND_COLUMNS, type ScoredRow } from '../report/tables.js';
import type { Reject, RejectCode } from '../types.js';
import { IdSet } from './id-set.js';

export type FileCounts = FileDigest & { file: string; read: number; scored: number; rejected: number };

export type InputCounts = {
  input: string;
  read: number;
  scored: number;
  rejected: number;
  rejectRate: number;
  maxRejectRate: number;
  byReason: Partial<Record<RejectCode, number>>;
  files: FileCounts[];
};

export type RunResult = {
  inputs: InputCounts[];
  totals: { read: number; scored: number; rejected: number };
  /** Inputs whose reject share exceeded their maxRejectRate. */
  overRejectLimit: string[];
  outputs: string[];
  timings: { startedAt: string; seconds: number; recordsPerSecond: number; peakRssMB: number };
};

export const OUTPUT_FILES = { scored: 'scored_reviews.csv', trends: 'product_trends.csv', rejects: 'rejects.csv', manifest: 'run.json' } as const;

const PROGRESS_EVERY_MS = 5_000;

type InputOutcome = { counts: InputCounts; acc: Accumulator; scoredPart: string; rejectsPart: string };

async function processInput(
  input: InputConfig,
  files: string[],
  config: Config,
  tmp: string,
  index: number,
  dialect: SheetDialect,
  progress: { records: number },
  log: Logger,
): Promise<InputOutcome> {
  const scoredPart = join(tmp, `${index}.scored.part`);
  const rejectsPart = join(tmp, `${index}.rejects.part`);
  const base = { dialect, header: false, bom: false };
  const scoredOut = new CsvTableWriter<ScoredRow>(scoredPart, scoredColumns(config), base);
  const rejectsOut = new CsvTableWriter<Reject>(rejectsPart, rejectColumns(config), base);
  const acc = new Accumulator(config.output.period);
  const score = createScorer();
  const ids = new IdSet();
  const counts: InputCounts = { input: input.name, read: 0, scored: 0, rejected: 0, rejectRate: 0, maxRejectRate: input.maxRejectRate, byReason: {}, files: [] };
  const source = SOURCES[input.format];
  const ilog = log.child({ input: input.name });

  const addReject = (r: Reject, fc: FileCounts) => {
    fc.rejected++;
    counts.byReason[r.code] = (counts.byReason[r.code] ?? 0) + 1;
    return rejectsOut.write(r);
  };

  for (const file of files) {
    const digest: Partial<FileDigest> = {};
    const fc = { file, read: 0, scored: 0, rejected: 0 } as FileCounts;
    ilog.debug({ file }, 'reading');
    for await (const batch of source(input, file, digest)) {
      for (const item of batch) {
        fc.read++;
        let wait: Promise<void> | undefined;
        if (item.kind === 'reject') wait = addReject(item.reject, fc);
        else if (!ids.add(item.review.id)) {
          const r = item.review;
          wait = addReject({ ref: r.ref, code: 'duplicate-id', reason: 'the same id came earlier in this input', field: 'id', actual: r.id }, fc);
        } else {
          const scored = score(item.review);
          acc.add(scored);
          fc.scored++;
          wait = scoredOut.write({ ...scored, period: periodKey(scored.date, config.output.period) });
        }
        if (wait) await wait;
      }
      progress.records += batch.length;
    }
    Object.assign(fc, digest);
    counts.files.push(fc);
    counts.read += fc.read;
    counts.scored += fc.scored;
    counts.rejected += fc.rejected;
    ilog.info({ file, read: fc.read, scored: fc.scored, rejected: fc.rejected }, 'file done');
  }
  counts.rejectRate = counts.read ? counts.rejected / counts.read : 0;
  await Promise.all([scoredOut.close(), rejectsOut.close()]);
  return { counts, acc, scoredPart, rejectsPart };
}

/** header + parts → a temporary file (renamed by the caller). */
async function assemble<T>(target: string, columns: readonly Column<T>[], dialect: SheetDialect, parts: string[]): Promise<void> {
  const out = createWriteStream(target);
  out.write('\uFEFF' + headerLine(columns, dialect));
  // Copied by hand: stream.pipeline(…, { end: false }) per part would leave listeners on `out` for every part.
  for (const part of parts) {
    for await (const chunk of createReadStream(part)) if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

export async function runPipeline(config: Config, log: Logger): Promise<RunResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  // Resolve every input's files before reading any: a missing input fails the run at once.
  const plan = config.inputs.map((input) => ({ input, files: listFiles(input) }));
  for (const { input, files } of plan) if (input.format === 'csv') for (const file of files) await checkCsvColumns(input, file);
  const outDir = config.output.dir;
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.tilfreds-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const dialect = dialectFor(config.output.locale);
  const progress = { records: 0 };
  const timer = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    log.info({ records: progress.records, recordsPerSecond: Math.round(progress.records / seconds) }, 'progress');
  }, PROGRESS_EVERY_MS);
  timer.unref();

  try {
    const queue = new PQueue({ concurrency: 4 });
    const outcomes = await Promise.all(
      plan.map(({ input, files }, i) => queue.add(() => processInput(input, files, config, tmp, i, dialect, progress, log)) as Promise<InputOutcome>),
    );

    const acc = new Accumulator(config.output.period);
    for (const o of outcomes) acc.merge(o.acc);
    const staged = (name: string) => join(tmp, name);
    const trendsOut = new CsvTableWriter(staged(OUTPUT_FILES.trends), TREND_COLUMNS, { dialect, header: true, bom: true });
    for (const row of trendRows(acc.sorted())) await trendsOut.write(row);
    await trendsOut.close();
    await assemble(staged(OUTPUT_FILES.scored), scoredColumns(config), dialect, outcomes.map((o) => o.scoredPart));
    await assemble(staged(OUTPUT_FILES.rejects), rejectColumns(config), dialect, outcomes.map((o) => o.rejectsPart));

    const inputs = outcomes.map((o) => o.counts);
    const totals = inputs.reduce((t, c) => ({ read: t.read + c.read, scored: t.scored + c.scored, rejected: t.rejected + c.rejected }), { read: 0, scored: 0, rejected: 0 });
    const seconds = (Date.now() - started) / 1000;
    const outputs = [OUTPUT_FILES.scored, OUTPUT_FILES.trends, OUTPUT_FILES.rejects];
    for (const name of outputs) renameSync(staged(name), join(outDir, name));
    return {
      inputs,
      totals,
      overRejectLimit: inputs.filter((c) => c.rejectRate > c.maxRejectRate).map((c) => c.input),
      outputs: outputs.map((name) => relative(process.cwd(), join(outDir, name)) || name),
      timings: {
        startedAt,
        seconds,
        recordsPerSecond: seconds > 0 ? Math.round(totals.read / seconds) : 0,
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
    };
  } finally {
    clearInterval(timer);
    rmSync(tmp, { recursive: true, force: true });
  }
}
