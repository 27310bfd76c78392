// The package root, found from this file whether it runs as source (src/) or compiled (dist/src/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lexicons'))) return dir;
    if (dirname(dir) === dir) throw new Error(`tilfreds: cannot find the package root above ${from}`);
  }
}

export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));
export const LEXICONS_DIR: string = join(PACKAGE_ROOT, 'lexicons');
