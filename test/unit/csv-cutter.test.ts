import { describe, it, expect } from 'vitest';
import { CsvCutter, countLineBreaks, type CutItem, type CutterOptions } from '../../src/ingest/csv-cutter.js';

const COMMA: CutterOptions = { delimiter: ',', quote: '"' };

/** All of the text in one push, then end(). */
function cutAll(text: string, options: CutterOptions = COMMA): CutItem[] {
  const cutter = new CsvCutter(options);
  return [...cutter.push(text), ...cutter.end()];
}

/** The text in the given pieces, then end(). */
function cutChunks(chunks: readonly string[], options: CutterOptions = COMMA): CutItem[] {
  const cutter = new CsvCutter(options);
  const out: CutItem[] = [];
  for (const chunk of chunks) out.push(...cutter.push(chunk));
  return [...out, ...cutter.end()];
}

/** Splits text into UTF-16 code units, one push each (the worst a stream can do). */
const oneByOne = (text: string): string[] => text.split('');

/** Pieces of pseudo-random length 1..max from a seeded generator, so a failure is reproducible. */
function randomPieces(text: string, seed: number, max: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const len = 1 + (next() % max);
    pieces.push(text.slice(i, i + len));
    i += len;
  }
  return pieces;
}

const rec = (line: number, text: string): CutItem => ({ kind: 'record', text, line });

/** Records only, as [line, text] pairs: short to read in expectations. */
const records = (items: CutItem[]): [number, string][] =>
  items.filter((i) => i.kind === 'record').map((i) => [i.line, (i as { text: string }).text]);

const malformed = (items: CutItem[]) =>
  items.filter((i) => i.kind === 'malformed').map((i) => (i.kind === 'malformed' ? { code: i.code, line: i.line, raw: i.raw } : undefined));

describe('CsvCutter: line ends', () => {
  const eols = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['bare CR', '\r'],
  ] as const;

  it.each(eols)('cuts records at %s and numbers their lines', (_name, eol) => {
    const text = ['id,product,rating', 'R1,Kaffetrakter Moccamaster,5', 'R2,Vannkoker 1.7 l,2', 'R3,Brødrister,4'].join(eol) + eol;
    expect(cutAll(text)).toEqual([
      rec(1, 'id,product,rating'),
      rec(2, 'R1,Kaffetrakter Moccamaster,5'),
      rec(3, 'R2,Vannkoker 1.7 l,2'),
      rec(4, 'R3,Brødrister,4'),
    ]);
  });

  it.each(eols)('returns the last record at end() when the file does not end with %s', (_name, eol) => {
    const cutter = new CsvCutter(COMMA);
    expect(cutter.push(`id,rating${eol}R1,5${eol}R2,3`)).toEqual([rec(1, 'id,rating'), rec(2, 'R1,5')]);
    expect(cutter.end()).toEqual([rec(3, 'R2,3')]);
  });

  it('accepts LF, CRLF and bare CR mixed in one file', () => {
    expect(records(cutAll('id,rating\r\nR1,5\nR2,4\rR3,1\r\n'))).toEqual([
      [1, 'id,rating'],
      [2, 'R1,5'],
      [3, 'R2,4'],
      [4, 'R3,1'],
    ]);
  });

  it('keeps a trailing delimiter (an empty last field) at the end of the file', () => {
    expect(records(cutAll('id,comment\nR1,'))).toEqual([
      [1, 'id,comment'],
      [2, 'R1,'],
    ]);
  });
});

