// `tilfreds rescore --config F`: scores the stored records again with the current lexicons and rules (only those
// another version scored) and rewrites the aggregate CSV reports, without reading any input. A run does the same
// before it reads tonight's inputs; this is for doing it at once after changing a lexicon. stdout: the state
// summary as JSON, with each metric's change from the new lexicon.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, TilfredsError } from '../errors.js';
import { log } from '../log.js';
import { aggregateCsvFiles, writeAggregateReports } from '../pipeline/run.js';
import { RunState, statePathOf } from '../state/run-state.js';
import { VERSION } from '../version.js';
import { loadedLexicons } from './lexicons.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';

export async function rescoreCommand(options: CliOptions): Promise<number> {
  const config = configFromOptions(options);
  loadedLexicons(config);
  const path = statePathOf(config);
  if (path === undefined) throw new TilfredsError('usage', `${config.file}: "state": false, so there are no stored records to rescore`);
  const started = new Date().toISOString();
  const state = RunState.open(config, path, log);
  const tmp = join(config.output.dir, `.tilfreds-tmp-${process.pid}`);
  try {
    mkdirSync(tmp, { recursive: true });
    await writeAggregateReports(config, state.aggregate(config), (name) => join(tmp, name));
    // The CSV tables only: report.xlsx and report.html also show a run's inputs and rejects, and the next run
    // writes them again.
    for (const name of aggregateCsvFiles(config)) renameSync(join(tmp, name), join(config.output.dir, name));
    const summary = state.summary();
    state.commit({ command: 'rescore', startedAt: started, toolVersion: VERSION, configSha256: config.hash, exitCode: EXIT.ok, summary: { state: summary } });
    log.info({ rescored: summary.rescored, scorer: summary.scorer }, 'rescore finished');
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return EXIT.ok;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    state.close();
  }
}
