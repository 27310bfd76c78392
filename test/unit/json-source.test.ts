import { describe, it, expect } from 'vitest';
import { JsonElementCutter, type JsonElement } from '../../src/ingest/json-source.js';

function cutChunks(chunks: readonly string[]): { elements: JsonElement[]; rest: JsonElement[]; cutter: JsonElementCutter } {
  const cutter = new JsonElementCutter();
  const elements: JsonElement[] = [];
  for (const chunk of chunks) elements.push(...cutter.push(chunk));
  return { elements, rest: cutter.end(), cutter };
}

const cutAll = (text: string) => cutChunks([text]);

/** Elements of an array, parsed, with their lines. */
const arrayValues = (elements: JsonElement[]) => elements.map((e) => ({ line: e.line, value: JSON.parse(e.text) as unknown }));

/** Entries of an object map, parsed as `"key": value`, with their lines. */
const mapEntries = (elements: JsonElement[]) =>
  elements.map((e) => {
    const entry = JSON.parse(`{${e.text}}`) as Record<string, unknown>;
    const [key, value] = Object.entries(entry)[0]!;
    return { line: e.line, key, value };
  });

// Shaped like shared/data/dumps/amazon-reviews-2018-all-beauty-jsonl and NoReC's metadata.json.
const reviews = [
  { asin: 'B0000530HU', overall: 5.0, reviewText: 'Works great, smells nice. 5 stars]', summary: 'Love it {really}', unixReviewTime: 1_420_070_400 },
  { asin: 'B00006L9LC', overall: 1.0, reviewText: 'She said "never again", and a backslash \\ here', summary: '}{][,', unixReviewTime: 1_388_534_400 },
  { asin: 'B00006L9LC', overall: 3.0, reviewText: 'Tabs\tand\nnewlines (escaped) and unicode æøå 😀', style: { 'Size:': ' 7.5 oz', tags: ['a', 'b,]'] }, unixReviewTime: 1_400_000_000 },
];

const prettyArray = JSON.stringify(reviews, null, 2);
const compactArray = JSON.stringify(reviews);

const norecMap = [
  '{',
  '  "000001": {"title": "Krimi, men \\"god\\"", "rating": 5, "year": 2018, "month": 3, "day": 14},',
  '  "000002": {',
  '    "title": "Skuffende {igjen}",',
  '    "rating": 2,',
  '    "authors": ["Ola Nordmann", "Kari [red.]"]',
  '  },',
  '  "000003": {"title": "Nynorsk, ja", "rating": 4}',
  '}',
  '',
].join('\n');

describe('JsonElementCutter: arrays', () => {
  it('cuts a compact array into its objects, all on line 1', () => {
    const { elements, rest, cutter } = cutAll(compactArray);
    expect(cutter.kind).toBe('[');
    expect(cutter.error).toBeUndefined();
    expect(arrayValues(elements)).toEqual(reviews.map((value) => ({ line: 1, value })));
    expect(rest).toEqual([]);
  });

  it('gives each element of a pretty-printed array the line it starts on', () => {
    const { elements } = cutAll(prettyArray);
    const expectedLines = prettyArray
      .split('\n')
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l === '  {')
      .map(([, n]) => n);
    expect(expectedLines).toHaveLength(3);
    expect(arrayValues(elements)).toEqual(reviews.map((value, i) => ({ line: expectedLines[i], value })));
  });

  it('is not fooled by , ] } { and escaped quotes inside strings', () => {
    const text = '[{"t":"a,b]c}d{e"},{"t":"say \\"hi\\", ok]"},{"t":"ends in backslash \\\\"},{"t":"\\\\\\"}"}]';
    const { elements } = cutAll(text);
    expect(elements.map((e) => JSON.parse(e.text))).toEqual([
      { t: 'a,b]c}d{e' },
      { t: 'say "hi", ok]' },
      { t: 'ends in backslash \\' },
      { t: '\\"}' },
    ]);
  });

  it('keeps nested arrays and objects inside one element', () => {
    const { elements } = cutAll('[{"a":[1,[2,3]],"b":{"c":{"d":[]}}},{"e":[]}]');
    expect(elements.map((e) => JSON.parse(e.text))).toEqual([{ a: [1, [2, 3]], b: { c: { d: [] } } }, { e: [] }]);
  });

  it('cuts scalar elements too (the reader rejects them as not-an-object)', () => {
    const { elements } = cutAll('[1, "two", null, true]');
    expect(elements.map((e) => e.text.trim())).toEqual(['1', '"two"', 'null', 'true']);
  });

  it('gives nothing for empty arrays and objects', () => {
    expect(cutAll('[]').elements).toEqual([]);
    expect(cutAll(' [ \n ] ').elements).toEqual([]);
    expect(cutAll('{}').elements).toEqual([]);
  });

  it('ignores whatever follows the closing bracket', () => {
    const { elements, rest } = cutAll('[{"a":1}]\n[{"b":2}]');
    expect(elements.map((e) => JSON.parse(e.text))).toEqual([{ a: 1 }]);
    expect(rest).toEqual([]);
  });
});