describe('CsvCutter: quoted fields over several lines', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['bare CR', '\r'],
  ])('keeps a %s inside a quoted field and numbers the following records by physical line', (_name, inner) => {
    const text =
      'id,rating,review\n' +
      `R1,2,"Leveransen kom en uke for sent.${inner}Men produktet er bra."\n` +
      `R2,5,"Rask levering.${inner}God pakking.${inner}Anbefales!"\n` +
      'R3,4,Helt grei\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'id,rating,review'),
      rec(2, `R1,2,"Leveransen kom en uke for sent.${inner}Men produktet er bra."`),
      rec(4, `R2,5,"Rask levering.${inner}God pakking.${inner}Anbefales!"`),
      rec(7, 'R3,4,Helt grei'),
    ]);
  });

  it('counts a CRLF inside a field of a CRLF file as one line', () => {
    const text = 'id,review\r\nR1,"first\r\nsecond\r\nthird"\r\nR2,ok\r\n';
    expect(records(cutAll(text))).toEqual([
      [1, 'id,review'],
      [2, 'R1,"first\r\nsecond\r\nthird"'],
      [5, 'R2,ok'],
    ]);
  });

  it('does not split an App Store review whose paragraphs contain commas', () => {
    // Shaped like shared/data/dumps/chatgpt-ios-app-reviews: date first, paragraphs with commas, "" quotes.
    const review =
      '"Up to this point I have mostly used it in Chrome on Windows, and it was doable, but clumsy.\n' +
      'Well, the good news: the iOS app addresses all of those problems, the UI is clean, and VoiceOver works.\n' +
      'I would have given five stars, but the ""stop generating"" button is read aloud too early, which is not helpful.\n' +
      'Still, great job, thanks!"';
    const text = 'date,title,review,rating\n' + `2023-05-21 16:42:24,Much more accessible,${review},4\n` + '2023-05-22 09:01:10,Meh,Crashes on launch,1\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'date,title,review,rating'),
      rec(2, `2023-05-21 16:42:24,Much more accessible,${review},4`),
      rec(6, '2023-05-22 09:01:10,Meh,Crashes on launch,1'),
    ]);
  });

  it('does not split a survey answer whose inner lines have exactly the record width', () => {
    // Three fields per record; each inner line also has two commas, but its first field is prose, not an id.
    const answer =
      '"The checkout keeps failing.\n' +
      'I tried Vipps, then a Visa card, then gave up.\n' +
      'Support said to clear cookies, wait a day, try again.\n' +
      'Not good enough."';
    const text = `respondent,score,comment\nS-0001,3,${answer}\nS-0002,9,Fast and easy\n`;
    expect(malformed(cutAll(text))).toEqual([]);
    expect(records(cutAll(text))).toEqual([
      [1, 'respondent,score,comment'],
      [2, `S-0001,3,${answer}`],
      [6, 'S-0002,9,Fast and easy'],
    ]);
  });

  // Regression: letters and digits used to fold to the same shape, so a numeric id ("7781") and a one-word opener
  // ("Honestly") matched, and this review was rejected as an unclosed quote and split (fixed in 094933a).
  it('does not split a review whose middle line starts with one word and a comma (numeric ids)', () => {
    const review = '"Took a while to get used to.\nHonestly, after a week, I can\'t go back.\nFive stars if they add dark mode."';
    const text = `id,rating,review\n7781,4,${review}\n7782,1,Crashes\n`;
    expect(cutAll(text)).toEqual([rec(1, 'id,rating,review'), rec(2, `7781,4,${review}`), rec(5, '7782,1,Crashes')]);
  });

  // Regression: a word in the first column ("Oslo") and a one-word opener in a middle line ("Otherwise,") have the
  // same shape; the kinds of the fields before the multi-line one (a number here) tell them apart.
  it('does not split an answer with a one-word opener when the first column holds words, not ids', () => {
    const answer = '"Long queue at the till.\nOtherwise, friendly staff, good prices.\nWill come back."';
    const text = `store,score,comment\nOslo,3,${answer}\nBergen,5,Great\n`;
    expect(cutAll(text)).toEqual([rec(1, 'store,score,comment'), rec(2, `Oslo,3,${answer}`), rec(5, 'Bergen,5,Great')]);
  });
});

