// npm run bench [-- --rows N] [--runs N] [--sides w1,all,baseline,parse] [--json] [--baseline FILE] [--save-baseline FILE]
//
// Issue 9's bench: on one generated dump (shared/tools/gen-dump.mjs --seed bench, default 1,000,000 rows: title,
// text and a language column, read through the config's `language: { column }`; cached in
// os.tmpdir()/tilfreds-bench), side by side:
//   w1        tilfreds run --workers 1
//   all       tilfreds run with its default pool (os.availableParallelism() workers)
//   baseline  the obvious pipeline (test/bench/baseline.ts: fast-csv → sentiment → Map → fast-csv)
//   parse     a bare fast-csv parse: the floor, what merely parsing the CSV costs
//   scoring   single-thread scoring of 50,000 English texts of the dump, tilfreds against the sentiment package,
//             and tilfreds per language in characters/s
//             (test/bench/scoring.ts; issue 3: at least 0.8× its texts/s)
// It prints per side the median time, records/s and peak RSS, the speed-up over the baseline (the figure issue 9
// asks for: ≥ 2.5×), the ratio to the bare parse (DESIGN.md section 6: "within a small factor of the speed of
// merely parsing"), and where tilfreds' time goes per review (run.json timings.microsPerRecord).
//
// Every side runs as a fresh child process, timed by wall clock from spawn to exit (Node startup included
// everywhere). Peak RSS comes from the process itself (process.resourceUsage().maxRSS: the whole process, all
// threads): run.json `timings.peakRssMB` for tilfreds, the JSON line the other sides print. Runs go round-robin
// (w1, all, baseline, parse, w1, ...) and are summarised by medians, because benchmarks run on shared, noisy
// machines: interleaving spreads slow phases (other jobs, thermal throttling, a cold page cache) over every side
// instead of one, and the median ignores the odd outlier a mean would absorb. Ratios are medians of per-round
// ratios, so they compare runs made moments apart.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SIDE_NAMES = ['w1', 'all', 'baseline', 'parse', 'scoring'] as const;
type SideName = (typeof SIDE_NAMES)[number];
const LABELS: Record<SideName, string> = { w1: 'tilfreds 1 worker', all: 'tilfreds all cores', baseline: 'baseline', parse: 'fast-csv parse only', scoring: 'scoring, one thread' };
/** The pipeline sides: whole runs over the dump. `scoring` times the scorers alone (scoring.ts). */
const PIPELINE_SIDES = ['w1', 'all', 'baseline', 'parse'] as const;
type PipelineSide = (typeof PIPELINE_SIDES)[number];
type ScoringRun = { texts: number; tilfredsPerSec: number; sentimentPerSec: number; ratio: number; languages: Record<string, { texts: number; perSec: number; charsPerSec: number }> };
/** English texts scored per round by the scoring side. */
const SCORING_TEXTS = 50_000;

type Stages = { read: number; score: number; aggregate: number; write: number };
type Run = { seconds: number; records: number; peakRssMB: number; workers: number; micros?: Stages };
type Summary = {
  workers: number;
  medianSeconds: number;
  medianRecordsPerSec: number;
  minRecordsPerSec: number;
  maxRecordsPerSec: number;
  medianPeakRssMB: number;
  /** Wall-clock µs per record (median over runs). */
  wallMicrosPerRecord: number;
  /** tilfreds only: run.json timings.microsPerRecord, median over runs of each stage (summed over threads). */
  microsPerRecord?: Stages;
};
type Manifest = { totals: { read: number }; timings: { peakRssMB: number; workers: number; microsPerRecord: Stages } };

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    sides: { type: 'string', default: SIDE_NAMES.join(',') },
    json: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'save-baseline': { type: 'string' },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) fail('--rows and --runs must be positive integers');
const sides = args.sides.split(',').map((s) => s.trim()).filter(Boolean);
for (const s of sides) if (!(SIDE_NAMES as readonly string[]).includes(s)) fail(`--sides: unknown side "${s}" (expected some of ${SIDE_NAMES.join(',')})`);
const chosen = PIPELINE_SIDES.filter((s) => sides.includes(s)); // fixed round-robin order, no duplicates
const scoringChosen = sides.includes('scoring');
if (!chosen.length && !scoringChosen) fail('--sides: name at least one side');

function fail(msg: string): never {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}
const progress = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);

function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) fail('no package.json above the bench script');
  }
}

