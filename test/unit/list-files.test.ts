import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputConfig } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { TilfredsError } from '../../src/errors.js';
import { listFiles } from '../../src/ingest/list-files.js';

let root: string;
let dumps: string;

/** A real InputConfig for `path` (relative paths resolve against `root`, as against a config file's folder). */
function inputFor(path: string): InputConfig {
  const json = { inputs: [{ name: 'shop', path, product: { value: 'Shop' }, text: [{ column: 'body' }] }] };
  return validateConfig(json, join(root, 'tilfreds.config.json'), 'hash', root).inputs[0]!;
}

function listError(path: string): TilfredsError {
  try {
    listFiles(inputFor(path));
  } catch (e) {
    expect(e).toBeInstanceOf(TilfredsError);
    return e as TilfredsError;
  }
  throw new Error(`expected listFiles(${path}) to throw`);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tilfreds-list-files-'));
  dumps = join(root, 'dumps');
  mkdirSync(join(dumps, 'sub.csv'), { recursive: true }); // a folder whose name matches *.csv
  mkdirSync(join(root, 'a1'), { recursive: true });
  mkdirSync(join(root, 'a2'), { recursive: true });
  for (const name of ['reviews-2025-02.csv', 'reviews-2025-01.csv', 'b.csv', 'a.csv', 'notes.txt', 'x.csv.bak', 'xcsv', 'reviews (1).csv']) {
    writeFileSync(join(dumps, name), 'body\nfine\n');
  }
  writeFileSync(join(root, 'a1', 'x.csv'), 'body\n');
  writeFileSync(join(root, 'a2', 'x.csv'), 'body\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listFiles', () => {
  it('a plain file is itself', () => {
    expect(listFiles(inputFor('dumps/a.csv'))).toEqual([join(dumps, 'a.csv')]);
    expect(listFiles(inputFor(join(dumps, 'reviews (1).csv')))).toEqual([join(dumps, 'reviews (1).csv')]);
  });

  it('a missing file is an input TilfredsError naming the path', () => {
    const e = listError('dumps/missing.csv');
    expect(e.code).toBe('input');
    expect(e.message).toContain(join(dumps, 'missing.csv'));
  });

  it('a folder given as the file is an error', () => {
    expect(listError('dumps/sub.csv').code).toBe('input');
  });

  it('*.csv: the matching files, sorted, without folders or near misses', () => {
    expect(listFiles(inputFor('dumps/*.csv'))).toEqual(
      ['a.csv', 'b.csv', 'reviews (1).csv', 'reviews-2025-01.csv', 'reviews-2025-02.csv'].map((f) => join(dumps, f)),
    );
  });

  it('wildcards in the middle of the name, and ?', () => {
    expect(listFiles(inputFor('dumps/reviews-*.csv'))).toEqual(
      ['reviews-2025-01.csv', 'reviews-2025-02.csv'].map((f) => join(dumps, f)),
    );
    expect(listFiles(inputFor('dumps/?.csv'))).toEqual(['a.csv', 'b.csv'].map((f) => join(dumps, f)));
    // Regex characters in the name are literal: ( ) and . are not special.
    expect(listFiles(inputFor('dumps/reviews (?).csv'))).toEqual([join(dumps, 'reviews (1).csv')]);
  });

  it('no match is an input error', () => {
    const e = listError('dumps/*.json');
    expect(e.code).toBe('input');
    expect(e.message).toContain('*.json');
  });

  it('a wildcard in a missing folder is an input error', () => {
    expect(listError('nowhere/*.csv').code).toBe('input');
  });

  it('a wildcard in the folder part is an error, even when folders would match', () => {
    const e = listError('a?/x.csv');
    expect(e.code).toBe('input');
    expect(e.message).toMatch(/folder/);
    expect(listError('*/x.csv').code).toBe('input');
  });

  // Regression: a dangling symlink matching the wildcard used to crash the run (raw ENOENT, exit 1).
  it('a dangling symlink that matches the wildcard is skipped, not a crash', () => {
    const folder = join(root, 'dumps2');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.csv'), 'body\n');
    symlinkSync(join(folder, 'gone.csv'), join(folder, 'broken.csv'));
    expect(listFiles(inputFor('dumps2/*.csv'))).toEqual([join(folder, 'a.csv')]);
  });
});
