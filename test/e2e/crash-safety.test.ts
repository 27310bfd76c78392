// Crash safety: a run killed with SIGKILL at each stage (TILFREDS_TEST_KILL_AT, src/state/kill-point.ts) and
// started again ends with the reports and the state of an uninterrupted run, and leaves nothing behind.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { AGGREGATE_REPORTS, ALL_REPORTS, FORMATTED_REPORTS, manifestOf, nightConfig, nightRecords, readReports, runTilfreds, stateRecords, threeNights, writeDump } from '../support/nightly.js';

const { nights } = threeNights(nightRecords(1200));
/** Two workers and ranges of 20 kB, so that a kill can fall between the imports of two ranges. */
const THREADED = { TILFREDS_RANGE_BYTES: '20000' };
const STATE = 'tilfreds-state.sqlite';
const FILES = [...ALL_REPORTS, ...FORMATTED_REPORTS, 'run.json', STATE].sort();

function night(dir: string, out: string, records: (typeof nights)[number], env: Record<string, string> = {}) {
  writeDump(join(dir, 'dump.jsonl'), records);
  return runTilfreds(['run', '--config', join(dir, 'config.json'), '--out', out, '--workers', '2'], { ...THREADED, ...env });
}

function expectOk(r: ReturnType<typeof night>) {
  expect(r.code, r.stderr).toBe(0);
}

describe('a run killed at any stage and started again', () => {
  const dir = tempDir('crash');
  nightConfig(dir);
  const ref = join(dir, 'ref');
  expectOk(night(dir, ref, nights[0]!));
  expectOk(night(dir, ref, nights[1]!));
  const expected = { reports: readReports(ref), state: stateRecords(join(ref, STATE)) };

  // Before the commit: the state is as night 1 left it, so the second try does night 2's work again.
  it.each(['locked', 'score', 'import', 'import:4', 'aggregate', 'reports', 'reports:4', 'manifest'])('killed at %s: the same reports, run.json counts and state', (point) => {
    const out = join(dir, `killed-${point.replace(':', '-')}`);
    expectOk(night(dir, out, nights[0]!));
    const killed = night(dir, out, nights[1]!, { TILFREDS_TEST_KILL_AT: point });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const again = night(dir, out, nights[1]!);
    expectOk(again);
    expect(again.stderr).toContain('took over the lock of a run that is gone');
    expect(readReports(out)).toEqual(expected.reports);
    expect(manifestOf(out).totals).toEqual(manifestOf(ref).totals);
    expect(manifestOf(out).state).toEqual({ ...manifestOf(ref).state, path: join(out, STATE), bytes: manifestOf(out).state.bytes });
    // Listed before the state is read: a read-only connection leaves the WAL files behind.
    expect(readdirSync(out).sort()).toEqual(FILES);
    expect(stateRecords(join(out, STATE))).toEqual(expected.state);
  });

  // After the commit only the lock is left: the next run takes it over and finds nothing new.
  it('killed after the commit: the same aggregate reports and state', () => {
    const out = join(dir, 'killed-commit');
    expectOk(night(dir, out, nights[0]!));
    expect(night(dir, out, nights[1]!, { TILFREDS_TEST_KILL_AT: 'commit' }).signal).toBe('SIGKILL');
    expect(readdirSync(out)).toContain(`${STATE}.lock`);
    const again = night(dir, out, nights[1]!);
    expectOk(again);
    expect(manifestOf(out).totals.unchanged).toBe(nights[1]!.length);
    expect(readReports(out, AGGREGATE_REPORTS)).toEqual(readReports(ref, AGGREGATE_REPORTS));
    // Listed before the state is read: a read-only connection leaves the WAL files behind.
    expect(readdirSync(out).sort()).toEqual(FILES);
    expect(stateRecords(join(out, STATE))).toEqual(expected.state);
  });

  it('killed while scoring stored records again after a lexicon change: the same as without the kill', () => {
    const run = (name: string, kill?: string) => {
      const d = join(dir, name);
      writeFileSync(join(nightConfig(d, { lexicons: { en: [{ file: 'ours.tsv' }] } }), '..', 'ours.tsv'), 'awful\t-1\n');
      const out = join(d, 'out');
      expectOk(night(d, out, nights[0]!));
      writeFileSync(join(d, 'ours.tsv'), 'awful\t-1\ngreat\t1\n');
      if (kill) expect(night(d, out, nights[1]!, { TILFREDS_TEST_KILL_AT: kill }).signal).toBe('SIGKILL');
      expectOk(night(d, out, nights[1]!));
      expect(manifestOf(out).state.rescored).toBe(nights[0]!.length);
      return { reports: readReports(out), state: stateRecords(join(out, STATE)), change: manifestOf(out).state.change };
    };
    expect(run('lexicon-killed', 'rescore')).toEqual(run('lexicon-whole'));
  });
});
