// Wide survey rows: inputs[].records validated with messages that name the field and the fix, and one row mapped
// to one record per answered group (ids `row#key`), blank groups skipped, row-level mistakes rejected once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { TilfredsError } from '../../src/errors.js';
import { csvColumnResolver } from '../../src/ingest/csv-source.js';
import { readJsonLines } from '../../src/ingest/jsonl-source.js';
import { compileRowMapper } from '../../src/ingest/map-fields.js';
import type { SourceItem } from '../../src/types.js';

const HEADER = ['id', 'date', 'nps_a', 'csat_a', 'comment_a', 'nps_b', 'comment_b'];

function config(input: Record<string, unknown>) {
  return validateConfig({ inputs: [{ name: 'survey', path: '/d/s.csv', product: { value: 'Shop' }, ...input }] }, '/d/c.json', 'h', '/d');
}

const groups = [
  { product: { value: 'A' }, nps: { column: 'nps_a' }, csat: { column: 'csat_a', scale: [5, 1], missing: ['9'] }, text: [{ column: 'comment_a' }] },
  { product: { value: 'B' }, nps: { column: 'nps_b' }, text: [{ column: 'comment_b' }] },
];

function mapRows(rows: string[][], input: Record<string, unknown> = {}): SourceItem[] {
  const spec = config({ id: { column: 'id' }, date: { column: 'date', format: 'DD.MM.YYYY' }, records: groups, ...input }).inputs[0]!;
  const map = compileRowMapper(spec, '/d/s.csv', csvColumnResolver(spec, '/d/s.csv', HEADER));
  const out: SourceItem[] = [];
  rows.forEach((row, i) => map(row, { input: 'survey', file: '/d/s.csv', line: i + 2 }, out));
  return out;
}

const summary = (items: SourceItem[]) =>
  items.map((i) => (i.kind === 'review' ? `${i.review.id} ${i.review.product} nps=${i.review.nps ?? ''} csat=${i.review.csat?.raw ?? ''} texts=${i.review.texts.length}` : `reject line ${i.reject.ref.line} ${i.reject.code} ${i.reject.field ?? ''}`));

function configMessage(json: Record<string, unknown>): string {
  try {
    config(json);
  } catch (e) {
    expect(e).toBeInstanceOf(TilfredsError);
    return (e as Error).message;
  }
  throw new Error('expected a config error');
}

describe('inputs[].records: one record per answered group', () => {
  it('gives each answered group a record with its own product, scores and texts, and the id row#key', () => {
    expect(summary(mapRows([['r1', '03.01.2025', '10', '1', 'Great', '6', 'Slow']]))).toEqual([
      'r1#A A nps=10 csat=1 texts=1',
      'r1#B B nps=6 csat= texts=1',
    ]);
  });

  it('skips a group whose answers are all blank, codes or placeholders: it is no record and no reject', () => {
    expect(summary(mapRows([['r2', '03.01.2025', '', '9', 'Nothing', '7', '']]))).toEqual(['r2#B B nps=7 csat= texts=0']);
  });

  it('rejects a row with no answered group once, as nothing-to-score', () => {
    expect(summary(mapRows([['r3', '03.01.2025', '', '', 'N/A', '', '-']]))).toEqual(['reject line 2 nothing-to-score ']);
  });

  it('rejects a bad answer for its group only, naming the group', () => {
    expect(summary(mapRows([['r4', '03.01.2025', '11', '', '', '8', 'Fine']]))).toEqual(['reject line 2 bad-nps A.nps', 'r4#B B nps=8 csat= texts=1']);
  });

  it('rejects a row-level mistake (the date) once, not once per group', () => {
    expect(summary(mapRows([['r5', '31.02.2025', '10', '1', 'Good', '9', 'Good']]))).toEqual(['reject line 2 bad-date date']);
  });

  it('a field the groups share does not make a blank group a record', () => {
    const items = mapRows([['r6', '03.01.2025', '9', '', '', '', '']], {
      nps: { column: 'nps_a' },
      records: [
        { key: 'a', product: { value: 'A' }, csat: { column: 'csat_a' }, text: [{ column: 'comment_a' }] },
        { key: 'b', product: { value: 'B' }, text: [{ column: 'comment_b' }] },
      ],
    });
    expect(summary(items)).toEqual(['reject line 2 nothing-to-score ']);
    const answered = mapRows([['r7', '03.01.2025', '9', '', 'Fine', '', '']], {
      nps: { column: 'nps_a' },
      records: [{ key: 'a', product: { value: 'A' }, text: [{ column: 'comment_a' }] }, { key: 'b', product: { value: 'B' }, text: [{ column: 'comment_b' }] }],
    });
    expect(summary(answered)).toEqual(['r7#a A nps=9 csat= texts=1']);
  });
});

