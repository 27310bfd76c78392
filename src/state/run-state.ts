// One run's hold on the state, from lock to commit: takes the lock, clears what a killed run left behind, opens
// the one transaction everything is written in, scores again the records an older lexicon scored, imports
// tonight's ranges in file order, rebuilds the aggregates, and commits only once the reports are in place.
// Until that commit nothing is visible: a run killed at any point leaves the state as the last finished run left
// it, and the next run does the same work again, with the same result.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Accumulator } from '../aggregate/accumulator.js';
import { packsFor } from '../analyze/config-packs.js';
import { createScorer } from '../analyze/score-review.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import { changeSplit, type Metric, type MetricChange } from './attribution.js';
import { killPoint } from './kill-point.js';
import { acquireLock, type HeldLock } from './lock.js';
import { scorerVersion } from './scorer-version.js';
import { StateStore, type StateTotals } from './store.js';

export const STATE_FILE = 'tilfreds-state.sqlite';

/** The state file a config uses, or undefined for a stateless run. */
export function statePathOf(config: Pick<Config, 'state' | 'output'>): string | undefined {
  if (config.state === false) return undefined;
  return config.state?.path ?? join(config.output.dir, STATE_FILE);
}

/** What run.json says about the state. */
export type StateSummary = {
  path: string;
  run: number;
  scorer: string;
  records: { before: number; after: number };
  /** Records of tonight's inputs not in the state before, and those whose content changed under a known id. */
  new: number;
  changed: number;
  /** Stored records scored again because the lexicons or rules changed. */
  rescored: number;
  change: Record<Metric, MetricChange>;
  bytes: number;
};

/** A killed run's leftovers in the output folder: its parts folder and its half-written manifest. Only a run that
 *  holds the lock may remove them, so that it never pulls the files from under a live one. */
function removeLeftovers(outDir: string, statePath: string): void {
  const dirs = new Set([outDir, dirname(statePath)]);
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.tilfreds-tmp-') || name.startsWith('run.json.tmp-') || name.startsWith(`${basename(statePath)}.lock.stale-`)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

export class RunState {
  private readonly store: StateStore;
  readonly runId: number;
  readonly scorer: string;
  private readonly before: StateTotals;
  private readonly rescoredTotals: StateTotals;
  readonly rescored: number;
  private imported = { new: 0, changed: 0 };
  /** Milliseconds per state stage, for the log: where a slow night's time went. */
  private readonly ms = { rescore: 0, import: 0, aggregate: 0, commit: 0, close: 0 };

  private constructor(readonly path: string, private readonly lock: HeldLock, config: Config, private readonly log: Logger) {
    this.store = new StateStore(path);
    try {
      this.store.begin();
      this.runId = this.store.nextRunId();
      this.scorer = scorerVersion(config);
      this.before = this.store.totals(this.scorer);
      this.rescored = 0;
      if (this.before.stale > 0) {
        log.info({ records: this.before.stale, scorer: this.scorer }, 'lexicons or rules changed: scoring the stored records again');
        const t = performance.now();
        this.rescored = this.store.rescoreStale(this.scorer, createScorer(packsFor(config)), this.runId, () => killPoint('rescore'));
        this.ms.rescore = performance.now() - t;
        this.rescoredTotals = this.store.totals(this.scorer);
      } else this.rescoredTotals = this.before;
    } catch (e) {
      this.store.close();
      throw e;
    }
  }

  /** Takes the lock (or throws a `locked` TilfredsError) and opens the run's transaction. */
  static open(config: Config, path: string, log: Logger): RunState {
    mkdirSync(dirname(path), { recursive: true });
    const lock = acquireLock(`${path}.lock`);
    try {
      if (lock.tookOverFrom) log.warn({ lock: lock.path, staleOwner: lock.tookOverFrom }, 'took over the lock of a run that is gone');
      killPoint('locked');
      removeLeftovers(config.output.dir, path);
      return new RunState(path, lock, config, log);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /** Imports one range's staged records; called in file order. */
  async importRange(input: string, part: string): Promise<void> {
    const t = performance.now();
    const counts = await this.store.importPart(part, input, this.scorer, this.runId);
    this.ms.import += performance.now() - t;
    this.imported.new += counts.new;
    this.imported.changed += counts.changed;
    killPoint('import');
  }

  noteFile(input: string, file: { file: string; sha256: string; bytes: number; read: number }): void {
    this.store.noteFile({ input, file: file.file, sha256: file.sha256, bytes: file.bytes, records: file.read }, this.runId);
  }

  /** The aggregates over every record in the state, tonight's included. */
  aggregate(config: Pick<Config, 'output'>): Accumulator {
    const t = performance.now();
    const acc = this.store.aggregate(config.output.period);
    this.ms.aggregate = performance.now() - t;
    killPoint('aggregate');
    return acc;
  }

  summary(): StateSummary {
    const after = this.store.totals(this.scorer);
    return {
      path: this.path,
      run: this.runId,
      scorer: this.scorer,
      records: { before: this.before.records, after: after.records },
      new: this.imported.new,
      changed: this.imported.changed,
      rescored: this.rescored,
      change: changeSplit(this.before, this.rescoredTotals, after),
      bytes: this.store.sizeBytes(),
    };
  }

  /** Records the run and commits: from here on the state holds tonight's records. */
  commit(run: { command: string; startedAt: string; toolVersion: string; configSha256: string; exitCode: number; summary: unknown }): void {
    const t = performance.now();
    this.store.recordRun(this.runId, { ...run, finishedAt: new Date().toISOString(), scorer: this.scorer });
    this.store.commit();
    this.ms.commit = performance.now() - t;
    killPoint('commit');
  }

  /** Rolls back whatever was not committed and releases the lock. */
  close(): void {
    try {
      const t = performance.now();
      this.store.close(); // checkpoints the write-ahead log into the state file
      this.ms.close = performance.now() - t;
      this.log.info({ state: this.path, ms: Object.fromEntries(Object.entries(this.ms).map(([k, v]) => [k, Math.round(v)])) }, 'state closed');
    } finally {
      this.lock.release();
    }
  }
}