/** Runs node with args; resolves with stdout (if kept) once it exits 0, rejects with the stderr tail otherwise. */
function runNode(nodeArgs: string[], cwd: string, keepStdout: boolean): Promise<string> {
  return new Promise((ok, ko) => {
    const child = spawn(process.execPath, nodeArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { if (keepStdout) out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-2000); });
    child.on('error', ko);
    child.on('close', (code) => (code === 0 ? ok(out) : ko(new Error(`node ${nodeArgs.slice(0, 2).join(' ')} exited with ${code}\n${err}`))));
  });
}

async function timed(nodeArgs: string[], cwd: string, keepStdout = false): Promise<{ seconds: number; stdout: string }> {
  const t0 = process.hrtime.bigint();
  const stdout = await runNode(nodeArgs, cwd, keepStdout);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, stdout };
}

/** The last line of a child's stdout, parsed: the JSON the baseline and the parse print. */
function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`expected a JSON line on stdout, got: ${line.slice(0, 200)}`);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function summarise(rs: Run[]): Summary {
  const rate = rs.map((r) => r.records / r.seconds);
  const micros = rs.map((r) => r.micros).filter((m): m is Stages => m !== undefined);
  const stage = (k: keyof Stages): number => median(micros.map((m) => m[k]));
  return {
    workers: median(rs.map((r) => r.workers)),
    medianSeconds: median(rs.map((r) => r.seconds)),
    medianRecordsPerSec: median(rate),
    minRecordsPerSec: Math.min(...rate),
    maxRecordsPerSec: Math.max(...rate),
    medianPeakRssMB: median(rs.map((r) => r.peakRssMB)),
    wallMicrosPerRecord: median(rs.map((r) => (r.seconds * 1e6) / r.records)),
    ...(micros.length ? { microsPerRecord: { read: stage('read'), score: stage('score'), aggregate: stage('aggregate'), write: stage('write') } } : {}),
  };
}
/** Median over rounds of a[i] / b[i] (seconds), or undefined when either side did not run. */
function roundRatio(a: Run[] | undefined, b: Run[] | undefined): number | undefined {
  if (!a?.length || !b?.length) return undefined;
  return median(a.map((r, i) => r.seconds / b[i]!.seconds));
}

// Counts rows with fast-csv (headers on, as a pipeline needs them) and reports its own peak RSS.
const PARSE_SCRIPT = `import { parseFile } from 'fast-csv';
let records = 0;
parseFile(process.argv[1], { headers: true })
  .on('data', () => { records++; })
  .on('error', (e) => { console.error(e); process.exit(1); })
  .on('end', () => console.log(JSON.stringify({ records, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })));`;

