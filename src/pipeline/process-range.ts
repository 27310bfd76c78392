// One byte range of one input file, start to finish: read, score, aggregate, and write its part of the
// per-record reports. Runs the same in a worker thread and inline; everything crossing threads is plain data.
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { Accumulator, type AccumulatorData } from '../aggregate/accumulator.js';
import { packsFor } from '../analyze/config-packs.js';
import { createScorer } from '../analyze/score-review.js';
import type { ByteRange, RangeEnd } from '../ingest/byte-range.js';
import { SOURCES, type FileHead } from '../ingest/registry.js';
import { CsvTableWriter } from '../report/csv-writer.js';
import { dialectFor } from '../report/locale.js';
import { rejectColumns, scoredColumns } from '../report/tables.js';
import type { Reject, RejectCode, Review, ScoredReview } from '../types.js';
import { IdSet } from './id-set.js';
import { KnownRecords } from '../state/known-records.js';
import { killPoint } from '../state/kill-point.js';
import { contentHash, reviewContent, stateRowOf } from '../state/record-row.js';
import { StatePartWriter } from '../state/state-part.js';

export type RangeTask = {
  inputIndex: number;
  file: string;
  fileIndex: number;
  range: ByteRange;
  head: FileHead;
  /** Folder for the part files. */
  partsDir: string;
  /** Distinguishes the part files of a range read again. */
  attempt: number;
  /** Positions (in the order of first occurrences of ids in this range) of records whose id an earlier range
   *  already had: rejected as duplicates. Known only after the ranges before it are merged. */
  duplicates: number[];
  /** The state file, when the run keeps state: records it holds with the same content are skipped, and new or
   *  changed ones are staged for the main thread to import (aggregates then come from the state, not the range). */
  state?: { path: string };
};

/** read = scored + rejected + unchanged; unchanged: already in the state with the same content. */
export type RangeCounts = { read: number; scored: number; rejected: number; unchanged: number; byReason: Partial<Record<RejectCode, number>> };

/** Nanoseconds spent per stage; reading includes decoding, cutting, field splitting and mapping. */
export type StageTimes = { read: number; score: number; aggregate: number; write: number };

export type RangeResult = {
  task: RangeTask;
  counts: RangeCounts;
  acc: AccumulatorData;
  /** 64-bit hashes (pairs of uint32) of the ids of the scored and unchanged records, in order. */
  ids: Uint32Array;
  end: RangeEnd;
  times: StageTimes;
  scoredPart: string;
  rejectsPart: string;
  /** The staged new and changed records (state-part.ts), when the run keeps state. */
  statePart: string | undefined;
};

const now = () => process.hrtime.bigint();
/** Records scored before they are aggregated and written. */
const STEP = 64;

export async function processRange(config: Config, task: RangeTask): Promise<RangeResult> {
  const input = config.inputs[task.inputIndex]!;
  const dialect = dialectFor(config.output.locale);
  const name = `${task.inputIndex}-${task.fileIndex}-${task.range.index}-${task.attempt}`;
  const scoredPart = join(task.partsDir, `${name}.scored`);
  const rejectsPart = join(task.partsDir, `${name}.rejects`);
  const part = { dialect, header: false, bom: false };
  const scoredOut = new CsvTableWriter<ScoredReview>(scoredPart, scoredColumns(config), part);
  const rejectsOut = new CsvTableWriter<Reject>(rejectsPart, rejectColumns(config), part);
  const acc = new Accumulator(config.output.period);
  const score = createScorer(packsFor(config));
  const seen = new IdSet();
  const duplicates = new Set(task.duplicates);
  let ids: Uint32Array = new Uint32Array(1024);
  let firsts = 0; // ids seen for the first time in this range
  let kept = 0; // of those, the ones not rejected as duplicates
  const counts: RangeCounts = { read: 0, scored: 0, rejected: 0, unchanged: 0, byReason: {} };
  const known = task.state && new KnownRecords(task.state.path);
  const statePart = task.state && join(task.partsDir, `${name}.state`);
  const stateOut = statePart === undefined ? undefined : new StatePartWriter(statePart);
  const times: StageTimes = { read: 0, score: 0, aggregate: 0, write: 0 };
  const end: RangeEnd = { nextLine: undefined };

  const reject = (r: Reject) => {
    counts.rejected++;
    counts.byReason[r.code] = (counts.byReason[r.code] ?? 0) + 1;
    return rejectsOut.write(r);
  };
  // The same reason whether the first one was in this range or an earlier one: reports must not depend on the cut.
  const duplicate = (r: Review) => reject({ ref: r.ref, code: 'duplicate-id', reason: 'the same id came earlier in this input', field: 'id', actual: r.id });

  // Records are scored, aggregated and written a few at a time, not a whole read batch (a megabyte of input) at
  // once: the per-record objects then die young, in the nursery, instead of being promoted and swelling the heap.
  // With a state, the aggregates are rebuilt from it (run.ts): the records are staged for it instead.
  const scored: ScoredReview[] = [];
  const staged: { kind: 'new' | 'changed'; hash: Buffer; content: string }[] = [];
  const flush = async () => {
    const t2 = now();
    if (!stateOut) for (const r of scored) acc.add(r);
    const t3 = now();
    for (let i = 0; i < scored.length; i++) {
      const r = scored[i]!;
      const wait = scoredOut.write(r);
      if (wait) await wait;
      const s = staged[i];
      if (stateOut && s) {
        const flushing = stateOut.add([s.kind, r.id, s.hash.toString('base64'), stateRowOf(r), s.content]);
        if (flushing) await flushing;
      }
    }
    if (scored.length) killPoint('score');
    scored.length = 0;
    staged.length = 0;
    const t4 = now();
    times.aggregate += Number(t3 - t2);
    times.write += Number(t4 - t3);
    return t4;
  };
  try {
    let t = now();
    for await (const batch of SOURCES[input.format].read(input, task.file, task.head, task.range, end)) {
      times.read += Number(now() - t);
      t = now();
      for (const item of batch) {
        counts.read++;
        if (item.kind === 'reject') {
          const wait = reject(item.reject);
          if (wait) await wait;
        } else if (!seen.add(item.review.id)) {
          const wait = duplicate(item.review);
          if (wait) await wait;
        } else if (duplicates.has(firsts++)) {
          const wait = duplicate(item.review);
          if (wait) await wait;
        } else {
          if (2 * kept + 2 > ids.length) ids = grow(ids);
          ids[2 * kept] = seen.lastHash[0];
          ids[2 * kept + 1] = seen.lastHash[1];
          kept++;
          if (known) {
            const content = reviewContent(item.review);
            const hash = contentHash(content);
            const stored = known.hashOf(input.name, item.review.id);
            if (stored?.equals(hash)) {
              counts.unchanged++;
              continue;
            }
            staged.push({ kind: stored ? 'changed' : 'new', hash, content });
          }
          counts.scored++;
          scored.push(score(item.review));
          if (scored.length === STEP) {
            times.score += Number(now() - t);
            t = await flush();
          }
        }
      }
      times.score += Number(now() - t);
      t = await flush();
    }
  } finally {
    known?.close();
  }
  const t4 = now();
  await Promise.all([scoredOut.close(), rejectsOut.close(), stateOut?.close()]);
  times.write += Number(now() - t4);
  return { task, counts, acc: acc.toData(), ids: ids.slice(0, 2 * kept), end, times, scoredPart, rejectsPart, statePart };
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
