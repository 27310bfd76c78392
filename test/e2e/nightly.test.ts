// The nightly job over overlapping dumps: three nights (overlaps, a late month, texts changed under known ids,
// repeats) end with the same reports and the same state as one run over their union; a rerun changes nothing;
// the lexicon version is part of the state; status and rescore.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { AGGREGATE_REPORTS, manifestOf, nightConfig, nightRecords, readReports, runTilfreds, stateRecords, threeNights, writeDump } from '../support/nightly.js';

const all = nightRecords(1200);
const { nights, union } = threeNights(all);

/** Two workers read ranges of 20 kB: the workers look records up in the state while the main thread imports. */
const THREADED = { TILFREDS_RANGE_BYTES: '20000' };

function runNight(dir: string, records: typeof all, out: string, args: string[] = [], env: Record<string, string> = {}) {
  writeDump(join(dir, 'dump.jsonl'), records);
  const r = runTilfreds(['run', '--config', join(dir, 'config.json'), '--out', out, ...args], env);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe('the nightly job', () => {
  const base = tempDir('nightly');
  const nightsDir = join(base, 'nights');
  nightConfig(nightsDir);
  const seqOut = join(base, 'seq');
  const unionDir = join(base, 'union');
  nightConfig(unionDir);
  const unionOut = join(base, 'union-out');

  it('three overlapping nights give the reports and state of one run over their union', () => {
    for (const [i, night] of nights.entries()) {
      runNight(nightsDir, night, seqOut, ['--workers', i === 1 ? '2' : '1'], i === 1 ? THREADED : {});
      const m = manifestOf(seqOut);
      if (i === 1) expect(m.timings.workers).toBe(2);
      expect(m.totals.read).toBe(night.length);
      expect(m.totals.read).toBe(m.totals.scored + m.totals.rejected + m.totals.unchanged);
      if (i === 1) {
        expect(m.state.changed).toBe(15); // the edited texts of night 1's records
        expect(m.totals.unchanged).toBe(600 - 480); // the overlap with night 1 (records 480-599)
        expect(m.state.new).toBe(nights[1]!.length - 120 - 15);
      }
    }
    runNight(unionDir, union, unionOut);
    expect(manifestOf(seqOut).state.records.after).toBe(union.length);
    expect(readReports(seqOut, AGGREGATE_REPORTS)).toEqual(readReports(unionOut, AGGREGATE_REPORTS));
    expect(stateRecords(join(seqOut, 'tilfreds-state.sqlite'))).toEqual(stateRecords(join(unionOut, 'tilfreds-state.sqlite')));
    // A late record moved its month: January has more reviews in the end than night 1 reported.
    const januaryReviews = (csv: string) => csv.split('\r\n').filter((l) => l.includes(',2024-01,')).reduce((n, l) => n + Number(l.split(',')[2]), 0);
    expect(januaryReviews(readReports(seqOut, AGGREGATE_REPORTS)['product_trends.csv']!)).toBeGreaterThan(0);
  });

  it('the same dump again changes nothing: no record scored, the same reports and state', () => {
    const before = { reports: readReports(seqOut, AGGREGATE_REPORTS), state: stateRecords(join(seqOut, 'tilfreds-state.sqlite')) };
    const r = runNight(nightsDir, nights[2]!, seqOut, ['--workers', '2'], THREADED);
    const m = manifestOf(seqOut);
    expect(m.totals).toEqual({ read: nights[2]!.length, scored: 0, rejected: 0, unchanged: nights[2]!.length });
    expect(m.state).toMatchObject({ new: 0, changed: 0, rescored: 0 });
    expect(m.state.change.meanSentiment).toMatchObject({ change: 0, fromLexicon: 0, fromNewData: 0 });
    expect(r.stdout).toMatch(/^input\s+read\s+scored\s+rejected\s+unchanged/);
    expect(readReports(seqOut, AGGREGATE_REPORTS)).toEqual(before.reports);
    expect(stateRecords(join(seqOut, 'tilfreds-state.sqlite'))).toEqual(before.state);
    // The per-record report lists what this run scored: nothing but its header.
    expect(readFileSync(join(seqOut, 'scored_reviews.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('a first run over the state gives byte-identical reports to a stateless run', () => {
    const stateless = join(base, 'stateless');
    runNight(unionDir, union, stateless, ['--stateless']);
    expect(existsSync(join(stateless, 'tilfreds-state.sqlite'))).toBe(false);
    for (const f of ['scored_reviews.csv', ...AGGREGATE_REPORTS, 'rejects.csv']) expect(readFileSync(join(stateless, f), 'utf8'), f).toBe(readFileSync(join(unionOut, f), 'utf8'));
  });

  it('status shows the last run, the records per input and the files seen with their checksums', () => {
    const r = runTilfreds(['status', '--config', join(nightsDir, 'config.json'), '--out', seqOut, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as { lastRun: { id: number; exitCode: number; command: string }; inputs: { input: string; records: number }[]; files: { sha256: string; lastRun: number }[]; bytes: number };
    expect(status.lastRun).toMatchObject({ id: 4, exitCode: 0, command: 'run' });
    expect(status.inputs).toEqual([{ input: 'reviews', records: union.length, scorers: 1 }]);
    expect(status.files).toHaveLength(3); // three different dumps; the repeated one counted once, seen by runs 3 and 4
    expect(status.files.at(-1)).toMatchObject({ lastRun: 4 });
    expect(status.bytes).toBeGreaterThan(0);
    const text = runTilfreds(['status', '--config', join(nightsDir, 'config.json'), '--out', seqOut]);
    expect(text.stdout).toContain('last run   #4 run');
    const none = runTilfreds(['status', '--config', join(nightsDir, 'config.json'), '--out', join(base, 'nowhere')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no state at');
  });
});

describe('lexicon versions', () => {
  it('scores stored records again when a lexicon changes, and run.json splits the change between lexicon and new data', () => {
    const dir = tempDir('nightly-lexicon');
    const lexicon = join(dir, 'ours.tsv');
    writeFileSync(lexicon, 'awful\t-1\n');
    const config = nightConfig(dir, { lexicons: { en: [{ file: 'ours.tsv' }] } });
    const out = join(dir, 'out');
    runNight(dir, nights[0]!, out);
    // The lexicon changes (a word whose score moves and a word that gains one), and a new night arrives.
    writeFileSync(lexicon, 'awful\t-1\nnothing special\t-3\ngreat\t1\n');
    runNight(dir, nights[1]!, out);
    const m = manifestOf(out);
    expect(m.state.rescored).toBe(nights[0]!.length);
    const sentiment = m.state.change.meanSentiment!;
    expect(sentiment.fromLexicon).not.toBe(0);
    expect(sentiment.fromNewData).not.toBe(0);
    expect(sentiment.fromLexicon! + sentiment.fromNewData!).toBeCloseTo(sentiment.change!, 5);
    expect(m.state.change.meanRating!.fromLexicon).toBe(0);
    // The same as a fresh state that only ever knew the new lexicon.
    const fresh = join(dir, 'fresh');
    const unionOfTwo = [...new Map([...nights[0]!, ...nights[1]!].map((r) => [r.id, r])).values()];
    runNight(dir, unionOfTwo, fresh);
    expect(readReports(out, AGGREGATE_REPORTS)).toEqual(readReports(fresh, AGGREGATE_REPORTS));
    expect(stateRecords(join(out, 'tilfreds-state.sqlite'))).toEqual(stateRecords(join(fresh, 'tilfreds-state.sqlite')));

    // `tilfreds rescore` does it without reading any input.
    writeFileSync(lexicon, 'awful\t-5\n');
    copyFileSync(join(out, 'scored_reviews.csv'), join(dir, 'scored-before.csv'));
    const r = runTilfreds(['rescore', '--config', config, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { rescored: number; new: number; change: Record<string, { fromLexicon: number; fromNewData: number }> };
    expect(summary.rescored).toBe(unionOfTwo.length);
    expect(summary.new).toBe(0);
    expect(summary.change.meanSentiment!.fromNewData).toBe(0);
    expect(summary.change.meanSentiment!.fromLexicon).not.toBe(0);
    const again = runTilfreds(['rescore', '--config', config, '--out', out]);
    expect((JSON.parse(again.stdout) as { rescored: number }).rescored).toBe(0);
    // The per-record report of the last run stays as it was.
    expect(readFileSync(join(out, 'scored_reviews.csv'), 'utf8')).toBe(readFileSync(join(dir, 'scored-before.csv'), 'utf8'));
  });
});

describe('where the state lives', () => {
  it('at state.path (relative to the config file), or at --state, instead of beside the reports', () => {
    const dir = tempDir('nightly-path');
    const config = nightConfig(dir, { state: { path: 'state/nightly.sqlite' } });
    const out = join(dir, 'out');
    runNight(dir, nights[0]!, out);
    expect(existsSync(join(dir, 'state/nightly.sqlite'))).toBe(true);
    expect(existsSync(join(out, 'tilfreds-state.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'state/nightly.sqlite.lock'))).toBe(false);
    const elsewhere = join(dir, 'elsewhere.sqlite');
    const r = runTilfreds(['run', '--config', config, '--out', out, '--state', elsewhere]);
    expect(r.code, r.stderr).toBe(0);
    expect(manifestOf(out).state).toMatchObject({ path: elsewhere, new: nights[0]!.length });
    const both = runTilfreds(['run', '--config', config, '--state', elsewhere, '--stateless']);
    expect(both.code).toBe(2);
  });
});
