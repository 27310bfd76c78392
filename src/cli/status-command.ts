// `tilfreds status --config F [--json]`: what the state holds, read without the lock (WAL readers never wait on
// a run): the last finished run, the records per input, the input files seen with their checksums, the size.
import { existsSync } from 'node:fs';
import { EXIT, TilfredsError } from '../errors.js';
import { statePathOf } from '../state/run-state.js';
import { StateStore } from '../state/store.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';
import { textTable } from './text-table.js';

export async function statusCommand(options: CliOptions & { json?: boolean }): Promise<number> {
  const config = configFromOptions(options);
  const path = statePathOf(config);
  if (path === undefined) throw new TilfredsError('usage', `${config.file}: "state": false, so there is no state to show. Fix: remove "state": false (or give "state": { "path": … }) and run tilfreds run`);
  if (!existsSync(path)) throw new TilfredsError('usage', `no state at ${path} yet. Fix: run \`tilfreds run --config ${options.config}\` first (or check output.dir / state.path)`);
  const store = new StateStore(path, { readonly: true });
  try {
    const status = { state: path, bytes: store.sizeBytes(), lastRun: store.lastRun() ?? null, inputs: store.countsByInput(), files: store.files() };
    if (options.json) {
      process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      return EXIT.ok;
    }
    const last = status.lastRun;
    const lines = [
      `state      ${path} (${(status.bytes / 1024 / 1024).toFixed(1)} MB)`,
      last ? `last run   #${last.id} ${last.command}, ${last.startedAt} → ${last.finishedAt}, exit ${last.exitCode}, tilfreds ${last.toolVersion}, scorer ${last.scorer}` : 'last run   none finished yet',
      '',
      textTable([['input', 'records', 'scorers'], ...status.inputs.map((i) => [i.input, String(i.records), String(i.scorers)])]).trimEnd(),
      '',
      textTable([['input', 'file', 'sha256', 'bytes', 'records', 'first run', 'last run'], ...status.files.map((f) => [f.input, f.file, f.sha256.slice(0, 16), String(f.bytes), String(f.records), `#${f.firstRun}`, `#${f.lastRun}`])]).trimEnd(),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return EXIT.ok;
  } finally {
    store.close();
  }
}
