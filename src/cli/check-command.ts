// `tilfreds check --config F`: validate the config and the lexicons, print the resolved config to stdout.
import { configToJson } from '../config/load.js';
import { EXIT } from '../errors.js';
import { statePathOf } from '../state/run-state.js';
import { loadedLexicons } from './lexicons.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';

export async function checkCommand(options: CliOptions): Promise<number> {
  const config = configFromOptions(options);
  // `lexicons` is the config's own term files; `packs` the packs a run would score with, user files layered in;
  // `state` the state file a run would use (the default resolved), or false.
  const packs = loadedLexicons(config);
  const statePath = statePathOf(config);
  process.stdout.write(configToJson({ ...config, state: statePath === undefined ? false : { path: statePath }, packs } as typeof config) + '\n');
  return EXIT.ok;
}
