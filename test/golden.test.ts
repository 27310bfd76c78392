// Golden files: the real pipeline, through the CLI, on hand-made edge cases; every output compared byte for
// byte (run.json without its timings and machine paths, report.html without the run's start time). UPDATE_GOLDEN=1 (npm run golden:update) rewrites them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support/cli.js';

const GOLDEN = join(ROOT, 'test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** run.json without what differs from machine to machine and run to run. */
function stableManifest(text: string): string {
  const m = JSON.parse(text) as Record<string, unknown> & { config: { file: string }; timings: unknown; state: { path: string; bytes: unknown; scorer: string } };
  m.config.file = '<config>';
  m.state.path = '<state>';
  m.state.bytes = '<bytes>';
  m.state.scorer = '<scorer: a hash over every lexicon file>';
  m.timings = '<timings>';
  return JSON.stringify(m, null, 2) + '\n';
}

/** report.html without the run's start time (the one thing in it that differs between runs of the same input). */
const stableHtml = (text: string) => text.replace(/"startedAt":"[^"]*"/, '"startedAt":"<startedAt>"');

const cases = readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe.each(cases)('golden case %s', (name) => {
  const dir = join(GOLDEN, name);
  const expectedDir = join(dir, 'expected');
  const out = tempDir(`golden-${name}`);
  const args = JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')) as { args: string[]; exitCode: number };
  const result = runCli(['run', '--config', join(dir, 'config.json'), '--out', out, ...args.args]);

  it('exits as expected with a summary on stdout and JSON logs on stderr', () => {
    expect(result.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('{'))).toBe(true);
    expect(result.code, result.stderr).toBe(args.exitCode);
    expect(result.stdout).toMatch(/^input\s+read\s+scored\s+rejected/);
  });

  // report.xlsx is a zip with timestamps: checked by test/e2e/report-xlsx.test.ts, not byte for byte.
  const files = ['scored_reviews.csv', 'product_trends.csv', 'pain_points.csv', 'alerts.csv', 'survey_questions.csv', 'drivers.csv', 'rejects.csv', 'report.html', 'run.json'];
  it.each(files)('%s matches the golden file', (file) => {
    let actual = readFileSync(join(out, file));
    if (file === 'run.json') actual = Buffer.from(stableManifest(actual.toString('utf8')));
    if (file === 'report.html') actual = Buffer.from(stableHtml(actual.toString('utf8')));
    const golden = join(expectedDir, file);
    if (update) {
      mkdirSync(expectedDir, { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(existsSync(golden), `${golden} is missing: run npm run golden:update`).toBe(true);
    // As text first, for a readable diff; then the bytes (BOM, CRLF).
    expect(actual.toString('utf8')).toBe(readFileSync(golden, 'utf8'));
    expect(actual.equals(readFileSync(golden))).toBe(true);
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(out).sort()).toEqual([...files, 'report.xlsx', 'tilfreds-state.sqlite'].sort());
  });
});
