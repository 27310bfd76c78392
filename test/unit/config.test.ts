import { describe, it, expect, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { editDistance, nearest, validateConfig } from '../../src/config/validate.js';
import { loadConfig } from '../../src/config/load.js';
import { TilfredsError } from '../../src/errors.js';
import type { Config } from '../../src/config/schema.js';

const BASE = path.resolve(os.tmpdir(), 'tilfreds-config-test', 'nightly');

const validate = (json: unknown): Config => validateConfig(json, path.join(BASE, 'tilfreds.config.json'), 'hash', BASE);

/** The smallest input that validates: a file, a product and something to analyse. */
const minimalInput = (extra: Record<string, unknown> = {}) => ({
  path: 'dumps/reviews.csv',
  product: { value: 'Web shop' },
  text: [{ column: 'body' }],
  ...extra,
});

const withInput = (extra: Record<string, unknown>) => ({ inputs: [minimalInput(extra)] });

/** Runs fn, expects a config TilfredsError, and returns its message. */
function configMessage(fn: () => unknown): string {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a config error').toBeInstanceOf(TilfredsError);
  const err = thrown as TilfredsError;
  expect(err.code).toBe('config');
  expect(err.message.startsWith('config: ')).toBe(true);
  return err.message;
}

// The example in DESIGN.md section 2, verbatim in shape.
const designExample = {
  output: { dir: 'out', period: 'month', locale: 'en' },
  inputs: [
    {
      name: 'shop-reviews',
      path: 'dumps/reviews-*.csv',
      format: 'csv',
      csv: { delimiter: ';', quote: '"', encoding: 'windows-1252' },
      id: { column: 'review_id' },
      product: { column: 'product_name' },
      date: { column: 'created', format: 'DD.MM.YYYY' },
      rating: { column: 'stars', scale: [1, 5] },
      text: [
        { column: 'title', role: 'title' },
        { column: 'body', role: 'review' },
      ],
      language: 'auto',
    },
    {
      name: 'trustpilot',
      path: 'dumps/trustpilot/*.csv',
      format: 'csv',
      product: { from: 'filename', pattern: '^(.+)_reviews\\.csv$' },
      rating: { column: 'rating', pattern: '__label__(\\d)', scale: [1, 5] },
      date: { column: 'published', format: 'iso' },
      text: [{ column: 'text', role: 'review' }],
      placeholders: ['N/A'],
      language: 'da',
    },
    {
      name: 'nps-survey',
      path: 'dumps/survey.jsonl',
      format: 'jsonl',
      id: { column: 'respondent' },
      product: { value: 'Web shop' },
      date: { columns: { year: 'y', month: 'm', day: 'd' } },
      nps: { column: 'recommend' },
      csat: { column: 'satisfaction', scale: [5, 1], missing: ['6', '7'] },
      text: [{ column: 'what_could_we_improve', role: 'question' }],
    },
  ],
};

describe('validateConfig: defaults', () => {
  it('fills in every default for a minimal config', () => {
    const config = validate({ inputs: [minimalInput()] });
    expect(config.file).toBe(path.join(BASE, 'tilfreds.config.json'));
    expect(config.hash).toBe('hash');
    expect(config.output).toEqual({ dir: path.join(BASE, 'out'), period: 'month', locale: 'en', minN: 30, formats: ['csv', 'xlsx', 'html'] });
    expect(config.maxRejectRate).toBe(0.05);
    expect(config.inputs).toHaveLength(1);
    expect(config.inputs[0]).toEqual({
      name: 'input1',
      path: path.join(BASE, 'dumps', 'reviews.csv'),
      format: 'csv',
      csv: { delimiter: ',', quote: '"', encoding: 'utf-8', header: true, engine: 'tilfreds' },
      id: { from: 'line' },
      product: { value: 'Web shop' },
      date: undefined,
      rating: undefined,
      nps: undefined,
      csat: undefined,
      text: [{ column: 'body', role: 'review', required: false }],
      placeholders: [],
      shippedPlaceholders: true,
      records: undefined,
      language: 'auto',
      maxRejectRate: 0.05,
      maxTextLength: 32_768,
    });
  });

  it('passes a top-level maxRejectRate down to inputs that do not set their own', () => {
    const config = validate({ maxRejectRate: 0.1, inputs: [minimalInput(), minimalInput({ name: 'strict', maxRejectRate: 0 })] });
    expect(config.maxRejectRate).toBe(0.1);
    expect(config.inputs.map((i) => [i.name, i.maxRejectRate])).toEqual([
      ['input1', 0.1],
      ['strict', 0],
    ]);
  });

  it('gives NPS the scale [0, 10] and CSAT [1, 5] unless told otherwise, and a date the format iso', () => {
    const input = validate(withInput({ nps: { column: 'recommend' }, csat: { column: 'sat' }, date: { column: 'created' } })).inputs[0]!;
    expect(input.nps).toEqual({ column: 'recommend', scale: [0, 10], missing: [] });
    expect(input.csat).toEqual({ column: 'sat', scale: [1, 5], missing: [] });
    expect(input.date).toEqual({ column: 'created', format: 'iso', required: true });
  });

  it('accepts the example config of DESIGN.md section 2', () => {
    const config = validate(designExample);
    const [shop, trustpilot, survey] = config.inputs;
    expect(shop!.csv).toEqual({ delimiter: ';', quote: '"', encoding: 'windows-1252', header: true, engine: 'tilfreds' });
    expect(shop!.date).toEqual({ column: 'created', format: 'DD.MM.YYYY', required: true });
    expect(shop!.rating).toEqual({ column: 'stars', scale: [1, 5], missing: [] });
    expect(shop!.text.map((t) => t.role)).toEqual(['title', 'review']);
    expect(trustpilot!.product).toEqual({ from: 'filename', pattern: /^(.+)_reviews\.csv$/u });
    expect(trustpilot!.rating!.pattern!.exec('__label__4 ')?.[1]).toBe('4');
    expect(trustpilot!.language).toBe('da');
    expect(trustpilot!.placeholders).toEqual(['N/A']);
    expect(survey!.format).toBe('jsonl');
    expect(survey!.date).toEqual({ columns: { year: 'y', month: 'm', day: 'd' }, required: true });
    expect(survey!.csat).toEqual({ column: 'satisfaction', scale: [5, 1], missing: ['6', '7'] });
  });

  it('reads CSV option spellings: tab, no quoting, encoding aliases, no header', () => {
    const csv = (o: unknown) => validate(withInput({ csv: o })).inputs[0]!.csv;
    expect(csv({ delimiter: 'tab' }).delimiter).toBe('\t');
    expect(csv({ delimiter: '\t' }).delimiter).toBe('\t');
    expect(csv({ quote: null }).quote).toBeNull();
    expect(csv({ quote: '' }).quote).toBeNull();
    expect(csv({ encoding: 'latin1' }).encoding).toBe('windows-1252');
    expect(csv({ encoding: 'UTF8' }).encoding).toBe('utf-8');
    expect(csv({ header: false }).header).toBe(false);
  });

  it('takes numbers in missing-code lists as strings (raw CSV values are strings)', () => {
    expect(validate(withInput({ csat: { column: 'sat', missing: [6, '7'] } })).inputs[0]!.csat!.missing).toEqual(['6', '7']);
  });
});

describe('validateConfig: paths', () => {
  it('resolves relative paths against the config folder and keeps absolute ones', () => {
    const absolute = path.resolve(os.tmpdir(), 'exports', 'survey.jsonl');
    const config = validate({
      output: { dir: '../reports' },
      inputs: [minimalInput({ path: 'dumps/reviews-*.csv' }), minimalInput({ name: 'abs', path: absolute, format: 'jsonl' })],
    });
    expect(config.output.dir).toBe(path.resolve(BASE, '..', 'reports'));
    expect(config.inputs[0]!.path).toBe(path.join(BASE, 'dumps', 'reviews-*.csv'));
    expect(config.inputs[1]!.path).toBe(absolute);
  });
});

describe('validateConfig: unknown keys', () => {
  it('names inputs[0].ratng and suggests "rating"', () => {
    const message = configMessage(() => validate(withInput({ ratng: { column: 'stars', scale: [1, 5] } })));
    expect(message).toMatch(/^config: inputs\[0\]\.ratng: unknown key; did you mean "rating"\?/);
    expect(message).toContain('known keys: name, path, format');
  });

  it('suggests the nearest key at the top level and in nested objects', () => {
    expect(configMessage(() => validate({ inptus: [minimalInput()] }))).toMatch(/^config: inptus: unknown key; did you mean "inputs"\?/);
    expect(configMessage(() => validate({ output: { perod: 'week' }, inputs: [minimalInput()] }))).toMatch(
      /^config: output\.perod: unknown key; did you mean "period"\?/,
    );
    expect(configMessage(() => validate(withInput({ csv: { delimeter: ';' } })))).toMatch(
      /^config: inputs\[0\]\.csv\.delimeter: unknown key; did you mean "delimiter"\?/,
    );
    expect(configMessage(() => validate(withInput({ text: [{ column: 'body', rol: 'review' }] })))).toMatch(
      /^config: inputs\[0\]\.text\[0\]\.rol: unknown key; did you mean "role"\?/,
    );
  });

  it('suggests nothing when no key is close', () => {
    const message = configMessage(() => validate(withInput({ sentimentModel: 'bert' })));
    expect(message).toMatch(/^config: inputs\[0\]\.sentimentModel: unknown key \(known keys: /);
    expect(message).not.toContain('did you mean');
  });
});

describe('validateConfig: wrong types', () => {
  it('names the field, what was expected and what was found', () => {
    expect(configMessage(() => validate(withInput({ rating: { column: 'stars', scale: '1-5' } })))).toBe(
      'config: inputs[0].rating.scale: expected two different numbers [worst, best], e.g. [1, 5], or [5, 1] when 5 is worst, found the string "1-5"',
    );
  });

  it.each([
    ['a scale of equal numbers', { rating: { column: 'stars', scale: [5, 5] } }, 'inputs[0].rating.scale', 'found an array [5,5]'],
    ['a scale of three numbers', { rating: { column: 'stars', scale: [1, 3, 5] } }, 'inputs[0].rating.scale', 'found an array [1,3,5]'],
    ['a negative column number', { rating: { column: -1, scale: [1, 5] } }, 'inputs[0].rating.column', 'found number -1'],
    ['a text list that is an object', { text: { column: 'body' } }, 'inputs[0].text', 'found an object'],
    ['an empty product value', { product: { value: '' } }, 'inputs[0].product.value', 'found the string ""'],
    ['header as a string', { csv: { header: 'yes' } }, 'inputs[0].csv.header', 'expected true or false, found the string "yes"'],
    ['a two-character delimiter', { csv: { delimiter: ';;' } }, 'inputs[0].csv.delimiter', 'found the string ";;"'],
    ['a quote equal to the delimiter', { csv: { delimiter: ';', quote: ';' } }, 'inputs[0].csv.quote', 'found the string ";"'],
    ['a reject rate given in percent', { maxRejectRate: 5 }, 'inputs[0].maxRejectRate', 'expected a share between 0 and 1 (0.05 = 5 %), found number 5'],
    ['a non-integer maxTextLength', { maxTextLength: 10.5 }, 'inputs[0].maxTextLength', 'found number 10.5'],
    ['an NPS on a 1–10 scale', { nps: { column: 'rec', scale: [1, 10] } }, 'inputs[0].nps.scale', 'expected the NPS scale [0, 10]'],
    ['csv options on a JSON input', { format: 'jsonl', csv: { delimiter: ';' } }, 'inputs[0].csv', 'no "csv" options for format "jsonl"'],
  ])('%s', (_name, extra, field, fragment) => {
    const message = configMessage(() => validate(withInput(extra)));
    expect(message.startsWith(`config: ${field}: expected `)).toBe(true);
    expect(message).toContain(fragment);
  });

  it('rejects inputs that are missing or empty, and a top level that is not an object', () => {
    expect(configMessage(() => validate({ inputs: [] }))).toBe('config: inputs: expected a non-empty array of inputs, found an array []');
    expect(configMessage(() => validate([minimalInput()]))).toMatch(/^config: \(top level\): expected an object, found an array/);
  });

  // Regression: a missing required value used to be described as "undefined undefined".
  it('accepts a named capture group and refuses an escaped parenthesis as a group', () => {
    expect(() => validate(withInput({ product: { from: 'filename', pattern: '^(?<shop>.+)\\.csv$' } }))).not.toThrow();
    expect(configMessage(() => validate(withInput({ product: { from: 'filename', pattern: '^\\(.+\\)\\.csv$' } })))).toMatch(
      /^config: inputs\[0\]\.product\.pattern: expected a regular expression with a capture group/,
    );
  });

  it('says plainly that a required value is missing', () => {
    const message = configMessage(() => validate(withInput({ rating: { scale: [1, 5] } })));
    expect(message).toMatch(/^config: inputs\[0\]\.rating\.column: expected a column name/);
    expect(message).not.toContain('undefined undefined');
  });
});

describe('validateConfig: values out of a fixed set', () => {
  it('lists the formats for "xlsx"', () => {
    expect(configMessage(() => validate(withInput({ format: 'xlsx' })))).toBe(
      'config: inputs[0].format: expected one of "csv", "jsonl", "json", found the string "xlsx"',
    );
  });

  it('suggests "month" for "monthly"', () => {
    expect(configMessage(() => validate({ output: { period: 'monthly' }, inputs: [minimalInput()] }))).toBe(
      'config: output.period: expected one of "day", "week", "month", "quarter" (did you mean "month"?), found the string "monthly"',
    );
  });

  it('checks locale, language, text role, id source and encoding', () => {
    expect(configMessage(() => validate({ output: { locale: 'nb_NO' }, inputs: [minimalInput()] }))).toMatch(
      /^config: output\.locale: expected one of .*\(did you mean "nb-NO"\?\), found the string "nb_NO"$/,
    );
    expect(configMessage(() => validate(withInput({ language: 'de' })))).toMatch(/^config: inputs\[0\]\.language: expected one of "en", "nb", "nn", "da", "sv"/);
    expect(configMessage(() => validate(withInput({ text: [{ column: 'c', role: 'reviews' }] })))).toMatch(
      /^config: inputs\[0\]\.text\[0\]\.role: expected one of .*\(did you mean "review"\?\)/,
    );
    expect(configMessage(() => validate(withInput({ id: { from: 'row' } })))).toMatch(/^config: inputs\[0\]\.id\.from: expected one of "line", "hash"/);
    expect(configMessage(() => validate(withInput({ csv: { encoding: 'utf-32' } })))).toMatch(/^config: inputs\[0\]\.csv\.encoding: expected one of "utf-8"/);
  });
});

describe('validateConfig: output.formats', () => {
  it('takes a subset in the given order', () => {
    expect(validate({ output: { formats: ['xlsx', 'csv'] }, inputs: [minimalInput()] }).output.formats).toEqual(['xlsx', 'csv']);
  });

  it('names the field and the fix for an unknown format, a repeat, a string or an empty list', () => {
    expect(configMessage(() => validate({ output: { formats: ['csv', 'xslx'] }, inputs: [minimalInput()] }))).toBe(
      'config: output.formats[1]: expected one of "csv", "xlsx", "html" (did you mean "xlsx"?), found the string "xslx"',
    );
    expect(configMessage(() => validate({ output: { formats: ['html', 'html'] }, inputs: [minimalInput()] }))).toMatch(
      /^config: output\.formats: expected each format once \(remove the second "html"\), found an array/,
    );
    expect(configMessage(() => validate({ output: { formats: 'xlsx' }, inputs: [minimalInput()] }))).toMatch(
      /^config: output\.formats: expected a non-empty list of "csv", "xlsx", "html" \(e\.g\. \["csv", "xlsx"\]; leave the key out for all three\), found the string "xlsx"$/,
    );
    expect(configMessage(() => validate({ output: { formats: [] }, inputs: [minimalInput()] }))).toMatch(/^config: output\.formats: expected a non-empty list/);
    expect(configMessage(() => validate({ output: { format: ['csv'] }, inputs: [minimalInput()] }))).toMatch(/^config: output\.format: unknown key; did you mean "formats"\?/);
  });
});

describe('validateConfig: regular expressions and date formats', () => {
  it('reports an invalid regex with its source', () => {
    const message = configMessage(() => validate(withInput({ product: { from: 'filename', pattern: '^(.+_reviews\\.csv$' } })));
    expect(message).toMatch(/^config: inputs\[0\]\.product\.pattern: invalid regular expression "\^\(\.\+_reviews\\\\\.csv\$": /);
  });

  it('asks for a capture group', () => {
    expect(configMessage(() => validate(withInput({ rating: { column: 'r', pattern: '__label__\\d', scale: [1, 5] } })))).toMatch(
      /^config: inputs\[0\]\.rating\.pattern: expected a regular expression with a capture group/,
    );
  });

  it('reports a date format with an unknown token', () => {
    const message = configMessage(() => validate(withInput({ date: { column: 'created', format: 'DD.MM.YY' } })));
    expect(message).toMatch(/^config: inputs\[0\]\.date\.format: invalid date format "DD\.MM\.YY": unknown token "YY" at position 6/);
    expect(message).toContain('YYYY');
    expect(configMessage(() => validate(withInput({ date: { column: 'created', format: 'dd.mm.yyyy' } })))).toMatch(/unknown token "dd"/);
  });

  it('reports a date format without a day', () => {
    expect(configMessage(() => validate(withInput({ date: { column: 'created', format: 'YYYY-MM' } })))).toMatch(
      /^config: inputs\[0\]\.date\.format: .*needs a year \(YYYY\), a month .* and a day/,
    );
  });
});

describe('validateConfig: inputs as a whole', () => {
  it('rejects an input with nothing to analyse', () => {
    expect(configMessage(() => validate({ inputs: [{ path: 'dumps/x.csv', product: { value: 'Shop' } }] }))).toBe(
      'config: inputs[0]: expected at least one of "text", "rating", "nps" or "csat" to analyse, found an object',
    );
  });

  it('rejects an input without a product', () => {
    expect(configMessage(() => validate({ inputs: [{ path: 'dumps/x.csv', text: [{ column: 'body' }] }] }))).toMatch(
      /^config: inputs\[0\]\.product: expected \{ "value": … \}, \{ "column": … \} or \{ "from": "filename", "pattern": … \}/,
    );
  });

  it('rejects two inputs with the same name, naming the second', () => {
    expect(configMessage(() => validate({ inputs: [minimalInput({ name: 'shop' }), minimalInput({ name: 'shop', path: 'other.csv' })] }))).toBe(
      'config: inputs[1].name: expected a name no other input has, found the string "shop"',
    );
  });

  it('numbers unnamed inputs so that they do not clash', () => {
    expect(validate({ inputs: [minimalInput(), minimalInput()] }).inputs.map((i) => i.name)).toEqual(['input1', 'input2']);
  });
});

describe('editDistance and nearest', () => {
  it('computes Levenshtein distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ratng', 'rating')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(editDistance('lawn', 'flaw'));
    expect(editDistance('leveringstid', 'leveringstiden')).toBe(2);
  });

  it('suggests the closest candidate within reach, case-insensitively', () => {
    const keys = ['name', 'path', 'format', 'rating', 'product', 'placeholders'];
    expect(nearest('ratng', keys)).toBe('rating');
    expect(nearest('Rating', keys)).toBe('rating');
    expect(nearest('placeholder', keys)).toBe('placeholders');
    expect(nearest('produkt', keys)).toBe('product');
    expect(nearest('stars', keys)).toBeUndefined();
    expect(nearest('anything', [])).toBeUndefined();
  });

  it('allows more edits for longer words (a third of the length, at least 2)', () => {
    expect(nearest('ab', ['abcd'])).toBe('abcd'); // 2 edits, the floor
    expect(nearest('ab', ['abcde'])).toBeUndefined(); // 3 edits
    expect(nearest('maxrejectrte', ['maxRejectRate'])).toBe('maxRejectRate');
    expect(nearest('placehlders12', ['placeholders'])).toBe('placeholders'); // 3 edits, 13 letters
  });
});