describe('CsvCutter: escaped quotes', () => {
  it('keeps "" escapes inside quoted fields, including one right before the closing quote', () => {
    const text =
      'id,review\n' +
      'R1,"She said ""wow"", and meant it"\n' +
      'R2,"The 15"" model"\n' +
      'R3,""\n' +
      'R4,"""Best"" purchase, ""ever"""\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'id,review'),
      rec(2, 'R1,"She said ""wow"", and meant it"'),
      rec(3, 'R2,"The 15"" model"'),
      rec(4, 'R3,""'),
      rec(5, 'R4,"""Best"" purchase, ""ever"""'),
    ]);
  });

  it('keeps an escaped quote followed by a line break inside a multi-line field', () => {
    const text = 'id,review\nR1,"He said ""no""\nand left"\nR2,ok\n';
    expect(records(cutAll(text))).toEqual([
      [1, 'id,review'],
      [2, 'R1,"He said ""no""\nand left"'],
      [4, 'R2,ok'],
    ]);
  });
});

describe('CsvCutter: chunk boundaries', () => {
  it('does not see an empty record when a CRLF is cut between two pushes', () => {
    const cutter = new CsvCutter(COMMA);
    expect(cutter.push('id,rating\r')).toEqual([]);
    expect(cutter.push('\nR1,5\r')).toEqual([rec(1, 'id,rating')]);
    expect(cutter.push('\nR2,4\r\n')).toEqual([rec(2, 'R1,5'), rec(3, 'R2,4')]);
    expect(cutter.end()).toEqual([]);
  });

  it('still ends a record at a bare CR that arrives last in a chunk', () => {
    expect(cutChunks(['id,rating\r', 'R1,5\r', 'R2,4\r'])).toEqual([rec(1, 'id,rating'), rec(2, 'R1,5'), rec(3, 'R2,4')]);
  });

  it('counts a CRLF inside a quoted field once when it is cut between pushes', () => {
    expect(cutChunks(['id,review\r\nR1,"line one\r', '\nline two"\r\nR2,ok\r\n'])).toEqual([
      rec(1, 'id,review'),
      rec(2, 'R1,"line one\r\nline two"'),
      rec(4, 'R2,ok'),
    ]);
  });

  it('waits for the character after a closing quote at the end of a chunk', () => {
    // `"5"` then `"` in the next chunk is an escaped quote, not the end of the field.
    expect(cutChunks(['id,review\nR1,"a 5"', '" screen"\nR2,ok\n'])).toEqual([rec(1, 'id,review'), rec(2, 'R1,"a 5"" screen"'), rec(3, 'R2,ok')]);
  });

  const wellFormed: [string, string, CutterOptions][] = [
    ['LF rows', 'id,product,rating\nR1,Kaffetrakter,5\nR2,Vannkoker,2\n', COMMA],
    ['CRLF with a CRLF inside a field', 'id,review\r\nR1,"Rask levering.\r\nGod pakking."\r\nR2,"Dårlig, kom i stykker"\r\n', COMMA],
    ['bare CR with a CR inside a field', 'id,review\rR1,"Fint\rmen dyrt"\rR2,ok\r', COMMA],
    ['escapes and empty fields', 'id,review,extra\nR1,"She said ""wow""",\nR2,"",x\nR3,"""Best""","a\nb"\n', COMMA],
    ['blank lines', '\nid,rating\n\nR1,5\r\n\r\n\rR2,1\n\n', COMMA],
    ['semicolons, no final line end', 'id;tekst;terning\n1;"Rask levering; god pakking";6\n2;Dårlig, kom i stykker;1', { delimiter: ';', quote: '"' }],
    ['tabs, quoting off', 'id\ttext\n1\tHe said "great"\n2\t"15" screen\n', { delimiter: '\t', quote: null }],
    ['unclosed quote at the end', 'id,review\nR1,ok\nR2,"never closed\nR3,fine\nR4,also fine\n', COMMA],
    ['emoji and Nordic letters', 'id,review\nR1,"Kjempefornøyd 😀\nså bra"\nR2,Ærlig talt: ikke bra 👎\n', COMMA],
  ];

  it.each(wellFormed)('gives the same items pushed one character at a time as all at once: %s', (_name, text, options) => {
    const expected = cutAll(text, options);
    expect(expected.length).toBeGreaterThan(0);
    expect(cutChunks(oneByOne(text), options)).toEqual(expected);
  });

  it.each(wellFormed)('gives the same items for any split into two pushes and for random pieces: %s', (_name, text, options) => {
    const expected = cutAll(text, options);
    for (let at = 0; at <= text.length; at++) expect(cutChunks([text.slice(0, at), text.slice(at)], options)).toEqual(expected);
    for (let seed = 1; seed <= 20; seed++) expect(cutChunks(randomPieces(text, seed, 7), options)).toEqual(expected);
  });

  // Regression: a malformed quote used to be reported as soon as the quote was seen, before its line end had
  // arrived; the rest of the line then came out as a bogus record and every later line number was one too high
  // (fixed in 094933a: the cutter now waits for the whole first line).
  it('reports a bare quote with its whole line when the line is cut after the quote', () => {
    expect(cutChunks(['a,b\n1,x"', 'y,z\n2,ok\n'])).toEqual([
      rec(1, 'a,b'),
      { kind: 'malformed', code: 'csv-bare-quote', reason: expect.any(String), line: 2, raw: '1,x"y,z' },
      rec(3, '2,ok'),
    ]);
  });

  it('gives the same items one character at a time as all at once for malformed lines too', () => {
    const text = 'id,date,text\nR1,2024-01-02,Fine\nR2,2024-01-03,He said "hi"\nR3,2024-01-04,"closed" late\nR4,2024-01-05,Great\n';
    expect(cutChunks(oneByOne(text))).toEqual(cutAll(text));
  });
});

