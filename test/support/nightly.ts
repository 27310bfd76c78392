// Nightly dumps for the state tests: a deterministic set of English reviews (products, dates over half a year,
// ratings, texts naming pain-point topics), cut into overlapping nights with late records, repeats and records
// whose text changed under the same id; the union of the nights as one dump; and helpers to run the CLI on them
// and to read a state's records back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI } from './cli.js';

export type NightRecord = { id: string; product: string; date: string; rating: number; text: string };

const OPENINGS = ['The delivery was late and the box was damaged.', 'Great quality, works as described.', 'Customer service never answered my emails.',
  'The price is too high for what you get.', 'Fast delivery, friendly support, very happy.', 'It broke after a week, poor quality.',
  'Okay product, nothing special.', 'Terrible experience, I want a refund.', 'Excellent value for money, would buy again.', 'The app keeps crashing when I log in.'];
const CLOSINGS = ['', ' Would not recommend.', ' Love it!', ' Shipping took three weeks.', ' The staff were rude.', ' Cheap and good.'];

/** A small deterministic generator (mulberry32): the same records on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nightRecords(n: number, seed = 7): NightRecord[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 180) * 86_400_000).toISOString().slice(0, 10);
    return { id: `r${String(i).padStart(5, '0')}`, product: pick(['kettle', 'toaster', 'blender', 'mixer', 'grill']), date: day, rating: 1 + Math.floor(rnd() * 5), text: pick(OPENINGS) + pick(CLOSINGS) };
  });
}

/** Three nights over `all`: night 2 overlaps night 1, changes the text of some records of night 1 and brings
 *  late records dated in the first month; night 3 overlaps night 2 and repeats (unchanged) records of night 1. The union is
 *  every id once, in order of first appearance, with its latest version. */
export function threeNights(all: NightRecord[]): { nights: NightRecord[][]; union: NightRecord[] } {
  const n = all.length;
  const edited = (r: NightRecord): NightRecord => ({ ...r, text: `${r.text} Update: the replacement broke too, awful.`, rating: 1 });
  const late = (r: NightRecord): NightRecord => ({ ...r, date: '2024-01-0' + (1 + (Number(r.id.slice(1)) % 9)) });
  const cut = (a: number, b: number) => all.slice(Math.floor(a * n), Math.floor(b * n));
  const night1 = cut(0, 0.5);
  const changed = night1.slice(10, 25).map(edited);
  const night2 = [...cut(0.4, 0.75), ...changed, ...cut(0.75, 0.8).map(late)];
  const night3 = [...cut(0.7, 0.75), ...cut(0.75, 0.8).map(late), ...cut(0.8, 1), ...night1.slice(0, 10), ...night1.slice(30, 40)];
  const latest = new Map<string, NightRecord>();
  for (const r of [...night1, ...night2, ...night3]) latest.set(r.id, r);
  return { nights: [night1, night2, night3], union: [...latest.values()] };
}

export function writeDump(file: string, records: NightRecord[]): void {
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** A config reading `dump.jsonl` from its folder, with an input named `reviews` whatever the night. */
export function nightConfig(dir: string, extra: object = {}): string {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({
    inputs: [{ name: 'reviews', path: 'dump.jsonl', format: 'jsonl', id: { column: 'id' }, product: { column: 'product' }, date: { column: 'date', format: 'iso' }, rating: { column: 'rating', scale: [1, 5] }, text: [{ column: 'text', role: 'review', required: true }], language: 'en' }],
    output: { period: 'month' },
    ...extra,
  }));
  return config;
}

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export function runTilfreds(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export const AGGREGATE_REPORTS = ['product_trends.csv', 'pain_points.csv', 'alerts.csv', 'survey_questions.csv', 'drivers.csv'] as const;
/** The workbook and page: built from the state too, but they carry the run's own time, so they are listed, not compared. */
export const FORMATTED_REPORTS = ['report.xlsx', 'report.html'] as const;
export const ALL_REPORTS = ['scored_reviews.csv', ...AGGREGATE_REPORTS, 'rejects.csv'] as const;

export const readReports = (out: string, names: readonly string[] = ALL_REPORTS) => Object.fromEntries(names.map((f) => [f, readFileSync(join(out, f), 'utf8')]));

/** The state's records and contents, without the run numbers (which count runs, not data). */
export function stateRecords(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT r.input, r.id, hex(r.hash) AS hash, r.scorer, r.product, r.date, r.language, r.lexicon, r.rating, r.nps, r.csat_top2,
      r.sentiment, r.label, r.topics, c.content FROM records r JOIN contents c ON c.record = r.rid ORDER BY r.input, r.id`).all();
  } finally {
    db.close();
  }
}

export const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as {
  totals: { read: number; scored: number; rejected: number; unchanged: number };
  timings: { workers: number };
  state: { path: string; bytes: number; new: number; changed: number; rescored: number; records: { before: number; after: number }; change: Record<string, { change: number | null; fromLexicon: number | null; fromNewData: number | null }> };
};
