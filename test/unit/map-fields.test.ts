import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputConfig } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { TilfredsError } from '../../src/errors.js';
import { csvColumnResolver } from '../../src/ingest/csv-source.js';
import { jsonColumnResolver } from '../../src/ingest/json-fields.js';
import { compileMapper, type RecordMapper } from '../../src/ingest/map-fields.js';
import type { Reject, Review, SourceItem, SourceRef } from '../../src/types.js';

const DIR = '/data/dumps';
const CSV_FILE = `${DIR}/reviews.csv`;
const JSON_FILE = `${DIR}/reviews.json`;

/** A real InputConfig, through the validator (defaults filled in), from the JSON a user would write. */
function inputFrom(spec: Record<string, unknown>, path: string = CSV_FILE): InputConfig {
  const json = { inputs: [{ name: 'in', path, ...spec }] };
  return validateConfig(json, '/data/tilfreds.config.json', 'hash', '/data').inputs[0]!;
}

/** A CSV mapper for one header; the spec gets a constant product unless it names one. */
function csvMapper(spec: Record<string, unknown>, header: string[], file: string = CSV_FILE): RecordMapper {
  const input = inputFrom({ product: { value: 'Shop' }, ...spec }, file);
  return compileMapper(input, file, csvColumnResolver(input, file, header));
}

function jsonMapper(spec: Record<string, unknown>, file: string = JSON_FILE): RecordMapper {
  const input = inputFrom({ format: 'json', product: { value: 'Shop' }, ...spec }, file);
  return compileMapper(input, file, jsonColumnResolver(input));
}

const csvRef = (line: number): SourceRef => ({ input: 'in', file: CSV_FILE, line });
const jsonRef = (line: number, element: number): SourceRef => ({ input: 'in', file: JSON_FILE, line, element });

function review(item: SourceItem): Review {
  if (item.kind !== 'review') throw new Error(`expected a review, got reject ${JSON.stringify(item.reject)}`);
  return item.review;
}

function rejected(item: SourceItem): Reject {
  if (item.kind !== 'reject') throw new Error(`expected a reject, got review ${JSON.stringify(item.review)}`);
  return item.reject;
}

describe('compileMapper: id', () => {
  const header = ['review_id', 'body'];

  it('takes the id from a column, trimmed', () => {
    const map = csvMapper({ id: { column: 'review_id' }, text: [{ column: 'body' }] }, header);
    expect(review(map([' r-7 ', 'Fine'], csvRef(2))).id).toBe('r-7');
  });

  it('rejects a blank id column as missing-id with the field and raw value', () => {
    const map = csvMapper({ id: { column: 'review_id' }, text: [{ column: 'body' }] }, header);
    const r = rejected(map(['  ', 'Fine'], csvRef(5)));
    expect(r).toMatchObject({ code: 'missing-id', field: 'id', actual: '  ', ref: csvRef(5) });
  });

  it('derives the id from file name and physical line by default (reviews.csv:42)', () => {
    const map = csvMapper({ text: [{ column: 'body' }] }, header);
    expect(review(map(['x', 'Fine'], csvRef(42))).id).toBe('reviews.csv:42');
    const explicit = csvMapper({ id: { from: 'line' }, text: [{ column: 'body' }] }, header);
    expect(review(explicit(['x', 'Fine'], csvRef(7))).id).toBe('reviews.csv:7');
  });

  it('uses the element number for records of a JSON document (reviews.json#3)', () => {
    const map = jsonMapper({ id: { from: 'line' }, text: [{ column: 'body' }] });
    expect(review(map({ body: 'Fine' }, jsonRef(1, 3))).id).toBe('reviews.json#3');
    expect(review(map({ body: 'Fine' }, jsonRef(1, 4))).id).toBe('reviews.json#4');
  });

  it('from hash: only an exact repeat shares the id, wherever it appears', () => {
    const map = csvMapper({ id: { from: 'hash' }, text: [{ column: 'body' }] }, header);
    const a = review(map(['1', 'Great stuff'], csvRef(2))).id;
    const again = review(map(['1', 'Great stuff'], csvRef(90))).id;
    const other = review(map(['1', 'Great stuff!'], csvRef(3))).id;
    const otherColumn = review(map(['2', 'Great stuff'], csvRef(4))).id;
    expect(a).toMatch(/^[0-9a-f]{8,}$/);
    expect(again).toBe(a);
    expect(other).not.toBe(a);
    expect(otherColumn).not.toBe(a);
    // Field boundaries count: "ab" + "c" is not "a" + "bc".
    expect(review(map(['ab', 'c'], csvRef(5))).id).not.toBe(review(map(['a', 'bc'], csvRef(6))).id);
  });

  it('from hash on JSON records', () => {
    const map = jsonMapper({ id: { from: 'hash' }, text: [{ column: 'body' }] });
    const a = review(map({ body: 'Fine', stars: 4 }, jsonRef(1, 0))).id;
    expect(review(map({ body: 'Fine', stars: 4 }, jsonRef(9, 7))).id).toBe(a);
    expect(review(map({ body: 'Fine', stars: 5 }, jsonRef(1, 1))).id).not.toBe(a);
  });
});