describe('CsvCutter: blank lines', () => {
  it('skips blank lines of every kind but counts them as physical lines', () => {
    const text = '\nid,rating\n\nR1,5\r\n\r\n\rR2,1\n\n';
    // line 1 blank, 2 header, 3 blank, 4 R1, 5 blank (CRLF), 6 blank (CR), 7 R2, 8 blank
    expect(cutAll(text)).toEqual([rec(2, 'id,rating'), rec(4, 'R1,5'), rec(7, 'R2,1')]);
  });

  it('emits nothing for a file of blank lines', () => {
    expect(cutAll('\n\r\n\r\n')).toEqual([]);
    expect(cutAll('')).toEqual([]);
  });
});

describe('CsvCutter: malformed quotes', () => {
  it('rejects a quote inside an unquoted field as csv-bare-quote and resumes on the next line', () => {
    const text = 'id,rating,review\nR1,4,Good\nR2,5,The 15" model is great\nR3,2,Meh\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'id,rating,review'),
      rec(2, 'R1,4,Good'),
      { kind: 'malformed', code: 'csv-bare-quote', reason: expect.stringContaining('unquoted'), line: 3, raw: 'R2,5,The 15" model is great' },
      rec(4, 'R3,2,Meh'),
    ]);
  });

  it('rejects text after a closing quote as csv-bare-quote', () => {
    const text = 'id,review\r\nR1,"Great" value\r\nR2,ok\r\n';
    expect(malformed(cutAll(text))).toEqual([{ code: 'csv-bare-quote', line: 2, raw: 'R1,"Great" value' }]);
    expect(records(cutAll(text))).toEqual([
      [1, 'id,review'],
      [3, 'R2,ok'],
    ]);
  });

  it('rejects a quote that is never closed as csv-unclosed-quote; the lines after it are still records', () => {
    const text = 'id,rating,review\nR1,4,Good\nR2,1,"Broke after two days\nR3,5,Love it\nR4,3,Okay I guess\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'id,rating,review'),
      rec(2, 'R1,4,Good'),
      { kind: 'malformed', code: 'csv-unclosed-quote', reason: expect.any(String), line: 3, raw: 'R2,1,"Broke after two days' },
      rec(4, 'R3,5,Love it'),
      rec(5, 'R4,3,Okay I guess'),
    ]);
  });

  it('holds an unclosed quote back until end(), then resumes after its first line', () => {
    const cutter = new CsvCutter(COMMA);
    expect(cutter.push('id,review\r\nR1,"never closed\r\nR2,fine\r\n')).toEqual([rec(1, 'id,review')]);
    const rest = cutter.end();
    expect(malformed(rest)).toEqual([{ code: 'csv-unclosed-quote', line: 2, raw: 'R1,"never closed' }]);
    expect(records(rest)).toEqual([[3, 'R2,fine']]);
  });

  it('does not let an unclosed quote swallow the records up to a later quote at a line end', () => {
    // Line 3 opens a quote that is never closed; the next quote in the file is the bare `"` ending line 6, which is
    // followed by a line end, so lines 3–6 would read as one record with a four-line field. Lines 4 and 5 are
    // complete records of the width set by the header (3) and must come out as records of their own.
    const text =
      'id,date,text\n' +
      'R1,2024-01-02,Fine\n' +
      'R2,2024-01-03,"Broken zipper\n' +
      'R3,2024-01-04,Okay\n' +
      'R4,2024-01-05,Great\n' +
      'R5,2024-01-06,Bought the 15"\n' +
      'R6,2024-01-07,Nice\n';
    expect(cutAll(text)).toEqual([
      rec(1, 'id,date,text'),
      rec(2, 'R1,2024-01-02,Fine'),
      { kind: 'malformed', code: 'csv-unclosed-quote', reason: expect.any(String), line: 3, raw: 'R2,2024-01-03,"Broken zipper' },
      rec(4, 'R3,2024-01-04,Okay'),
      rec(5, 'R4,2024-01-05,Great'),
      { kind: 'malformed', code: 'csv-bare-quote', reason: expect.any(String), line: 6, raw: 'R5,2024-01-06,Bought the 15"' },
      rec(7, 'R6,2024-01-07,Nice'),
    ]);
  });

  it('takes the record width from the first row when there is no header', () => {
    const text =
      '1001;2024-03-01;5;Fin\n' +
      '1002;2024-03-02;1;"Kom i stykker\n' + // never closed
      '1003;2024-03-03;4;Grei\n' +
      '1004;2024-03-04;2;Treg\n' +
      '1005;2024-03-05;3;Ok"\n'; // the bare quote the open one would pair with
    const items = cutAll(text, { delimiter: ';', quote: '"' });
    expect(malformed(items).map((m) => [m!.code, m!.line])).toEqual([
      ['csv-unclosed-quote', 2],
      ['csv-bare-quote', 5],
    ]);
    expect(records(items)).toEqual([
      [1, '1001;2024-03-01;5;Fin'],
      [3, '1003;2024-03-03;4;Grei'],
      [4, '1004;2024-03-04;2;Treg'],
    ]);
  });
});