async function main(): Promise<void> {
  const root = packageRoot();
  const gen = resolve(root, '../shared/tools/gen-dump.mjs');
  if (!existsSync(gen)) fail(`generator not found at ${gen} (the shared/ folder must sit next to the package)`);
  const cli = join(root, 'dist/src/cli/main.js');
  const baselineJs = join(root, 'dist/test/bench/baseline.js');
  const scoringJs = join(root, 'dist/test/bench/scoring.js');
  for (const f of [cli, baselineJs, scoringJs]) if (!existsSync(f)) fail(`${f} missing: run npm run build first`);

  const tmp = join(os.tmpdir(), 'tilfreds-bench');
  mkdirSync(tmp, { recursive: true });
  const dump = join(tmp, `dump-${rows}.csv`);
  const marker = `${dump}.ok`; // "<rows> <bytes>", written only after a complete generation
  const cached = existsSync(dump) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === `${rows} ${statSync(dump).size}`;
  if (cached) progress(`reusing ${dump}`);
  else {
    progress(`generating ${rows} rows into ${dump}`);
    await runNode([gen, '--rows', String(rows), '--seed', 'bench', '--format', 'csv', '-o', `${dump}.part`], root, false);
    renameSync(`${dump}.part`, dump);
    writeFileSync(marker, `${rows} ${statSync(dump).size}\n`);
  }
  const dumpMB = statSync(dump).size / 1e6;

  const config = join(tmp, 'bench.config.json');
  writeFileSync(config, JSON.stringify({
    output: { dir: join(tmp, 'out'), period: 'month' },
    inputs: [{
      name: 'bench', path: dump, format: 'csv',
      id: { column: 'review_id' }, product: { column: 'product_name' },
      date: { column: 'created_at', format: 'iso' }, rating: { column: 'rating', scale: [1, 5] },
      text: [{ column: 'title', role: 'title' }, { column: 'text', role: 'review' }],
      language: { column: 'language' },
    }],
  }, null, 2));

  const tilfreds = async (out: string, extra: string[]): Promise<Run> => {
    rmSync(join(out, 'run.json'), { force: true }); // never read a previous run's manifest
    // Stateless: every round must do the same work (a state beside out/ would make later rounds reruns);
    // npm run bench:state measures the state.
    const t = await timed([cli, 'run', '--config', config, '--out', out, '--stateless', ...extra], root);
    const m = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Manifest;
    return { seconds: t.seconds, records: m.totals.read, peakRssMB: m.timings.peakRssMB, workers: m.timings.workers, micros: m.timings.microsPerRecord };
  };
  const own = async (nodeArgs: string[]): Promise<Run> => {
    const t = await timed(nodeArgs, root, true);
    const r = lastJson<{ records: number; peakRssMB: number }>(t.stdout);
    return { seconds: t.seconds, records: r.records, peakRssMB: r.peakRssMB, workers: 1 };
  };
  const runSide: Record<PipelineSide, () => Promise<Run>> = {
    w1: () => tilfreds(join(tmp, 'out-w1'), ['--workers', '1']),
    all: () => tilfreds(join(tmp, 'out-all'), []),
    baseline: () => own([baselineJs, dump, join(tmp, 'out-baseline')]),
    parse: () => own(['--input-type=module', '-e', PARSE_SCRIPT, dump]),
  };

  const results: Partial<Record<PipelineSide, Run[]>> = {};
  const scoringRuns: ScoringRun[] = [];
  for (let i = 1; i <= runs; i++) {
    const parts: string[] = [];
    for (const side of chosen) {
      progress(`run ${i}/${runs}: ${LABELS[side]}…`);
      const r = await runSide[side]();
      (results[side] ??= []).push(r);
      parts.push(`${side} ${r.seconds.toFixed(2)} s`);
      if (r.records !== rows) progress(`warning: ${LABELS[side]} read ${r.records} records, expected ${rows}`);
    }
    if (scoringChosen) {
      progress(`run ${i}/${runs}: ${LABELS.scoring}…`);
      const r = lastJson<ScoringRun>((await timed([scoringJs, dump, String(SCORING_TEXTS)], root, true)).stdout);
      scoringRuns.push(r);
      parts.push(`scoring ${r.ratio.toFixed(2)}× the sentiment package`);
    }
    progress(`run ${i}/${runs} done: ${parts.join(', ')}`);
  }

  const summaries: Partial<Record<PipelineSide, Summary>> = {};
  for (const side of chosen) summaries[side] = summarise(results[side]!);
  const result = {
    rows, runs, dumpMB: Math.round(dumpMB),
    sides: chosen,
    machine: { cpus: os.cpus().length, availableParallelism: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    summaries,
    /** Median over rounds of baseline seconds / side seconds. */
    speedupOverBaseline: { w1: roundRatio(results.baseline, results.w1), all: roundRatio(results.baseline, results.all) },
    /** Median over rounds of side seconds / bare-parse seconds. */
    timeOverParse: { w1: roundRatio(results.w1, results.parse), all: roundRatio(results.all, results.parse), baseline: roundRatio(results.baseline, results.parse) },
    /** All-cores median records/s against a saved run (--baseline FILE). */
    speedupOverSaved: undefined as number | undefined,
    /** Single-thread scoring of the same English texts: medians over rounds (issue 3: ratio ≥ 0.8). */
    scoring: scoringRuns.length
      ? {
          texts: scoringRuns[0]!.texts,
          tilfredsPerSec: median(scoringRuns.map((r) => r.tilfredsPerSec)),
          sentimentPerSec: median(scoringRuns.map((r) => r.sentimentPerSec)),
          ratio: median(scoringRuns.map((r) => r.ratio)),
          /** Characters per second per language, median over rounds, and as a share of English's. */
          languages: Object.fromEntries(
            Object.keys(scoringRuns[0]!.languages).map((lang) => {
              const cps = median(scoringRuns.map((r) => r.languages[lang]?.charsPerSec ?? NaN));
              const en = median(scoringRuns.map((r) => r.languages.en?.charsPerSec ?? NaN));
              return [lang, { charsPerSec: cps, ofEnglish: cps / en }];
            }),
          ),
        }
      : undefined,
  };

  if (args.baseline && existsSync(args.baseline)) {
    const saved = JSON.parse(readFileSync(args.baseline, 'utf8')) as { rows?: number; summaries?: { all?: Partial<Summary> }; pipeline?: Partial<Summary> };
    const savedRate = (saved.summaries?.all ?? saved.pipeline)?.medianRecordsPerSec; // `pipeline`: files saved by the earlier bench
    const rate = summaries.all?.medianRecordsPerSec;
    if (rate === undefined) progress('--baseline compares the all-cores side, which did not run');
    else if (typeof savedRate === 'number' && savedRate > 0) result.speedupOverSaved = rate / savedRate;
    else progress(`${args.baseline} has no all-cores records/s; no comparison`);
    if (saved.rows !== rows) progress(`warning: ${args.baseline} was measured on ${saved.rows ?? '?'} rows, this run on ${rows}`);
  } else if (args.baseline) progress(`baseline ${args.baseline} not found; no comparison`);
  if (args['save-baseline']) writeFileSync(args['save-baseline'], `${JSON.stringify({ ...result, speedupOverSaved: undefined }, null, 2)}\n`);

  if (args.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);

  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const x = (r: number | undefined): string | undefined => (r === undefined ? undefined : `${r.toFixed(2)}×`);
  const W = 20;
  const m = result.machine;
  const lines = [
    `tilfreds throughput: ${n(rows)} rows (${n(dumpMB)} MB), medians of ${runs} interleaved runs; ${m.cpus} CPUs (${m.availableParallelism} available), Node ${m.node}, ${m.platform}`,
    `${'side'.padEnd(W)} ${'workers'.padStart(7)} ${'median s'.padStart(9)} ${'records/s'.padStart(11)} ${'min–max rec/s'.padStart(17)} ${'peak MB'.padStart(8)}`,
    ...chosen.map((side) => {
      const s = summaries[side]!;
      return `${LABELS[side].padEnd(W)} ${String(s.workers).padStart(7)} ${s.medianSeconds.toFixed(2).padStart(9)} ${n(s.medianRecordsPerSec).padStart(11)} ${`${n(s.minRecordsPerSec)}–${n(s.maxRecordsPerSec)}`.padStart(17)} ${n(s.medianPeakRssMB).padStart(8)}`;
    }),
    '',
  ];
  const list = (o: Partial<Record<PipelineSide, number | undefined>>): string =>
    (Object.keys(o) as PipelineSide[]).filter((k) => o[k] !== undefined).map((k) => `${LABELS[k]} ${x(o[k])}`).join(', ');
  const speedups = list(result.speedupOverBaseline);
  if (speedups) lines.push(`speed-up over the baseline (median of per-round baseline s / side s): ${speedups}`);
  const overParse = list(result.timeOverParse);
  if (overParse) lines.push(`time / fast-csv parse time (median of per-round ratios): ${overParse}`);
  if (result.speedupOverSaved !== undefined) lines.push(`all cores vs saved run ${args.baseline}: ${x(result.speedupOverSaved)} records/s`);

  const staged = (['all', 'w1'] as const).filter((s) => summaries[s]?.microsPerRecord);
  if (staged.length) {
    lines.push(
      '',
      'where the time goes per review, µs (run.json timings.microsPerRecord: summed over threads; medians over runs; wall = elapsed / records)',
      `${''.padEnd(W)} ${'read'.padStart(7)} ${'score'.padStart(7)} ${'aggregate'.padStart(9)} ${'write'.padStart(7)} ${'sum'.padStart(7)} ${'wall'.padStart(7)}`,
      ...staged.map((side) => {
        const s = summaries[side]!;
        const t = s.microsPerRecord!;
        const f = (v: number, w = 7): string => v.toFixed(2).padStart(w);
        return `${LABELS[side].padEnd(W)} ${f(t.read)} ${f(t.score)} ${f(t.aggregate, 9)} ${f(t.write)} ${f(t.read + t.score + t.aggregate + t.write)} ${f(s.wallMicrosPerRecord)}`;
      }),
    );
  }
  const others = (['baseline', 'parse'] as const).filter((s) => summaries[s]);
  if (others.length) lines.push(`wall µs per review: ${others.map((s) => `${LABELS[s]} ${summaries[s]!.wallMicrosPerRecord.toFixed(2)}`).join(', ')}`);
  const sc = result.scoring;
  if (sc) {
    lines.push(
      '',
      `single-thread scoring of the same ${n(sc.texts)} English texts (medians over ${runs} rounds, 5 passes each): tilfreds ${n(sc.tilfredsPerSec)} texts/s, ` +
        `sentiment package ${n(sc.sentimentPerSec)} texts/s: ${x(sc.ratio)} its speed`,
      `per language, tilfreds with each language's pack, characters/s (× English's): ${Object.entries(sc.languages)
        .map(([lang, l]) => `${lang} ${n(l.charsPerSec)} (${l.ofEnglish.toFixed(2)}×)`)
        .join(', ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
