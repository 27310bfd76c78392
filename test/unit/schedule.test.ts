// The results of scheduled jobs must not outlive their callers' use of them (see src/pipeline/schedule.ts): run
// in a child process with the collector exposed: 40 jobs of 4 MB each, queued at once, awaited in order and
// dropped one by one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built module (npm test builds before it runs vitest), as the CLI runs it.
const moduleUrl = new URL('../../dist/src/pipeline/schedule.js', import.meta.url).href;
const pQueueUrl = import.meta.resolve('p-queue');

function liveMegabytesAfter(how: 'schedule' | 'p-queue'): number {
  const script = `
    const { default: PQueue } = await import(${JSON.stringify(pQueueUrl)});
    const { schedule } = await import(${JSON.stringify(moduleUrl)});
    const queue = new PQueue({ concurrency: 2 });
    let open;
    const gate = new Promise((r) => (open = r));
    // As the runner does: every job queued at once, the results awaited in order and each let go once used,
    // while later jobs are still waiting (here: the last 10 wait for a gate).
    const job = (i) => async () => {
      if (i >= 30) await gate;
      return new Uint8Array(4 << 20).fill(1);
    };
    const results = [];
    for (let i = 0; i < 40; i++) results.push(${how === 'schedule' ? 'schedule(queue, job(i))' : 'queue.add(job(i))'});
    for (let i = 0; i < 30; i++) {
      (await results[i]).length;
      results[i] = undefined;
    }
    globalThis.gc(); await new Promise((r) => setTimeout(r, 10)); globalThis.gc();
    console.log(Math.round(process.memoryUsage().arrayBuffers / 1048576));
    open();
    await Promise.all(results.slice(30));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim());
}

describe('schedule', () => {
  it('lets a finished job’s result go once the caller drops it (p-queue alone keeps them all)', () => {
    expect(liveMegabytesAfter('schedule')).toBeLessThan(20);
    // The trap it avoids, so that this test notices if p-queue changes: 40 × 4 MB stay alive.
    expect(liveMegabytesAfter('p-queue')).toBeGreaterThan(100);
  });
});