describe('compileMapper: product', () => {
  it('a constant value', () => {
    const map = csvMapper({ product: { value: 'Web shop' }, text: [{ column: 'body' }] }, ['body']);
    expect(review(map(['Fine'], csvRef(2))).product).toBe('Web shop');
  });

  it('a column, trimmed; blank is missing-product', () => {
    const map = csvMapper({ product: { column: 'product_name' }, text: [{ column: 'body' }] }, ['product_name', 'body']);
    expect(review(map([' Kettle ', 'Fine'], csvRef(2))).product).toBe('Kettle');
    expect(rejected(map(['', 'Fine'], csvRef(3)))).toMatchObject({ code: 'missing-product', field: 'product', actual: '' });
  });

  it('a column and a pattern: the first capture group', () => {
    const map = csvMapper(
      { product: { column: 'url', pattern: 'host=([^&]+)' }, text: [{ column: 'body' }] },
      ['url', 'body'],
    );
    expect(review(map(['https://x.example/r?host=shop.no&page=2', 'Fine'], csvRef(2))).product).toBe('shop.no');
  });

  it('a column and a pattern that does not match: missing-product with the raw value', () => {
    const map = csvMapper(
      { product: { column: 'url', pattern: 'host=([^&]+)' }, text: [{ column: 'body' }] },
      ['url', 'body'],
    );
    const r = rejected(map(['https://x.example/r?page=2', 'Fine'], csvRef(8)));
    expect(r).toMatchObject({ code: 'missing-product', field: 'product', actual: 'https://x.example/r?page=2', ref: csvRef(8) });
  });

  it('a JSON product that is not a scalar is bad-type', () => {
    const map = jsonMapper({ product: { column: 'item' }, text: [{ column: 'body' }] });
    expect(rejected(map({ item: { sku: 1 }, body: 'Fine' }, jsonRef(1, 0)))).toMatchObject({
      code: 'bad-type',
      field: 'product',
      actual: '{"sku":1}',
    });
    expect(review(map({ item: 1234, body: 'Fine' }, jsonRef(1, 1))).product).toBe('1234');
  });

  it('the file name without extension', () => {
    const file = `${DIR}/acme_reviews.csv`;
    const map = csvMapper({ product: { from: 'filename' }, text: [{ column: 'body' }] }, ['body'], file);
    expect(review(map(['Fine'], { input: 'in', file, line: 2 })).product).toBe('acme_reviews');
  });

  it('the file name through a pattern', () => {
    const file = `${DIR}/acme_reviews.csv`;
    const map = csvMapper(
      { product: { from: 'filename', pattern: '^(.+)_reviews\\.csv$' }, text: [{ column: 'body' }] },
      ['body'],
      file,
    );
    expect(review(map(['Fine'], { input: 'in', file, line: 2 })).product).toBe('acme');
  });

  it('a file name pattern that does not match the file name is a config error', () => {
    const file = `${DIR}/acme-export.csv`;
    let error: unknown;
    try {
      csvMapper({ product: { from: 'filename', pattern: '^(.+)_reviews\\.csv$' }, text: [{ column: 'body' }] }, ['body'], file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TilfredsError);
    expect((error as TilfredsError).code).toBe('config');
    expect((error as TilfredsError).message).toContain('acme-export.csv');
  });

  it('an unknown column is a config error naming it', () => {
    expect(() => csvMapper({ product: { column: 'prodcut' }, text: [{ column: 'body' }] }, ['product', 'body'])).toThrow(TilfredsError);
  });
});

describe('compileMapper: dates', () => {
  const header = ['created', 'body'];
  const withDate = (date: Record<string, unknown>) => csvMapper({ date, text: [{ column: 'body' }] }, header);

  it('a pattern format', () => {
    const map = withDate({ column: 'created', format: 'DD.MM.YYYY' });
    expect(review(map(['07.02.2025', 'Fine'], csvRef(2))).date).toBe('2025-02-07');
  });

  it('iso', () => {
    const map = withDate({ column: 'created', format: 'iso' });
    expect(review(map(['2025-02-07T23:30:00Z', 'Fine'], csvRef(2))).date).toBe('2025-02-07');
    expect(review(map(['2024-02-29', 'Fine'], csvRef(3))).date).toBe('2024-02-29');
  });

  it('epoch seconds from a JSON number', () => {
    const map = jsonMapper({ date: { column: 'unixReviewTime', format: 'epoch' }, text: [{ column: 'body' }] });
    // 1700000000 = 2023-11-14T22:13:20Z; 1420070400 = 2015-01-01T00:00:00Z
    expect(review(map({ unixReviewTime: 1_700_000_000, body: 'Fine' }, jsonRef(1, 0))).date).toBe('2023-11-14');
    expect(review(map({ unixReviewTime: 1_420_070_400, body: 'Fine' }, jsonRef(2, 1))).date).toBe('2015-01-01');
  });

  it('year, month and day columns (JSON numbers and CSV strings)', () => {
    const json = jsonMapper({ date: { columns: { year: 'y', month: 'm', day: 'd' } }, text: [{ column: 'body' }] });
    expect(review(json({ y: 2018, m: 3, d: 14, body: 'Fine' }, jsonRef(1, 0))).date).toBe('2018-03-14');
    const csv = csvMapper({ date: { columns: { year: 'y', month: 'm', day: 'd' } }, text: [{ column: 'body' }] }, ['y', 'm', 'd', 'body']);
    expect(review(csv(['2019', '12', '1', 'Fine'], csvRef(2))).date).toBe('2019-12-01');
  });

  it('a blank date with required (the default) is missing-date', () => {
    const map = withDate({ column: 'created', format: 'DD.MM.YYYY' });
    expect(rejected(map(['  ', 'Fine'], csvRef(4)))).toMatchObject({ code: 'missing-date', field: 'date', actual: '  ', ref: csvRef(4) });
    const parts = jsonMapper({ date: { columns: { year: 'y', month: 'm', day: 'd' } }, text: [{ column: 'body' }] });
    expect(rejected(parts({ y: 2018, m: null, d: 14, body: 'Fine' }, jsonRef(1, 0)))).toMatchObject({ code: 'missing-date', field: 'date' });
  });

  it('a blank date with required: false is undated, not a reject', () => {
    const map = withDate({ column: 'created', format: 'DD.MM.YYYY', required: false });
    const r = review(map(['', 'Fine'], csvRef(2)));
    expect(r.date).toBeUndefined();
    const parts = jsonMapper({ date: { columns: { year: 'y', month: 'm', day: 'd' }, required: false }, text: [{ column: 'body' }] });
    expect(review(parts({ body: 'Fine' }, jsonRef(1, 0))).date).toBeUndefined();
  });

  it('required: false does not excuse an impossible date', () => {
    const map = withDate({ column: 'created', format: 'DD.MM.YYYY', required: false });
    expect(rejected(map(['31.02.2025', 'Fine'], csvRef(2)))).toMatchObject({ code: 'bad-date', actual: '31.02.2025' });
  });

  it('impossible dates are bad-date with the raw value', () => {
    const pattern = withDate({ column: 'created', format: 'DD.MM.YYYY' });
    expect(rejected(pattern(['31.02.2025', 'Fine'], csvRef(2)))).toMatchObject({ code: 'bad-date', field: 'date', actual: '31.02.2025', ref: csvRef(2) });
    expect(rejected(pattern(['29.02.2023', 'Fine'], csvRef(3)))).toMatchObject({ code: 'bad-date', actual: '29.02.2023' });
    expect(rejected(pattern(['2025-02-07', 'Fine'], csvRef(4)))).toMatchObject({ code: 'bad-date', actual: '2025-02-07' });
    const iso = withDate({ column: 'created', format: 'iso' });
    expect(rejected(iso(['2025-13-01', 'Fine'], csvRef(5)))).toMatchObject({ code: 'bad-date', field: 'date', actual: '2025-13-01' });
    const parts = jsonMapper({ date: { columns: { year: 'y', month: 'm', day: 'd' } }, text: [{ column: 'body' }] });
    const r = rejected(parts({ y: 2025, m: 2, d: 30, body: 'Fine' }, jsonRef(1, 0)));
    expect(r).toMatchObject({ code: 'bad-date', field: 'date' });
    expect(r.actual).toContain('2025');
    expect(r.actual).toContain('30');
  });

  it('a JSON date that is an object is bad-date, not a crash', () => {
    const map = jsonMapper({ date: { column: 'when', format: 'iso' }, text: [{ column: 'body' }] });
    expect(rejected(map({ when: { $date: '2025-01-01' }, body: 'Fine' }, jsonRef(1, 0)))).toMatchObject({
      code: 'bad-date',
      field: 'date',
      actual: '{"$date":"2025-01-01"}',
    });
  });
});

describe('compileMapper: rating', () => {
  const header = ['stars', 'body'];
  const withRating = (rating: Record<string, unknown>) => csvMapper({ rating, text: [{ column: 'body' }] }, header);

  it('on [1, 5], raw beside the 0–1 normalisation', () => {
    const map = withRating({ column: 'stars', scale: [1, 5] });
    expect(review(map(['4', 'Fine'], csvRef(2))).rating).toEqual({ raw: 4, norm: 0.75 });
    expect(review(map(['1', 'Fine'], csvRef(3))).rating).toEqual({ raw: 1, norm: 0 });
    expect(review(map(['5', 'Fine'], csvRef(4))).rating).toEqual({ raw: 5, norm: 1 });
  });

  it('on an inverted scale [5, 1], 5 is worst', () => {
    const map = withRating({ column: 'stars', scale: [5, 1] });
    expect(review(map(['5', 'Fine'], csvRef(2))).rating).toEqual({ raw: 5, norm: 0 });
    expect(review(map(['1', 'Fine'], csvRef(3))).rating).toEqual({ raw: 1, norm: 1 });
    expect(review(map(['2', 'Fine'], csvRef(4))).rating).toEqual({ raw: 2, norm: 0.75 });
  });

  it('missing codes are no answer, not a reject and not a score', () => {
    const map = withRating({ column: 'stars', scale: [1, 5], missing: ['6', 'NA'] });
    expect(review(map(['6', 'Fine'], csvRef(2))).rating).toBeUndefined();
    expect(review(map(['NA', 'Fine'], csvRef(3))).rating).toBeUndefined();
    expect(review(map(['', 'Fine'], csvRef(4))).rating).toBeUndefined();
  });

  it('a pattern extracts the number: __label__(\\d) on "__label__5 "', () => {
    const map = withRating({ column: 'stars', scale: [1, 5], pattern: '__label__(\\d)' });
    expect(review(map(['__label__5 ', 'Fine'], csvRef(2))).rating).toEqual({ raw: 5, norm: 1 });
    expect(review(map(['__label__2', 'Fine'], csvRef(3))).rating).toEqual({ raw: 2, norm: 0.25 });
    expect(rejected(map(['label 5', 'Fine'], csvRef(4)))).toMatchObject({ code: 'bad-rating', field: 'rating', actual: 'label 5' });
  });

  it('out of scale is bad-rating with the raw value', () => {
    const map = withRating({ column: 'stars', scale: [1, 5] });
    expect(rejected(map(['6', 'Fine'], csvRef(2)))).toMatchObject({ code: 'bad-rating', field: 'rating', actual: '6', ref: csvRef(2) });
    expect(rejected(map(['0', 'Fine'], csvRef(3)))).toMatchObject({ code: 'bad-rating', actual: '0' });
    expect(rejected(map(['five', 'Fine'], csvRef(4)))).toMatchObject({ code: 'bad-rating', actual: 'five' });
    const inverted = withRating({ column: 'stars', scale: [5, 1] });
    expect(rejected(inverted(['6', 'Fine'], csvRef(5)))).toMatchObject({ code: 'bad-rating', actual: '6' });
  });

  it('a JSON number rating', () => {
    const map = jsonMapper({ rating: { column: 'overall', scale: [1, 5] }, text: [{ column: 'body' }] });
    expect(review(map({ overall: 3.0, body: 'Fine' }, jsonRef(1, 0))).rating).toEqual({ raw: 3, norm: 0.5 });
    expect(rejected(map({ overall: 7, body: 'Fine' }, jsonRef(1, 1)))).toMatchObject({ code: 'bad-rating', field: 'rating', actual: '7' });
  });
});

describe('compileMapper: NPS', () => {
  const map = csvMapper({ nps: { column: 'recommend' }, text: [{ column: 'body' }] }, ['recommend', 'body']);

  it('blank is undefined, never 0', () => {
    const r = review(map(['', 'Fine'], csvRef(2)));
    expect(r.nps).toBeUndefined();
    expect(r.nps).not.toBe(0);
    expect(review(map(['  ', 'Fine'], csvRef(3))).nps).toBeUndefined();
  });

  it('0 and 10 are answers', () => {
    expect(review(map(['0', 'Fine'], csvRef(2))).nps).toBe(0);
    expect(review(map(['10', 'Fine'], csvRef(3))).nps).toBe(10);
  });

  it('11 is bad-nps with the raw value', () => {
    expect(rejected(map(['11', 'Fine'], csvRef(4)))).toMatchObject({ code: 'bad-nps', field: 'nps', actual: '11', ref: csvRef(4) });
    expect(rejected(map(['7.5', 'Fine'], csvRef(5)))).toMatchObject({ code: 'bad-nps', actual: '7.5' });
  });

  it('JSON null is no answer', () => {
    const json = jsonMapper({ nps: { column: 'recommend' }, text: [{ column: 'body' }] });
    expect(review(json({ recommend: null, body: 'Fine' }, jsonRef(1, 0))).nps).toBeUndefined();
  });

  // Regression: the NPS pattern used to be ignored, so every such record was rejected.
  it('a pattern on the NPS column is applied, as it is for ratings and CSAT', () => {
    const withPattern = csvMapper({ nps: { column: 'recommend', pattern: '^(\\d+)' }, text: [{ column: 'body' }] }, ['recommend', 'body']);
    expect(review(withPattern(['9 - Very likely', 'Fine'], csvRef(2))).nps).toBe(9);
  });
});

describe('compileMapper: CSAT', () => {
  const header = ['satisfaction', 'body'];

  it('top-2 box on [1, 5] (the default scale): 4 and 5', () => {
    const map = csvMapper({ csat: { column: 'satisfaction' }, text: [{ column: 'body' }] }, header);
    const top2 = ['1', '2', '3', '4', '5'].map((v, i) => review(map([v, 'Fine'], csvRef(i + 2))).csat?.top2);
    expect(top2).toEqual([false, false, false, true, true]);
    expect(review(map(['4', 'Fine'], csvRef(9))).csat).toEqual({ raw: 4, norm: 0.75, top2: true });
  });

  it('top-2 box on inverted [5, 1]: 1 and 2', () => {
    const map = csvMapper({ csat: { column: 'satisfaction', scale: [5, 1], missing: ['6', '7'] }, text: [{ column: 'body' }] }, header);
    const top2 = ['1', '2', '3', '4', '5'].map((v, i) => review(map([v, 'Fine'], csvRef(i + 2))).csat?.top2);
    expect(top2).toEqual([true, true, false, false, false]);
    expect(review(map(['1', 'Fine'], csvRef(9))).csat).toEqual({ raw: 1, norm: 1, top2: true });
    expect(review(map(['6', 'Fine'], csvRef(10))).csat).toBeUndefined();
  });

  it('a pattern on the CSAT column extracts the number', () => {
    const map = csvMapper({ csat: { column: 'satisfaction', pattern: '^(\\d+)' }, text: [{ column: 'body' }] }, header);
    expect(review(map(['4 - Satisfied', 'Fine'], csvRef(2))).csat).toEqual({ raw: 4, norm: 0.75, top2: true });
  });

  it('out of scale is bad-csat with the raw value', () => {
    const map = csvMapper({ csat: { column: 'satisfaction' }, text: [{ column: 'body' }] }, header);
    expect(rejected(map(['9', 'Fine'], csvRef(2)))).toMatchObject({ code: 'bad-csat', field: 'csat', actual: '9' });
  });
});

describe('compileMapper: texts', () => {
  const header = ['title', 'body'];

  it('keeps the roles in config order, trimmed', () => {
    const map = csvMapper({ text: [{ column: 'title', role: 'title' }, { column: 'body', role: 'review' }] }, header);
    expect(review(map(['  Great kettle ', '\n Boils fast.\t'], csvRef(2))).texts).toEqual([
      { role: 'title', text: 'Great kettle' },
      { role: 'review', text: 'Boils fast.' },
    ]);
  });

  it('drops placeholders, compared trimmed and case-insensitively', () => {
    const map = csvMapper(
      {
        text: [{ column: 'title', role: 'positive' }, { column: 'body', role: 'negative' }],
        placeholders: ['N/A', 'No Negative'],
        rating: { column: 'stars', scale: [1, 5] },
      },
      ['title', 'body', 'stars'],
    );
    expect(review(map(['Clean room', '  no negative ', '5'], csvRef(2))).texts).toEqual([{ role: 'positive', text: 'Clean room' }]);
    expect(review(map([' n/a', 'NO NEGATIVE', '5'], csvRef(3))).texts).toEqual([]);
    // Only whole-text matches: a review that merely contains the placeholder stays.
    expect(review(map(['N/A for me, but fine', '', '5'], csvRef(4))).texts).toEqual([{ role: 'positive', text: 'N/A for me, but fine' }]);
  });

  it('required: true with a blank text is empty-text with the field and raw value', () => {
    const map = csvMapper(
      { text: [{ column: 'title', role: 'title' }, { column: 'body', role: 'review', required: true }], placeholders: ['N/A'] },
      header,
    );
    const blank = rejected(map(['Title', '   '], csvRef(6)));
    expect(blank).toMatchObject({ code: 'empty-text', actual: '   ', ref: csvRef(6) });
    expect(blank.field).toContain('body');
    const placeholder = rejected(map(['Title', 'n/a'], csvRef(7)));
    expect(placeholder).toMatchObject({ code: 'empty-text', actual: 'n/a' });
    // An optional blank text is just absent.
    expect(review(map(['', 'Body'], csvRef(8))).texts).toEqual([{ role: 'review', text: 'Body' }]);
  });

  it('a JSON text that is not a string is bad-type', () => {
    const map = jsonMapper({ text: [{ column: 'reviewText' }] });
    const r = rejected(map({ reviewText: 42 }, jsonRef(3, 2)));
    expect(r).toMatchObject({ code: 'bad-type', actual: '42', ref: jsonRef(3, 2) });
    expect(r.field).toContain('reviewText');
    expect(rejected(map({ reviewText: ['a', 'b'] }, jsonRef(3, 3)))).toMatchObject({ code: 'bad-type', actual: '["a","b"]' });
    // Absent or null is a blank text, not a type error.
    expect(rejected(map({ reviewText: null }, jsonRef(3, 4))).code).toBe('nothing-to-score');
  });

  it('JSON dotted paths', () => {
    const map = jsonMapper({ text: [{ column: 'review.text' }] });
    expect(review(map({ review: { text: 'Nested' } }, jsonRef(1, 0))).texts).toEqual([{ role: 'review', text: 'Nested' }]);
  });

  it('maxTextLength: longer texts are text-too-long, the limit itself is fine', () => {
    const map = csvMapper({ text: [{ column: 'body' }], maxTextLength: 10 }, ['body']);
    expect(review(map(['  0123456789  '], csvRef(2))).texts).toEqual([{ role: 'review', text: '0123456789' }]);
    const r = rejected(map(['0123456789A'], csvRef(3)));
    expect(r).toMatchObject({ code: 'text-too-long', actual: '0123456789A', ref: csvRef(3) });
    expect(r.field).toContain('body');
  });

  it('nothing-to-score: no text and no scores', () => {
    const map = csvMapper(
      { text: [{ column: 'body' }], rating: { column: 'stars', scale: [1, 5], missing: ['0'] }, placeholders: ['-'] },
      ['stars', 'body'],
    );
    expect(rejected(map(['', ''], csvRef(2)))).toMatchObject({ code: 'nothing-to-score', ref: csvRef(2) });
    expect(rejected(map(['0', ' - '], csvRef(3))).code).toBe('nothing-to-score');
    // A score alone is something to score.
    const scoresOnly = review(map(['3', ''], csvRef(4)));
    expect(scoresOnly.texts).toEqual([]);
    expect(scoresOnly.rating).toEqual({ raw: 3, norm: 0.5 });
  });

  it('an NPS of 0 alone is something to score', () => {
    const map = csvMapper({ nps: { column: 'recommend' }, text: [{ column: 'body' }] }, ['recommend', 'body']);
    expect(review(map(['0', ''], csvRef(2))).nps).toBe(0);
    expect(rejected(map(['', ''], csvRef(3))).code).toBe('nothing-to-score');
  });
});

describe('compileMapper: text from files', () => {
  let root: string;
  let inputDir: string;
  let file: string;
  let secret: string;
  const ref = (element: number): SourceRef => ({ input: 'in', file, line: 1, element });
  const fileMapper = (template: string, spec: Record<string, unknown> = {}) => {
    const input = inputFrom({ format: 'json', product: { value: 'Books' }, text: [{ file: template, role: 'review' }], ...spec }, file);
    return compileMapper(input, file, jsonColumnResolver(input));
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tilfreds-map-fields-'));
    inputDir = join(root, 'norec');
    file = join(inputDir, 'metadata.json');
    mkdirSync(join(inputDir, 'train'), { recursive: true });
    mkdirSync(join(root, 'norec-private'), { recursive: true });
    writeFileSync(file, '{}');
    writeFileSync(join(inputDir, 'train', '000001.txt'), '\n  En god bok.\n\n');
    writeFileSync(join(inputDir, 'train', 'blank.txt'), ' \n ');
    secret = 'TOP SECRET outside the input folder';
    writeFileSync(join(root, 'secret.txt'), secret);
    writeFileSync(join(root, 'norec-private', 'secret.txt'), secret);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads {split}/{$key}.txt next to the input file, trimmed', () => {
    const map = fileMapper('{split}/{$key}.txt');
    const r = review(map({ $key: '000001', split: 'train', rating: 5 }, ref(0)));
    expect(r.texts).toEqual([{ role: 'review', text: 'En god bok.' }]);
  });

  it('a missing file is missing-text-file with the file name', () => {
    const map = fileMapper('{split}/{$key}.txt');
    const r = rejected(map({ $key: '000404', split: 'train' }, ref(1)));
    expect(r).toMatchObject({ code: 'missing-text-file', actual: 'train/000404.txt', ref: ref(1) });
    expect(r.field).toContain('text[0]');
  });

  it('a blank template field is missing-text-file', () => {
    const map = fileMapper('{split}/{$key}.txt');
    expect(rejected(map({ $key: '000001', split: '' }, ref(2))).code).toBe('missing-text-file');
  });

  it('a blank file with required: true is empty-text', () => {
    const input = inputFrom({ format: 'json', product: { value: 'Books' }, text: [{ file: '{split}/{$key}.txt', required: true }] }, file);
    const map = compileMapper(input, file, jsonColumnResolver(input));
    expect(rejected(map({ $key: 'blank', split: 'train' }, ref(3))).code).toBe('empty-text');
  });

  it('a template value never reads outside the input folder', () => {
    const cases: Record<string, unknown>[] = [
      { $key: '../secret', split: '.' }, // ./../secret.txt → the parent folder
      { $key: 'secret', split: '..' },
      { $key: '../../secret', split: 'train' },
      { $key: 'secret', split: '../norec-private' }, // a sibling folder whose name starts with the input folder's
      { $key: 'secret', split: join(root, 'norec-private') }, // absolute
    ];
    const map = fileMapper('{split}/{$key}.txt', { rating: { column: 'rating', scale: [1, 5] } });
    cases.forEach((row, i) => {
      const item = map({ ...row, rating: 4 }, ref(10 + i));
      expect(item.kind, JSON.stringify(row)).toBe('reject');
      expect(rejected(item).code).toBe('missing-text-file');
      expect(JSON.stringify(item)).not.toContain('TOP SECRET');
    });
  });

  it('../../etc/passwd as a template value does not read /etc/passwd', () => {
    const map = fileMapper('{$key}', { rating: { column: 'rating', scale: [1, 5] } });
    for (const key of ['../../etc/passwd', `${'../'.repeat(30)}etc/passwd`, '/etc/passwd']) {
      const item = map({ $key: key, rating: 4 }, ref(20));
      expect(item.kind, key).toBe('reject');
      expect(rejected(item).code).toBe('missing-text-file');
      expect(JSON.stringify(item)).not.toContain('root:');
    }
  });
});

