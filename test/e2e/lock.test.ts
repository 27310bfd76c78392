// One run at a time: a second run while the first holds the state's lock exits 4 with a message naming the
// holder and writes nothing; the lock of a run that is gone is taken over.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';
import { manifestOf, nightConfig, nightRecords, runTilfreds, writeDump } from '../support/nightly.js';

const STATE = 'tilfreds-state.sqlite';

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the lock', () => {
  it('a second run while the first one runs exits 4, names the holder and writes nothing', async () => {
    const dir = tempDir('lock-e2e');
    const config = nightConfig(dir);
    writeDump(join(dir, 'dump.jsonl'), nightRecords(30_000));
    const out = join(dir, 'out');
    const first = spawn(process.execPath, [CLI, 'run', '--config', config, '--out', out, '--workers', '1'], { stdio: 'ignore' });
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', resolve));
    await until(() => existsSync(join(out, `${STATE}.lock`)), 30_000);
    const second = runTilfreds(['run', '--config', config, '--out', out]);
    expect(second.code, second.stderr).toBe(4);
    expect(second.stderr).toContain(`another tilfreds run holds the lock ${join(out, `${STATE}.lock`)} (pid ${first.pid} on ${hostname()}`);
    expect(second.stdout).toBe('');
    expect(await firstExit).toBe(0);
    // The first run's reports and lock handling are its own: nothing of the second is left.
    expect(readdirSync(out).sort()).toEqual(['alerts.csv', 'drivers.csv', 'pain_points.csv', 'product_trends.csv', 'rejects.csv', 'report.html', 'report.xlsx', 'run.json', 'scored_reviews.csv', 'survey_questions.csv', STATE]);
    expect(manifestOf(out).totals.scored).toBe(30_000);
  }, 120_000);

  it('a lock left by a process that is gone is taken over, with a warning', () => {
    const dir = tempDir('lock-stale');
    const config = nightConfig(dir);
    writeDump(join(dir, 'dump.jsonl'), nightRecords(50));
    const out = join(dir, 'out');
    const lock = join(out, `${STATE}.lock`);
    runTilfreds(['run', '--config', config, '--out', out]);
    // A pid above Linux's largest (2^22): no process has it.
    writeFileSync(lock, JSON.stringify({ pid: 4_194_304 + 17, host: hostname(), startedAt: '2026-01-01T02:00:00.000Z' }));
    const r = runTilfreds(['run', '--config', config, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('took over the lock of a run that is gone');
    expect(existsSync(lock)).toBe(false);
  });
});
