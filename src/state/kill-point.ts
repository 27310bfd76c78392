// Test hook for the crash-safety tests: TILFREDS_TEST_KILL_AT=<point>[:<n>] makes the process SIGKILL itself the
// n-th time (default the first) it passes the named point, as `kill -9` would at that moment. Deterministic,
// unlike a timed kill. Points: locked, rescore, score, import, aggregate, reports, manifest, commit. Passes are
// counted per thread: `score` is passed in whichever worker thread scores a batch first.
const wanted = process.env.TILFREDS_TEST_KILL_AT?.match(/^([a-z-]+)(?::(\d+))?$/);
const passes = new Map<string, number>();

export function killPoint(name: string): void {
  if (!wanted || wanted[1] !== name) return;
  const n = (passes.get(name) ?? 0) + 1;
  passes.set(name, n);
  if (n === Number(wanted[2] ?? 1)) process.kill(process.pid, 'SIGKILL');
}