describe('inputs[].records: config mistakes name the field and the fix', () => {
  it('an empty list', () => {
    expect(configMessage({ records: [] })).toMatch(/inputs\[0\]\.records: expected a non-empty array of record groups/);
  });

  it('a group without answers of its own', () => {
    expect(configMessage({ nps: { column: 'n' }, records: [{ product: { value: 'A' } }] })).toMatch(/inputs\[0\]\.records\[0\]: expected at least one of "nps", "csat", "rating" or "text" of its own/);
  });

  it('a key is needed when the product is not a constant', () => {
    expect(configMessage({ records: [{ product: { column: 'p' }, nps: { column: 'n' } }] })).toMatch(/records\[0\]\.key: expected a short name for the group .*#key/);
  });

  it('two groups with the same key', () => {
    expect(configMessage({ records: [{ product: { value: 'A' }, nps: { column: 'n' } }, { product: { value: 'A' }, csat: { column: 'c' } }] })).toMatch(
      /records\[1\]\.key: expected a key no other group has \(records\[0\] has "A"; set "key" to tell them apart\)/,
    );
  });

  it('an unknown key in a group suggests the nearest', () => {
    expect(configMessage({ records: [{ product: { value: 'A' }, nsp: { column: 'n' } }] })).toMatch(/records\[0\]\.nsp: unknown key; did you mean "nps"\?/);
  });

  it('output.minN must be a whole number ≥ 1', () => {
    expect(() => validateConfig({ output: { minN: 0 }, inputs: [{ path: 'x', product: { value: 'A' }, nps: { column: 'n' } }] }, '/d/c.json', 'h', '/d')).toThrow(/output\.minN: expected a whole number of answers, 1 or more/);
  });

  it('a column a group names must exist in the file', () => {
    const spec = config({ records: [{ product: { value: 'A' }, nps: { column: 'missing' } }] }).inputs[0]!;
    expect(() => compileRowMapper(spec, '/d/s.csv', csvColumnResolver(spec, '/d/s.csv', HEADER))).toThrow(/records\[0\]\.nps\.column: no column "missing"/);
  });
});

describe('inputs[].records: the input product', () => {
  it('is not needed when every group names its own', () => {
    const json = { inputs: [{ path: 'x', records: [{ product: { value: 'A' }, nps: { column: 'n' } }, { product: { value: 'B' }, nps: { column: 'm' } }] }] };
    expect(validateConfig(json, '/d/c.json', 'h', '/d').inputs[0]!.records!.map((g) => g.key)).toEqual(['A', 'B']);
  });

  it('is needed when a group falls back on it', () => {
    const json = { inputs: [{ path: 'x', records: [{ product: { value: 'A' }, nps: { column: 'n' } }, { key: 'b', nps: { column: 'm' } }] }] };
    expect(() => validateConfig(json, '/d/c.json', 'h', '/d')).toThrow(/inputs\[0\]\.product: expected/);
  });
});

describe('inputs[].records: nothing is lost, on random rows', () => {
  it('every row gives one item per answered group, or exactly one reject', () => {
    // A seeded generator (mulberry32): the same rows every run, many mixes of blank, coded, placeholder and bad cells.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const blankScore = new Set(['', ' ', '9']); // 9 is csat_a's "don't know" code
    const blankText = new Set(['', 'Nothing', '-', 'N/A']);
    const rows: string[][] = [];
    const expected: string[] = [];
    for (let i = 0; i < 500; i++) {
      const row = [`r${i}`, pick(['03.01.2025', '03.01.2025', '31.02.2025', '']), pick(['', '10', '5', '11', 'x']), pick(['', '1', '9', '7']), pick(['', 'Nothing', 'Great', '-']), pick(['', ' ', '0', '8']), pick(['', 'N/A', 'Slow'])];
      rows.push(row);
      const [, date, npsA, csatA, textA, npsB, textB] = row as [string, string, string, string, string, string, string];
      const answered = [!(blankScore.has(npsA) && blankScore.has(csatA) && blankText.has(textA)), !(blankScore.has(npsB) && blankText.has(textB))];
      const badDate = date !== '03.01.2025';
      if (!answered.includes(true)) expected.push(`${i}:nothing-to-score`);
      else if (badDate) expected.push(`${i}:${date === '' ? 'missing-date' : 'bad-date'}`);
      else {
        if (answered[0]) expected.push(`${i}:${npsA === '11' || npsA === 'x' ? 'bad-nps' : csatA === '7' ? 'bad-csat' : `r${i}#A`}`);
        if (answered[1]) expected.push(`${i}:r${i}#B`);
      }
    }
    const items = mapRows(rows);
    const actual = items.map((it) => `${(it.kind === 'review' ? it.review.ref.line : it.reject.ref.line) - 2}:${it.kind === 'review' ? it.review.id : it.reject.code}`);
    expect(actual).toEqual(expected);
    // The mix covers every outcome.
    for (const outcome of ['nothing-to-score', 'bad-date', 'missing-date', 'bad-nps', 'bad-csat', '#A', '#B']) expect(expected.some((e) => e.includes(outcome)), outcome).toBe(true);
  });
});

describe('inputs[].records in JSON Lines', () => {
  it('reads nested fields per group, through the JSON Lines adapter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilfreds-wide-'));
    const file = join(dir, 'survey.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 1, app: { nps: 9, comment: 'Fast' }, shop: { nps: 3, comment: 'Slow delivery' } }),
      JSON.stringify({ id: 2, app: { nps: null, comment: '' }, shop: { nps: 10, comment: 'Nei' } }),
      JSON.stringify({ id: 3, app: {}, shop: {} }),
    ].join('\n') + '\n');
    const spec = validateConfig({ inputs: [{ name: 'j', path: file, format: 'jsonl', id: { column: 'id' }, records: [
      { key: 'app', product: { value: 'App' }, nps: { column: 'app.nps' }, text: [{ column: 'app.comment' }] },
      { key: 'shop', product: { value: 'Shop' }, nps: { column: 'shop.nps' }, text: [{ column: 'shop.comment' }] },
    ] }] }, join(dir, 'c.json'), 'h', dir).inputs[0]!;
    const items: SourceItem[] = [];
    for await (const batch of readJsonLines(spec, file)) items.push(...batch);
    expect(summary(items)).toEqual(['1#app App nps=9 csat= texts=1', '1#shop Shop nps=3 csat= texts=1', '2#shop Shop nps=10 csat= texts=0', 'reject line 3 nothing-to-score ']);
  });
});