describe('JsonElementCutter: object maps', () => {
  it('cuts an object map into "key": value entries with their lines', () => {
    const { elements, cutter } = cutAll(norecMap);
    expect(cutter.kind).toBe('{');
    expect(mapEntries(elements)).toEqual([
      { line: 2, key: '000001', value: { title: 'Krimi, men "god"', rating: 5, year: 2018, month: 3, day: 14 } },
      { line: 3, key: '000002', value: { title: 'Skuffende {igjen}', rating: 2, authors: ['Ola Nordmann', 'Kari [red.]'] } },
      { line: 8, key: '000003', value: { title: 'Nynorsk, ja', rating: 4 } },
    ]);
  });

  it('handles a compact map {"1": {...}, "2": {...}}', () => {
    const { elements } = cutAll('{"1":{"rating":6},"2":{"rating":1,"note":"a: b, c"}}');
    expect(mapEntries(elements)).toEqual([
      { line: 1, key: '1', value: { rating: 6 } },
      { line: 1, key: '2', value: { rating: 1, note: 'a: b, c' } },
    ]);
  });
});

describe('JsonElementCutter: chunk boundaries', () => {
  const documents = [
    ['pretty array', prettyArray],
    ['compact array', compactArray],
    ['object map', norecMap],
    ['CRLF array with escapes', '[\r\n  {"t": "x\\\\", "u": "\\"]\\""},\r\n  {"t": "\\u00e6"}\r\n]\r\n'],
  ] as const;

  it.each(documents)('gives the same elements and lines however the %s is split in two', (_name, text) => {
    const whole = cutAll(text);
    expect(whole.elements.length).toBeGreaterThan(0);
    for (let at = 0; at <= text.length; at++) {
      const split = cutChunks([text.slice(0, at), text.slice(at)]);
      expect(split.elements, `split at ${at}`).toEqual(whole.elements);
      expect(split.rest).toEqual([]);
    }
  });

  it.each(documents)('gives the same elements and lines for the %s pushed one character at a time', (_name, text) => {
    expect(cutChunks(text.split('')).elements).toEqual(cutAll(text).elements);
  });

  it('returns elements as soon as they are complete, not at the end', () => {
    const cutter = new JsonElementCutter();
    expect(cutter.push('[{"a":1},{"b"')).toEqual([{ text: '{"a":1}', line: 1 }]);
    expect(cutter.push(':2}\n,')).toEqual([{ text: '{"b":2}\n', line: 1 }]);
    expect(cutter.push('{"c":3}]')).toEqual([{ text: '{"c":3}', line: 2 }]);
  });
});

describe('JsonElementCutter: truncated documents', () => {
  it('returns the unfinished element from end()', () => {
    const text = '[\n{"id": 1, "text": "ok"},\n{"id": 2, "text": "cut off in the mid';
    const { elements, rest } = cutAll(text);
    expect(arrayValues(elements)).toEqual([{ line: 2, value: { id: 1, text: 'ok' } }]);
    expect(rest).toEqual([{ text: '{"id": 2, "text": "cut off in the mid', line: 3 }]);
    expect(() => JSON.parse(rest[0]!.text)).toThrow();
  });

  it('returns the unfinished entry of a truncated object map', () => {
    const { elements, rest } = cutChunks(['{"1": {"r": 5},\n "2": {"r"', ': 3, "t": ["a"']);
    expect(mapEntries(elements)).toEqual([{ line: 1, key: '1', value: { r: 5 } }]);
    expect(rest).toEqual([{ text: '"2": {"r": 3, "t": ["a"', line: 2 }]);
  });

  it('returns nothing from end() for a complete document, or one cut between elements', () => {
    expect(cutAll('[{"a":1}]').rest).toEqual([]);
    expect(cutAll('[{"a":1},\n').rest).toEqual([]);
  });
});

describe('JsonElementCutter: not a JSON array or object', () => {
  it('sets error for a CSV file given as JSON', () => {
    const { elements, rest, cutter } = cutAll('id,rating\n1,5\n');
    expect(cutter.error).toMatch(/must start with \[ or \{, found "i"/);
    expect(cutter.kind).toBeUndefined();
    expect(elements).toEqual([]);
    expect(rest).toEqual([]);
  });

  it('sets error for a bare string or number, but not for leading whitespace', () => {
    expect(cutAll('"just a string"').cutter.error).toMatch(/found "\\""/);
    expect(cutAll('42').cutter.error).toMatch(/found "4"/);
    const ok = cutAll('\n\t  \r\n[{"a":1}]');
    expect(ok.cutter.error).toBeUndefined();
    expect(ok.elements).toEqual([{ text: '{"a":1}', line: 3 }]);
  });

  it('stops reading after the error', () => {
    const cutter = new JsonElementCutter();
    cutter.push('x');
    expect(cutter.push('[{"a":1}]')).toEqual([]);
    expect(cutter.error).toBeDefined();
  });
});
