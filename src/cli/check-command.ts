// `tilfreds check --config F`: validate the config and the lexicons, print the resolved config to stdout.
import { configToJson } from '../config/load.js';
import { EXIT } from '../errors.js';
import { loadedLexicons } from './lexicons.js';
import type { CliOptions } from './main.js';
import { configFromOptions } from './load-options.js';

export async function checkCommand(options: CliOptions): Promise<number> {
  const config = configFromOptions(options);
  const lexicons = loadedLexicons();
  process.stdout.write(configToJson({ ...config, lexicons } as typeof config) + '\n');
  return EXIT.ok;
}
