// `tilfreds run --config F`: ingest → analyze → aggregate → report, then the summary on stdout.
import { EXIT } from '../errors.js';
import { log } from '../log.js';
import { runPipeline, type RunResult } from '../pipeline/run.js';
import { writeRunManifest } from '../report/run-manifest.js';
import { killPoint } from '../state/kill-point.js';
import { RunState, statePathOf } from '../state/run-state.js';
import { VERSION } from '../version.js';
import { loadedLexicons } from './lexicons.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';
import { textTable } from './text-table.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** read = scored + rejected + unchanged per input, as a table: the run's result is data, so it goes to stdout. */
export function summaryTable(result: RunResult): string {
  const rows = [['input', 'read', 'scored', 'rejected', 'unchanged', 'reject rate', 'limit']];
  for (const c of result.inputs) rows.push([c.input, String(c.read), String(c.scored), String(c.rejected), String(c.unchanged), pct(c.rejectRate), pct(c.maxRejectRate)]);
  const t = result.totals;
  rows.push(['total', String(t.read), String(t.scored), String(t.rejected), String(t.unchanged), pct(t.read ? t.rejected / t.read : 0), '']);
  return textTable(rows);
}

export async function runCommand(options: CliOptions): Promise<number> {
  const config = configFromOptions(options);
  const lexicons = loadedLexicons(config);
  const statePath = statePathOf(config);
  log.info({ config: config.file, inputs: config.inputs.length, out: config.output.dir, state: statePath ?? 'none' }, 'run started');
  const rangeBytes = process.env.TILFREDS_RANGE_BYTES ? Number(process.env.TILFREDS_RANGE_BYTES) : undefined;
  // The lock is taken once the config and lexicons are known good, so that a mistake never waits on it.
  const state = statePath === undefined ? undefined : RunState.open(config, statePath, log);
  let result: RunResult;
  let exitCode: number;
  let manifest: string;
  try {
    result = await runPipeline(config, log, { workers: config.workers, rangeBytes, state });
    exitCode = result.overRejectLimit.length ? EXIT.tooManyRejects : EXIT.ok;
    const stateSummary = state?.summary();
    manifest = writeRunManifest(config, result, lexicons, VERSION, exitCode, stateSummary);
    killPoint('manifest');
    state?.commit({ command: 'run', startedAt: result.timings.startedAt, toolVersion: VERSION, configSha256: config.hash, exitCode, summary: { totals: result.totals, state: stateSummary } });
  } finally {
    state?.close();
  }
  log.info({ ...result.totals, seconds: result.timings.seconds, recordsPerSecond: result.timings.recordsPerSecond, peakRssMB: result.timings.peakRssMB, manifest }, 'run finished');
  for (const input of result.overRejectLimit) {
    const c = result.inputs.find((x) => x.input === input)!;
    log.error({ input, rejectRate: c.rejectRate, maxRejectRate: c.maxRejectRate, byReason: c.byReason }, 'too many rejects: see rejects.csv');
  }
  process.stdout.write(summaryTable(result));
  return exitCode;
}
