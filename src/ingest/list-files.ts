// Expands an input's path: `*` and `?` wildcards in the file name part; folders are taken literally.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputConfig } from '../config/schema.js';
import { TilfredsError } from '../errors.js';

function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The files of an input, sorted so that runs are deterministic. A missing file or folder is a user mistake. */
export function listFiles(input: InputConfig): string[] {
  const dir = dirname(input.path);
  const name = basename(input.path);
  if (/[*?]/.test(dir)) {
    throw new TilfredsError('input', `input "${input.name}": wildcards are allowed in the file name only, not in the folder: ${input.path}`);
  }
  if (!/[*?]/.test(name)) {
    try {
      if (!statSync(input.path).isFile()) throw new Error('not a file');
    } catch {
      throw new TilfredsError('input', `input "${input.name}": no such file: ${input.path}`);
    }
    return [input.path];
  }
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new TilfredsError('input', `input "${input.name}": no such folder: ${dir}`);
  }
  const re = wildcardToRegExp(name);
  // A dangling symlink (a half-synced dump folder) is not a file: skipped, like a folder.
  const isFile = (f: string) => statSync(f, { throwIfNoEntry: false })?.isFile() ?? false;
  const files = entries.filter((e) => re.test(e)).sort().map((e) => join(dir, e)).filter(isFile);
  if (!files.length) throw new TilfredsError('input', `input "${input.name}": no file matches ${input.path}`);
  return files;
}