describe('CsvCutter: quoting off', () => {
  it('treats quotes as plain text when quote is null', () => {
    const text = 'id,review\nR1,He said "great" about the 15" model\nR2,"not a quoted field\nR3,ok\n';
    expect(cutAll(text, { delimiter: ',', quote: null })).toEqual([
      rec(1, 'id,review'),
      rec(2, 'R1,He said "great" about the 15" model'),
      rec(3, 'R2,"not a quoted field'),
      rec(4, 'R3,ok'),
    ]);
  });
});

describe('CsvCutter: delimiters', () => {
  it('reads semicolon files: semicolons inside quotes, commas as plain text', () => {
    const text = 'id;tekst;terning\r\n1;"Rask levering; god pakking";6\r\n2;Dårlig, kom i stykker;1\r\n3;"To linjer;\r\nmed semikolon";4\r\n';
    expect(cutAll(text, { delimiter: ';', quote: '"' })).toEqual([
      rec(1, 'id;tekst;terning'),
      rec(2, '1;"Rask levering; god pakking";6'),
      rec(3, '2;Dårlig, kom i stykker;1'),
      rec(4, '3;"To linjer;\r\nmed semikolon";4'),
    ]);
  });

  it('in a semicolon file, a quote after a comma does not open a field', () => {
    const items = cutAll('id;tekst\n1;Bra,"sa han"\n2;ok\n', { delimiter: ';', quote: '"' });
    expect(malformed(items)).toEqual([{ code: 'csv-bare-quote', line: 2, raw: '1;Bra,"sa han"' }]);
    expect(records(items)).toEqual([
      [1, 'id;tekst'],
      [3, '2;ok'],
    ]);
  });

  it('reads tab-separated files with quoted multi-line fields', () => {
    const text = 'id\tbetyg\tkommentar\nS1\t5\t"Snabb leverans.\nMycket nöjd, tack"\nS2\t2\tInte bra\n';
    expect(cutAll(text, { delimiter: '\t', quote: '"' })).toEqual([
      rec(1, 'id\tbetyg\tkommentar'),
      rec(2, 'S1\t5\t"Snabb leverans.\nMycket nöjd, tack"'),
      rec(4, 'S2\t2\tInte bra'),
    ]);
  });
});

