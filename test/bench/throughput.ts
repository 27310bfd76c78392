// npm run bench [-- --rows N] [--runs N] [--json] [--baseline FILE] [--save-baseline FILE]
//
// Throughput of the whole pipeline (`tilfreds run`: parse, score, aggregate, write) against the
// cost of merely parsing the same CSV with fast-csv, on a generated dump (shared/tools/gen-dump.mjs,
// --seed bench, cached in os.tmpdir()/tilfreds-bench). DESIGN.md section 6 asks for the pipeline to be
// "within a small factor of the speed of merely parsing the CSV": the ratio is the figure that
// carries across machines, the absolute records/s are for comparing runs on one machine
// (--save-baseline / --baseline).
//
// Both sides run as fresh child processes, timed by wall clock from spawn to exit (Node startup is
// included on both sides). Peak RSS comes from the process itself: run.json `timings.peakRssMB` for
// the pipeline, process.resourceUsage().maxRSS for the parse. Runs are interleaved (pipeline, parse,
// pipeline, parse, ...) and summarised by medians, because benchmarks run on shared, noisy machines:
// interleaving spreads slow phases (other jobs, thermal throttling, a cold page cache) over both
// sides instead of one, and the median ignores the odd outlier a mean would absorb.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

type Side = { seconds: number; records: number; peakRssMB: number };
type Summary = { medianSeconds: number; medianRecordsPerSec: number; minRecordsPerSec: number; maxRecordsPerSec: number; medianPeakRssMB: number };

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'save-baseline': { type: 'string' },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) fail('--rows and --runs must be positive integers');

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
    child.on('close', (code) => (code === 0 ? ok(out) : ko(new Error(`node ${nodeArgs[0] ?? ''} exited with ${code}\n${err}`))));
  });
}

async function timed(nodeArgs: string[], cwd: string, keepStdout = false): Promise<{ seconds: number; stdout: string }> {
  const t0 = process.hrtime.bigint();
  const stdout = await runNode(nodeArgs, cwd, keepStdout);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, stdout };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function summarise(sides: Side[]): Summary {
  const rate = sides.map((s) => s.records / s.seconds);
  return {
    medianSeconds: median(sides.map((s) => s.seconds)),
    medianRecordsPerSec: median(rate),
    minRecordsPerSec: Math.min(...rate),
    maxRecordsPerSec: Math.max(...rate),
    medianPeakRssMB: median(sides.map((s) => s.peakRssMB)),
  };
}

// Counts rows with fast-csv (headers on, as the pipeline needs them) and reports its own peak RSS.
const PARSE_SCRIPT = `import { parseFile } from 'fast-csv';
let rows = 0;
parseFile(process.argv[1], { headers: true })
  .on('data', () => { rows++; })
  .on('error', (e) => { console.error(e); process.exit(1); })
  .on('end', () => console.log(JSON.stringify({ rows, maxRSS: process.resourceUsage().maxRSS })));`;

async function main(): Promise<void> {
  const root = packageRoot();
  const gen = resolve(root, '../shared/tools/gen-dump.mjs');
  if (!existsSync(gen)) fail(`generator not found at ${gen} (the shared/ folder must sit next to the package)`);
  const cli = join(root, 'dist/src/cli/main.js');
  if (!existsSync(cli)) fail(`${cli} missing: run npm run build first`);

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

  const outDir = join(tmp, 'out');
  const config = join(tmp, 'bench.config.json');
  writeFileSync(config, JSON.stringify({
    output: { dir: outDir, period: 'month' },
    inputs: [{
      name: 'bench', path: dump, format: 'csv',
      id: { column: 'review_id' }, product: { column: 'product_name' },
      date: { column: 'created_at', format: 'iso' }, rating: { column: 'rating', scale: [1, 5] },
      text: [{ column: 'title', role: 'title' }, { column: 'text', role: 'review' }],
      language: { column: 'language' },
    }],
  }, null, 2));

  const pipeline: Side[] = [];
  const parse: Side[] = [];
  const ratios: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const p = await timed([cli, 'run', '--config', config], root);
    const manifest = JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8')) as { totals: { read: number }; timings: { peakRssMB: number } };
    pipeline.push({ seconds: p.seconds, records: manifest.totals.read, peakRssMB: manifest.timings.peakRssMB });

    const b = await timed(['--input-type=module', '-e', PARSE_SCRIPT, dump], root, true);
    const res = JSON.parse(b.stdout) as { rows: number; maxRSS: number };
    parse.push({ seconds: b.seconds, records: res.rows, peakRssMB: Math.round(res.maxRSS / 1024) });
    ratios.push(p.seconds / b.seconds);
    progress(`run ${i}/${runs}: pipeline ${p.seconds.toFixed(2)} s (${manifest.totals.read} read), parse ${b.seconds.toFixed(2)} s (${res.rows} rows)`);
    if (manifest.totals.read !== rows || res.rows !== rows) progress(`warning: expected ${rows} records`);
  }

  const result = {
    rows, runs,
    machine: { cpus: os.cpus().length, availableParallelism: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    pipeline: summarise(pipeline),
    parse: summarise(parse),
    medianTimeRatio: median(ratios), // median over rounds of pipeline seconds / parse seconds
    speedup: undefined as number | undefined,
  };
  if (args.baseline && existsSync(args.baseline)) {
    const base = JSON.parse(readFileSync(args.baseline, 'utf8')) as { rows?: number; pipeline?: Partial<Summary> };
    const baseRate = base.pipeline?.medianRecordsPerSec;
    if (typeof baseRate === 'number' && baseRate > 0) result.speedup = result.pipeline.medianRecordsPerSec / baseRate;
    if (base.rows !== rows) progress(`warning: baseline was measured on ${base.rows ?? '?'} rows, this run on ${rows}`);
  } else if (args.baseline) progress(`baseline ${args.baseline} not found; no comparison`);
  if (args['save-baseline']) writeFileSync(args['save-baseline'], `${JSON.stringify({ ...result, speedup: undefined }, null, 2)}\n`);

  if (args.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const line = (name: string, s: Summary): string =>
    `${name.padEnd(15)} ${s.medianSeconds.toFixed(2).padStart(9)} ${n(s.medianRecordsPerSec).padStart(11)} ${`${n(s.minRecordsPerSec)}–${n(s.maxRecordsPerSec)}`.padStart(17)} ${n(s.medianPeakRssMB).padStart(9)}`;
  const m = result.machine;
  process.stdout.write([
    `tilfreds throughput: ${n(rows)} rows, medians of ${runs} interleaved runs; ${m.cpus} CPUs (${m.availableParallelism} available), Node ${m.node}, ${m.platform}`,
    `${''.padEnd(15)} ${'median s'.padStart(9)} ${'records/s'.padStart(11)} ${'min–max rec/s'.padStart(17)} ${'peak MB'.padStart(9)}`,
    line('pipeline', result.pipeline),
    line('fast-csv parse', result.parse),
    `pipeline time / parse time (median of rounds): ${result.medianTimeRatio.toFixed(2)}×`,
    ...(result.speedup !== undefined ? [`speed-up vs baseline ${args.baseline}: ${result.speedup.toFixed(2)}× records/s`] : []),
    '',
  ].join('\n'));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
