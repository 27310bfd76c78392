// Reads a config file, fails fast with a message that names the field and the fix.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configError } from '../errors.js';
import type { Config } from './schema.js';
import { validateConfig } from './validate.js';

export function loadConfig(path: string): Config {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw configError(`config: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw configError(`config: ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  return validateConfig(json, file, hash, dirname(file));
}

/** The resolved config as JSON (regexes as their source), for `tilfreds check` and run.json. */
export function configToJson(config: Config): string {
  return JSON.stringify(config, (_key, value: unknown) => (value instanceof RegExp ? value.source : value instanceof Map ? Object.fromEntries(value) : value), 2);
}
