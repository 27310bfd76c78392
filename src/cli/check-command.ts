// `tilfreds check --config F`: validate the config and the lexicons, print the resolved config to stdout.
import { configToJson } from '../config/load.js';
import { EXIT } from '../errors.js';
import { loadedLexicons } from './lexicons.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';

export async function checkCommand(options: CliOptions): Promise<number> {
  const config = configFromOptions(options);
  // `lexicons` is the config's own term files; `packs` the packs a run would score with, user files layered in.
  const packs = loadedLexicons(config);
  process.stdout.write(configToJson({ ...config, packs } as typeof config) + '\n');
  return EXIT.ok;
}