describe('compileMapper: language', () => {
  it('a constant code', () => {
    const map = csvMapper({ text: [{ column: 'body' }], language: 'da' }, ['body']);
    expect(review(map(['Godt produkt'], csvRef(2))).language).toBe('da');
  });

  it('auto (and the default) leaves it undefined for detection', () => {
    expect(review(csvMapper({ text: [{ column: 'body' }], language: 'auto' }, ['body'])(['Tekst'], csvRef(2))).language).toBeUndefined();
    expect(review(csvMapper({ text: [{ column: 'body' }] }, ['body'])(['Tekst'], csvRef(2))).language).toBeUndefined();
  });

  it('a column with aliases; unknown or blank codes are undefined so they get detected', () => {
    const map = csvMapper({ text: [{ column: 'body' }], language: { column: 'lang' } }, ['lang', 'body']);
    const lang = (code: string) => review(map([code, 'Tekst'], csvRef(2))).language;
    expect(lang('no')).toBe('nb');
    expect(lang('sv-SE')).toBe('sv');
    expect(lang(' NB ')).toBe('nb');
    expect(lang('nn')).toBe('nn');
    expect(lang('da-DK')).toBe('da');
    expect(lang('en')).toBe('en');
    expect(lang('de')).toBeUndefined();
    expect(lang('')).toBeUndefined();
  });
});
