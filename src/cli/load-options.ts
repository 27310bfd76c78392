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
  let workers = config.workers;
  if (options.workers !== undefined) {
    workers = Number(options.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new TilfredsError('usage', `--workers: expected a whole number of threads, 1 or more, found "${options.workers}"`);
  }
  if (options.state !== undefined && options.stateless) throw new TilfredsError('usage', '--state and --stateless: give one of them');
  const state = options.stateless ? false : options.state !== undefined ? { path: resolve(options.state) } : config.state;
  return { ...config, workers, state, output: { ...config.output, dir, ...outputOverrides(options) } };
}
