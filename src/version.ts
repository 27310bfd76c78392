import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The scoring rules' version: bump it when a change to the scorer's code (not its lexicon files, which are hashed)
 *  changes any score, so that the records kept in the state are scored again on the next run. */
export const SCORER_RULES_VERSION = '2';
