// --config plus command-line overrides → a validated Config.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { outputOverrides } from '../config/validate.js';
import { TilfredsError } from '../errors.js';
import type { CliOptions } from './main.js';

export function configFromOptions(options: CliOptions): Config {
  if (!options.config) throw new TilfredsError('usage', 'missing --config FILE (e.g. tilfreds run --config data/sample/tilfreds.config.json)');
  const config = loadConfig(options.config);
  const dir = options.out === undefined ? config.output.dir : resolve(options.out);
  return { ...config, output: { ...config.output, dir, ...outputOverrides(options) } };
}
