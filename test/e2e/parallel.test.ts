// The parallel runner: reports byte-identical whatever the worker count and however files are cut into ranges
// (cuts inside multi-line fields, after malformed quotes, duplicates across ranges); a worker that dies fails
// the run cleanly; and the two CSV engines (the cutter's own field splitting, fast-csv's) give the same records.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, ROOT, SHARED, tempDir } from '../support/cli.js';
import { stateRecords } from '../support/nightly.js';

const REPORTS = ['scored_reviews.csv', 'product_trends.csv', 'rejects.csv'];

type Manifest = { totals: { read: number; scored: number; rejected: number }; inputs: { read: number; scored: number; rejected: number }[]; timings: { workers: number; ranges: number; rangesReadAgain: number } };

function run(config: string, out: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'run', '--config', config, '--out', out, ...args], {
    encoding: 'utf8', env: { ...process.env, ...env },
  });
  return { code: r.status, stderr: r.stderr, manifest: existsSync(join(out, 'run.json')) ? (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Manifest) : undefined };
}

function expectSameReports(a: string, b: string) {
  for (const file of REPORTS) expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
}

/** A generated dump with every kind of damage, multi-line texts, CRLF and a BOM, and a config for it. */
function generatedDump(dir: string, rows: number, extra: string[] = [], csv: object = {}) {
  const r = spawnSync(process.execPath, [join(SHARED, 'tools/gen-dump.mjs'), '-n', String(rows), '--seed', `parallel-${rows}`, '--bad-rows', '0.05', ...extra, '-o', join(dir, 'dump.csv')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({
    inputs: [{
      name: 'gen', path: 'dump.csv', csv, maxRejectRate: 0.2, id: { column: 'review_id' }, product: { column: 'product_name' },
      date: { column: 'created_at', format: 'iso' }, rating: { column: 'rating', scale: [1, 5] },
      text: [{ column: 'title', role: 'title' }, { column: 'text', role: 'review', required: true }], language: { column: 'language' },
    }],
  }));
  return config;
}

describe.skipIf(!hasShared)('parallel runner', () => {
  it('gives byte-identical reports with 1 worker and with 2 or 3, ranges cut anywhere', () => {
    const dir = tempDir('parallel');
    const config = generatedDump(dir, 6000, ['--eol', 'crlf', '--bom', '--median-words', '60']);
    const one = run(config, join(dir, 'w1'), ['--workers', '1']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.manifest!.timings.workers).toBe(1);
    for (const [workers, rangeBytes] of [['2', '65536'], ['3', '20000'], ['2', '7919']] as const) {
      const out = join(dir, `w${workers}-${rangeBytes}`);
      const many = run(config, out, ['--workers', workers], { TILFREDS_RANGE_BYTES: rangeBytes });
      expect(many.code, many.stderr).toBe(0);
      expect(many.manifest!.timings.workers).toBe(Number(workers));
      expect(many.manifest!.timings.ranges).toBeGreaterThan(20);
      expect(many.manifest!.totals).toEqual(one.manifest!.totals);
      for (const input of many.manifest!.inputs) expect(input.read).toBe(input.scored + input.rejected);
      expectSameReports(join(dir, 'w1'), out);
    }
  });

  it('joins ranges cut after a malformed quote, and rejects duplicates across ranges, as one sequential read', () => {
    const dir = tempDir('parallel-bad');
    // Many unclosed and bare quotes (they fool the quote parity of the cut) and repeated ids.
    const config = generatedDump(dir, 4000, ['--bad-kinds', 'unclosed-quote,bare-quote,dup-id,missing-columns']);
    const one = run(config, join(dir, 'w1'), ['--workers', '1']);
    const many = run(config, join(dir, 'w2'), ['--workers', '2'], { TILFREDS_RANGE_BYTES: '5000' });
    expect(many.code, many.stderr).toBe(0);
    expect(many.manifest!.timings.rangesReadAgain).toBeGreaterThan(0);
    expect(many.manifest!.totals).toEqual(one.manifest!.totals);
    expectSameReports(join(dir, 'w1'), join(dir, 'w2'));
  });

  it('gives the same reports for the real dumps with 1 and 2 workers (JSON Lines, multi-line CSV, many files)', () => {
    for (const name of ['chatgpt', 'amazon-beauty', 'danish-trustpilot']) {
      const dir = tempDir(`parallel-${name}`);
      const config = join(ROOT, 'test/e2e/configs', `${name}.json`);
      run(config, join(dir, 'w1'), ['--workers', '1']);
      const many = run(config, join(dir, 'w2'), ['--workers', '2'], { TILFREDS_RANGE_BYTES: '40000' });
      expect(many.code, many.stderr).toBe(0);
      expect(many.manifest!.timings.ranges).toBeGreaterThan(10);
      expectSameReports(join(dir, 'w1'), join(dir, 'w2'));
    }
  });

  it('fails with exit 1, a clear message and no reports when a worker dies', () => {
    const dir = tempDir('parallel-crash');
    const config = generatedDump(dir, 3000);
    const out = join(dir, 'out');
    const r = run(config, out, ['--workers', '2'], { TILFREDS_RANGE_BYTES: '50000', TILFREDS_FAULT: 'crash-worker:dump.csv:*' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a worker thread died');
    expect(r.stderr).toContain('dump.csv');
    // No report; the state the run opened holds nothing (its transaction was rolled back) and no lock is left.
    expect(readdirSync(out)).toEqual(['tilfreds-state.sqlite']);
    expect(stateRecords(join(out, 'tilfreds-state.sqlite'))).toEqual([]);
  });
});

describe.skipIf(!hasShared)('CSV engines: the cutter and fast-csv give the same records', () => {
  /** The config with every CSV input switched to fast-csv, beside the original (reports name files relative to it). */
  function withFastCsv(config: string): string {
    const json = JSON.parse(readFileSync(config, 'utf8')) as { inputs: { format?: string; csv?: object }[] };
    for (const input of json.inputs) if ((input.format ?? 'csv') === 'csv') input.csv = { ...input.csv, engine: 'fast-csv' };
    const file = join(dirname(config), `.${basename(config, '.json')}.fast-csv-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(json));
    return file;
  }

  const shared = ['datafiniti', 'chatgpt', 'danish-trustpilot', 'r-survey'].map((name) => ({ name, make: () => join(ROOT, 'test/e2e/configs', `${name}.json`) }));
  const generated = [
    { name: 'gen: minimal quoting, LF', args: [] as string[], csv: {} },
    { name: 'gen: quote all, CRLF, BOM, semicolon', args: ['--quote', 'all', '--eol', 'crlf', '--bom', '--delimiter', ';'], csv: { delimiter: ';' } },
    { name: 'gen: no quoting, tab', args: ['--quote', 'none', '--delimiter', 'tab', '--bad-kinds', 'extra-columns,missing-columns,bad-date,binary,dup-id'], csv: { delimiter: '\t', quote: null } },
    { name: 'gen: malformed quotes', args: ['--bad-kinds', 'unclosed-quote,bare-quote'], csv: {} },
  ].map((g) => ({ name: g.name, make: (dir: string) => generatedDump(dir, 3000, g.args, g.csv) }));

  it.each([...shared, ...generated])('$name', ({ make }) => {
    const dir = tempDir('engines');
    const config = make(dir);
    const ours = run(config, join(dir, 'tilfreds'), ['--workers', '1']);
    const fastCsvConfig = withFastCsv(config);
    const theirs = run(fastCsvConfig, join(dir, 'fast-csv'), ['--workers', '1']);
    rmSync(fastCsvConfig);
    expect(ours.code, ours.stderr).toBe(theirs.code);
    expect(ours.manifest!.totals.read).toBeGreaterThan(1000);
    expectSameReports(join(dir, 'tilfreds'), join(dir, 'fast-csv'));
  });
});
