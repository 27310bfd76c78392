// The state store: one SQLite file (better-sqlite3) holding every record counted so far, by input and id, with
// its content hash, its scores and the scorer that made them; the content itself, to score it again; the input
// files seen; one row per finished run. Reports are rebuilt from it, so trends span every run.
//
// Crash safety comes from SQLite: a run does all its writes in one transaction, committed only after its reports
// are in place, so a run killed at any point leaves the state as the previous run left it (WAL).
// WAL also lets the worker threads read the committed state (which records are known) while the main thread
// writes tonight's records into its open transaction.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { Accumulator } from '../aggregate/accumulator.js';
import { TilfredsError } from '../errors.js';
import type { Period } from '../config/schema.js';
import type { Scorer } from '../analyze/score-review.js';
import { aggregableOf, reviewOf, stateRowOf, STATE_COLUMNS, type StagedRecord, type StateRow } from './record-row.js';

const SCHEMA_VERSION = '2';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  rid INTEGER PRIMARY KEY,      -- explicit, so that VACUUM keeps it: contents refer to it
  input TEXT NOT NULL, id TEXT NOT NULL,
  hash BLOB NOT NULL,           -- 16 bytes of SHA-1 over the content (record-row.ts)
  scorer TEXT NOT NULL,         -- scorer-version.ts: the lexicons and rules that made the scores
  product TEXT NOT NULL, date TEXT, language TEXT NOT NULL, lexicon TEXT NOT NULL,
  rating REAL, nps INTEGER, csat_top2 INTEGER, csat_raw REAL, csat_norm REAL, sentiment REAL, label TEXT,
  question TEXT,                -- the survey question group (an input's records key), or NULL
  roles TEXT NOT NULL,          -- the record's text roles, comma-joined (disagreement flags read them)
  topics TEXT,                  -- JSON [[topic, score, label], ...]
  first_run INTEGER NOT NULL, changed_run INTEGER NOT NULL,
  UNIQUE (input, id)
);
-- Keyed by the record's rid rather than (input, id): one index of random keys to maintain instead of two
-- (importing 10^6 records took 18 us each with a second unique index, 11 us without).
CREATE TABLE IF NOT EXISTS contents (record INTEGER PRIMARY KEY, content TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  input TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, records INTEGER NOT NULL,
  first_run INTEGER NOT NULL, last_run INTEGER NOT NULL, UNIQUE (input, file, sha256)
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, command TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  tool_version TEXT NOT NULL, scorer TEXT NOT NULL, config_sha256 TEXT NOT NULL, exit_code INTEGER NOT NULL,
  summary TEXT NOT NULL         -- JSON: counts and the change split of run.json
);
`;

/** Sums over every stored record, from which the overall metrics follow (attribution.ts). */
export type StateTotals = {
  records: number; ratingN: number; ratingSum: number; sentimentN: number; sentimentSum: number; positive: number; negative: number;
  npsN: number; promoters: number; detractors: number; csatN: number; csatTop2: number;
  /** Records scored by another scorer than the current one. */
  stale: number;
};

export type ImportCounts = { new: number; changed: number };

export type RunRow = { command: string; startedAt: string; finishedAt: string; toolVersion: string; scorer: string; configSha256: string; exitCode: number; summary: unknown };

export type FileSeen = { input: string; file: string; sha256: string; bytes: number; records: number; firstRun: number; lastRun: number };

const RESCORE_BATCH = 2_000;

export class StateStore {
  readonly db: Database.Database;
  private readonly upsertRecord: Database.Statement;
  private readonly upsertContent: Database.Statement;

  /** `readonly`: for `tilfreds status`, which must not create or change anything. */
  constructor(readonly path: string, options: { readonly?: boolean } = {}) {
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // NORMAL: a commit survives a killed process; a power cut may lose the last commit (never corrupt the file),
      // which only means the next run does that night's work again. FULL would fsync the whole log at commit.
      this.db.pragma('synchronous = NORMAL');
      // A second writer fails at once instead of waiting: the lock file should have stopped it already.
      this.db.pragma('busy_timeout = 0');
      this.db.exec(SCHEMA);
    }
    const version = this.db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).pluck().get() as string | undefined;
    if (version === undefined && !options.readonly) this.db.prepare(`INSERT INTO meta (key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
    else if (version !== SCHEMA_VERSION) throw new TilfredsError('config', `${path}: a state of schema ${version ?? 'none'}; this tilfreds reads schema ${SCHEMA_VERSION}. Fix: point state.path at a new file (the old one stays readable by the tilfreds that wrote it)`);
    const cols = STATE_COLUMNS.join(', ');
    this.upsertRecord = this.db.prepare(
      `INSERT INTO records (input, id, hash, scorer, ${cols}, first_run, changed_run) VALUES (?, ?, ?, ?, ${STATE_COLUMNS.map(() => '?').join(', ')}, ?, ?)
       ON CONFLICT (input, id) DO UPDATE SET hash = excluded.hash, scorer = excluded.scorer, ${STATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, changed_run = excluded.changed_run
       RETURNING rid`,
    ).pluck();
    this.upsertContent = this.db.prepare('INSERT OR REPLACE INTO contents (record, content) VALUES (?, ?)');
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }

  nextRunId(): number {
    return ((this.db.prepare('SELECT max(id) FROM runs').pluck().get() as number | null) ?? 0) + 1;
  }

  totals(scorer: string): StateTotals {
    return this.db.prepare(`SELECT count(*) AS records, count(rating) AS ratingN, total(rating) AS ratingSum,
      count(sentiment) AS sentimentN, total(sentiment) AS sentimentSum, total(label = 'positive') AS positive, total(label = 'negative') AS negative,
      count(nps) AS npsN, total(nps >= 9) AS promoters, total(nps <= 6) AS detractors, count(csat_top2) AS csatN, total(csat_top2) AS csatTop2,
      total(scorer <> ?) AS stale FROM records`).get(scorer) as StateTotals;
  }

  /** Scores again, from their stored content, the records another scorer made; in key order, a batch at a time
   *  (better-sqlite3 allows no writes while a query is being iterated). Returns how many. */
  rescoreStale(scorer: string, score: Scorer, runId: number, afterBatch: () => void = () => undefined): number {
    const next = this.db.prepare(`SELECT r.input, r.id, c.content FROM records r JOIN contents c ON c.record = r.rid
      WHERE (r.input, r.id) > (?, ?) AND r.scorer <> ? ORDER BY r.input, r.id LIMIT ${RESCORE_BATCH}`).raw();
    const update = this.db.prepare(`UPDATE records SET scorer = ?, ${STATE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, changed_run = ? WHERE input = ? AND id = ?`);
    let after: [string, string] = ['', ''];
    let n = 0;
    for (;;) {
      const batch = next.all(after[0], after[1], scorer) as [string, string, string][];
      if (!batch.length) return n;
      for (const [input, id, content] of batch) update.run(scorer, ...stateRowOf(score(reviewOf(input, id, content))), runId, input, id);
      n += batch.length;
      const last = batch.at(-1)!;
      after = [last[0], last[1]];
      afterBatch();
    }
  }

  /** Imports one range's staged records (state-part.ts), new or changed since the stored version. */
  async importPart(part: string, input: string, scorer: string, runId: number): Promise<ImportCounts> {
    const counts: ImportCounts = { new: 0, changed: 0 };
    const lines = createInterface({ input: createReadStream(part, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const [kind, id, hash, row, content] = JSON.parse(line) as StagedRecord;
      const rid = this.upsertRecord.get(input, id, Buffer.from(hash, 'base64'), scorer, ...row, runId, runId);
      this.upsertContent.run(rid, content);
      counts[kind]++;
    }
    return counts;
  }

  noteFile(f: Omit<FileSeen, 'firstRun' | 'lastRun'>, runId: number): void {
    this.db.prepare(`INSERT INTO files (input, file, sha256, bytes, records, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (input, file, sha256) DO UPDATE SET last_run = excluded.last_run`).run(f.input, f.file, f.sha256, f.bytes, f.records, runId, runId);
  }

  /** The aggregates over every stored record, streamed through the same Accumulator a stateless run uses. */
  aggregate(period: Period): Accumulator {
    const acc = new Accumulator(period);
    const rows = this.db.prepare(`SELECT input, id, ${STATE_COLUMNS.join(', ')} FROM records`).raw().iterate() as IterableIterator<[string, string, ...StateRow]>;
    for (const [input, id, ...row] of rows) acc.add(aggregableOf(input, id, row));
    return acc;
  }

  recordRun(id: number, run: RunRow): void {
    this.db.prepare('INSERT INTO runs (id, command, started_at, finished_at, tool_version, scorer, config_sha256, exit_code, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, run.command, run.startedAt, run.finishedAt, run.toolVersion, run.scorer, run.configSha256, run.exitCode, JSON.stringify(run.summary));
  }

  lastRun(): (RunRow & { id: number }) | undefined {
    const r = this.db.prepare('SELECT id, command, started_at, finished_at, tool_version, scorer, config_sha256, exit_code, summary FROM runs ORDER BY id DESC LIMIT 1').raw().get() as
      [number, string, string, string, string, string, string, number, string] | undefined;
    return r && { id: r[0], command: r[1], startedAt: r[2], finishedAt: r[3], toolVersion: r[4], scorer: r[5], configSha256: r[6], exitCode: r[7], summary: JSON.parse(r[8]) as unknown };
  }

  files(): FileSeen[] {
    return this.db.prepare('SELECT input, file, sha256, bytes, records, first_run AS firstRun, last_run AS lastRun FROM files ORDER BY input, first_run, file').all() as FileSeen[];
  }

  countsByInput(): { input: string; records: number; scorers: number }[] {
    return this.db.prepare('SELECT input, count(*) AS records, count(DISTINCT scorer) AS scorers FROM records GROUP BY input ORDER BY input').all() as { input: string; records: number; scorers: number }[];
  }

  /** The file's size on disk with its write-ahead log. */
  sizeBytes(): number {
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return size(this.path) + size(`${this.path}-wal`);
  }
}