describe('CsvCutter: record-too-large', () => {
  it('rejects an unclosed quote that runs past maxRecordChars, then reads on from the next line', () => {
    const lines = ['id,review', 'R1,"this quote is never closed', ...Array.from({ length: 10 }, (_, k) => `R${k + 2},a perfectly ordinary review`)];
    const text = lines.join('\n') + '\n';
    const items = cutAll(text, { ...COMMA, maxRecordChars: 60 });
    // Inside push(), the open quote needs more text than allowed: rejected without waiting for end().
    expect(items[1]).toEqual({ kind: 'malformed', code: 'record-too-large', reason: expect.stringContaining('60'), line: 2, raw: 'R1,"this quote is never closed' });
    expect(records(items)).toEqual([[1, 'id,review'], ...lines.slice(2).map((l, k): [number, string] => [k + 3, l])]);
  });

  it('rejects it the same way when the text arrives in small pieces', () => {
    const text = 'id,review\nR1,"this quote is never closed\n' + 'R2,an ordinary review of the product\n'.repeat(5);
    const items = cutChunks(randomPieces(text, 7, 9), { ...COMMA, maxRecordChars: 60 });
    expect(malformed(items)).toEqual([{ code: 'record-too-large', line: 2, raw: 'R1,"this quote is never closed' }]);
    expect(records(items).map(([line]) => line)).toEqual([1, 3, 4, 5, 6, 7]);
  });

  // Regression: maxRecordChars used to be checked only while a record was incomplete, so a long record pushed at
  // once came out as a record, and pushed in pieces left its tail as a bogus record (fixed in 094933a).
  it('rejects a record longer than maxRecordChars however the text is chunked', () => {
    const long = 'R1,' + 'x'.repeat(117);
    const text = `id,review\n${long}\nR2,ok\n`;
    const options = { ...COMMA, maxRecordChars: 50 };
    const atOnce = cutAll(text, options);
    const pieces = cutChunks([text.slice(0, 70), text.slice(70)], options);
    expect(malformed(atOnce)).toEqual([{ code: 'record-too-large', line: 2, raw: long }]);
    expect(pieces).toEqual(atOnce);
  });
});

describe('countLineBreaks', () => {
  it('counts LF, CRLF and bare CR as one break each', () => {
    expect(countLineBreaks('a\nb\r\nc\rd', 0, 8)).toBe(3);
    expect(countLineBreaks('no breaks', 0, 9)).toBe(0);
  });
});