describe('loadConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilfreds-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads, validates and resolves paths against the config file folder, not the working directory', () => {
    const text = JSON.stringify(designExample, null, 2);
    const file = write('nightly/tilfreds.config.json', text);
    const config = loadConfig(path.relative(process.cwd(), file));
    expect(config.file).toBe(file);
    expect(config.hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(config.output.dir).toBe(path.join(dir, 'nightly', 'out'));
    expect(config.inputs[0]!.path).toBe(path.join(dir, 'nightly', 'dumps', 'reviews-*.csv'));
    expect(config.inputs[2]!.path).toBe(path.join(dir, 'nightly', 'dumps', 'survey.jsonl'));
  });

  it('accepts a UTF-8 byte-order mark (Notepad saves one) and hashes the bytes as they are', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(withInput({})))]);
    const file = write('bom.json', bytes);
    const config = loadConfig(file);
    expect(config.inputs[0]!.name).toBe('input1');
    expect(config.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reports invalid JSON with the file name', () => {
    const file = write('trailing-comma.json', '{ "inputs": [ { "path": "x.csv", } ] }');
    expect(configMessage(() => loadConfig(file))).toMatch(new RegExp(`^config: ${escapeRe(file)} is not valid JSON: `));
  });

  it('reports a missing file with its absolute path and ENOENT', () => {
    const file = path.join(dir, 'no-such-config.json');
    expect(configMessage(() => loadConfig(file))).toBe(`config: cannot read ${file}: ENOENT`);
  });

  it('passes validation errors through', () => {
    const file = write('typo.json', JSON.stringify({ inputs: [minimalInput({ ratng: {} })] }));
    expect(configMessage(() => loadConfig(file))).toMatch(/^config: inputs\[0\]\.ratng: unknown key; did you mean "rating"\?/);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

describe('validateConfig: answers given as words', () => {
  it('maps answer texts to numbers, trimmed and in any case', () => {
    const input = validate(withInput({ csat: { column: 'sat', values: { 'Very satisfied ': 5, Satisfied: 4, 'Not satisfied': 1 } } })).inputs[0]!;
    expect([...input.csat!.values!]).toEqual([['very satisfied', 5], ['satisfied', 4], ['not satisfied', 1]]);
  });

  it.each([
    [{ 'Very good': 9 }, /csat\.values\["Very good"\]: expected a number on the scale 1–5/],
    [{ Good: '4' }, /csat\.values\["Good"\]: expected a number on the scale 1–5/],
    [{ Good: 4, ' good': 5 }, /csat\.values\[" good"\]: expected each answer once/],
    [{ ' ': 3 }, /csat\.values: expected answer texts that are not blank/],
    [[], /csat\.values: expected an object from answer text to number/],
  ])('rejects %j with a message naming the field', (values, message) => {
    expect(configMessage(() => validate(withInput({ csat: { column: 'sat', values } })))).toMatch(message);
  });
});

describe('state', () => {
  it('defaults to a state beside the reports (undefined here, resolved by statePathOf)', () => {
    expect(validate(withInput({})).state).toBeUndefined();
  });

  it('takes a path relative to the config file, or false for a stateless run', () => {
    expect(validate({ ...withInput({}), state: { path: 'state/t.sqlite' } }).state).toEqual({ path: path.join(BASE, 'state/t.sqlite') });
    expect(validate({ ...withInput({}), state: false }).state).toBe(false);
  });

  it('names the field and the fix for a state without a path, a wrong type or an unknown key', () => {
    expect(configMessage(() => validate({ ...withInput({}), state: {} }))).toContain('state.path');
    expect(configMessage(() => validate({ ...withInput({}), state: { path: 3 } }))).toContain('state.path');
    expect(configMessage(() => validate({ ...withInput({}), state: true }))).toContain('state');
    expect(configMessage(() => validate({ ...withInput({}), state: { pth: 'x' } }))).toContain('path');
  });
});
