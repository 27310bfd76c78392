import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexiconPack } from '../../src/analyze/lexicon-pack.js';
import { DEFAULT_CALIBRATION, scoreText } from '../../src/analyze/sentiment.js';
import { readUserLexicon, readUserLexiconFile, type UserLexiconSpec, userLexiconPack } from '../../src/analyze/user-lexicon.js';
import { TilfredsError } from '../../src/errors.js';
import { SHARED } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tilfreds-userlex-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let files = 0;
/** A fixture file of its own; returns its path. */
function fixture(content: string | Buffer, ext = '.txt'): string {
  const file = join(tmp, `lexicon-${files++}${ext}`);
  writeFileSync(file, content);
  return file;
}

const entries = (content: string | Buffer, spec: Omit<UserLexiconSpec, 'file'> = {}, ext?: string) => [...readUserLexicon({ file: fixture(content, ext), ...spec })];

/** The config error `read` throws; fails the test when it throws none or another kind. */
function configErrorOf(read: () => unknown): string {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(TilfredsError);
    expect((err as TilfredsError).code).toBe('config');
    return (err as Error).message;
  }
  throw new Error('expected a config error');
}

describe('readUserLexicon: word<TAB>score', () => {
  it('reads integer and decimal scores, keys in tokenize form', () => {
    expect(entries('good\t3\nBAD\t-2.5\n')).toEqual([['good', 3], ['bad', -2.5]]);
  });

  it('takes the column right after the word and ignores extra columns (VADER: mean, sd, raw ratings)', () => {
    const vader = 'toppen\t2.4\t0.49\t[2, 3, 2, 3, 2, 2, 3, 2, 3, 2]\nstå ut med\t-0.8\t1.25\t[0, -1, -2, 0, -1, 0, -1, -2, 0, -1]\n';
    expect(entries(vader)).toEqual([['toppen', 2.4], ['stå ut med', -0.8]]);
    expect(entries(vader, { column: 3 })).toEqual([['toppen', 0.49], ['stå ut med', 1.25]]);
    // A row with a column fewer (the Swedish VADER has two) still has its score right after the word.
    expect(entries('toppen\t2.4\t0.49\t[2, 3]\nstort fel\t-1.5\t0 [0, 0, 0]\n')).toEqual([['toppen', 2.4], ['stort fel', -1.5]]);
  });

  it('handles a BOM, CRLF, # comments, blank lines and a missing last newline', () => {
    const file = fixture('\uFEFF# my lexicon\r\n\r\ngood\t2\r\n   # indented comment\r\n\r\nbad\t-2');
    const read = readUserLexiconFile({ file });
    expect([...read.entries]).toEqual([['good', 2], ['bad', -2]]);
    expect(read).toMatchObject({ format: 'tsv', encoding: 'utf-8', lines: 2, duplicates: 0, skipped: [] });
  });

  it('normalises multi-word entries like our packs: tokens joined by one space, hyphens and case folded', () => {
    expect(entries('Worth  every Penny\t3\nwell-made\t2\nikke-levert\t-2\ndon’t like\t-2\n')).toEqual([
      ['worth every penny', 3],
      ['well made', 2],
      ['ikke levert', -2],
      ["don't like", -2],
    ]);
  });

  it('keeps the last of duplicate words (also when they differ only in case or spelling of the phrase)', () => {
    const read = readUserLexiconFile({ file: fixture('usel\t-2\nglad\t3\nusel\t-3\nGLAD\t2\nikke-levert\t-1\nikke levert\t-2\n') });
    expect([...read.entries]).toEqual([['usel', -3], ['glad', 2], ['ikke levert', -2]]);
    expect(read.duplicates).toBe(3);
  });

  it('reads a decimal comma, a plus sign and a Unicode minus', () => {
    expect(entries('fin\t0,5\nsuper\t+2\nsvag\t\u22121,25\nok\t,5\n')).toEqual([['fin', 0.5], ['super', 2], ['svag', -1.25], ['ok', 0.5]]);
  });

  it('skips a header naming its columns, and finds the columns by name', () => {
    expect(entries('word\tscore\ngood\t2\n')).toEqual([['good', 2]]);
    expect(entries('sd\tword\tmean\n0.5\tgood\t2\n')).toEqual([['good', 2]]);
  });

  it('skips entries no text could match as written, and says why', () => {
    const read = readUserLexiconFile({ file: fixture(':-)\t1\n<3\t2\n>:(\t-2\n8-)\t1\n:s\t-1\no.O\t-1\nja, visst\t1\ndet var en gång en\t2\nok.\t1\n') });
    // `o.O`: a dot glued to letters on both sides ends no sentence (as in `t.ex`), so text can match it as `o o`.
    expect([...read.entries]).toEqual([[':-)', 1], ['<3', 2], ['o o', -1], ['ok', 1]]);
    expect(read.skipped.map((s) => [s.line, s.text])).toEqual([
      [3, '>:('],
      [4, '8-)'],
      [5, ':s'],
      [7, 'ja, visst'],
      [8, 'det var en gång en'],
    ]);
    expect(read.skipped[0]!.reason).toContain('":("');
    expect(read.skipped[4]!.reason).toContain('longer than 4 words');
  });

  it('keeps scores of 0 as written', () => {
    expect(entries('typ\t0\nen sorts\t0\n')).toEqual([['typ', 0], ['en sorts', 0]]);
  });
});

describe('readUserLexicon: CSV', () => {
  it('reads word,score with or without a header, quoted fields, doubled quotes', () => {
    expect(entries('word,score,example\ngood,2,"good, really"\n"well-made",1.5,x\n"the ""best""",3,"a ""quote"""\n', {}, '.csv')).toEqual([
      ['good', 2],
      ['well made', 1.5],
      ['the best', 3],
    ]);
    expect(entries('good,2\nbad,-2\n', {}, '.csv')).toEqual([['good', 2], ['bad', -2]]);
  });

  it('reads a quoted field over several lines and keeps line numbers right after it', () => {
    const file = fixture('word,score,example\ngood,2,"line one\nline two"\nbad,x,"ex"\n', '.csv');
    expect(configErrorOf(() => readUserLexicon({ file }))).toContain(`${file}:4: expected a number as the score in column 2; got "x"`);
  });

  it('reads a decimal comma: quoted in a comma-separated file, or with ; as the delimiter (with CRLF)', () => {
    expect(entries('god,"0,5"\ndårlig,"-1,5"\n', {}, '.csv')).toEqual([['god', 0.5], ['dårlig', -1.5]]);
    expect(entries('ord;værdi\r\ngod;0,5\r\ndårlig;-1,5\r\n', {}, '.csv')).toEqual([['god', 0.5], ['dårlig', -1.5]]);
    expect(entries('god;2\ndårlig;-1\n', { format: 'csv' })).toEqual([['god', 2], ['dårlig', -1]]);
  });

  it('rejects an unquoted decimal comma in a comma-separated file (a row with a cell too many), naming the line', () => {
    const file = fixture('word,score\ngod,2\ndårlig,-1,5\n', '.csv');
    const message = configErrorOf(() => readUserLexicon({ file }));
    expect(message).toContain(`${file}:3: expected 2 cells like the header; got "dårlig,-1,5"`);
    expect(message).toContain('must be quoted ("0,5")');
  });

  it('reads an R-style table (row names, Latin-1) by its header: Sentida', () => {
    const latin1 = Buffer.from('"","X","stem","score"\r\n"1",1,"kedel",-1.5\r\n"2",2,"ærlig",2.33333333333333\r\n', 'latin1');
    const read = readUserLexiconFile({ file: fixture(latin1, '.csv') });
    expect(read).toMatchObject({ format: 'csv', encoding: 'windows-1252' });
    expect([...read.entries]).toEqual([['kedel', -1.5], ['ærlig', 2.33333333333333]]);
  });

  it('takes the sign from a pos/neg polarity column beside a numeric strength (Språkbanken Sentimentlex)', () => {
    const csv = 'word,polarity,strength,example\ntoppen,pos,2,"Maten var toppen ; verkligen toppen ."\ntrist,neg,2,x\nlugn,pos,-3,x\n';
    expect(entries(csv, {}, '.csv')).toEqual([['toppen', 2], ['trist', -2], ['lugn', 3]]);
  });

  it('takes the score from `column`, counted from 1', () => {
    expect(entries('good,9,2\n', { column: 3, format: 'csv' })).toEqual([['good', 2]]);
  });

  it('fails on a quote that never closes, naming the line the record starts on', () => {
    const file = fixture('good,2\n"bad,-2\nugly,-3\n', '.csv');
    expect(configErrorOf(() => readUserLexicon({ file, format: 'csv' }))).toContain(`${file}:2: expected a closing quote`);
  });
});

describe('readUserLexicon: word lists', () => {
  it('scores every word or phrase with `polarity`', () => {
    expect(entries('trøtt\n\ndill-dall\n# c\nikke bra\n', { polarity: -1 })).toEqual([['trøtt', -1], ['dill dall', -1], ['ikke bra', -1]]);
    expect(entries('bra\n', { polarity: 2, format: 'list' })).toEqual([['bra', 2]]);
  });

  it('needs `polarity`, and takes it only for lists', () => {
    const list = fixture('bra\nflott\n');
    expect(configErrorOf(() => readUserLexicon({ file: list }))).toMatch(new RegExp(`^${list}: a word list .* needs "polarity".*Fix: add "polarity": 1`));
    const tsv = fixture('bra\t2\n');
    expect(configErrorOf(() => readUserLexicon({ file: tsv, polarity: 1 }))).toContain(`${tsv}: "polarity" is only for word lists`);
    expect(configErrorOf(() => readUserLexicon({ file: list, polarity: 0 }))).toContain('"polarity" must be a number from -5 to 5 other than 0');
  });

  it('rejects a tab in a list, naming the line', () => {
    const file = fixture('bra\nflott\t2\n');
    expect(configErrorOf(() => readUserLexicon({ file, format: 'list', polarity: 1 }))).toContain(`${file}:2: expected one word or phrase per line`);
  });
});

describe('readUserLexicon: sniffing (auto)', () => {
  const formatOf = (content: string, spec: Omit<UserLexiconSpec, 'file'> = {}) => readUserLexiconFile({ file: fixture(content), ...spec }).format;

  it('finds tsv, csv (comma, semicolon, header) and list from the first lines', () => {
    expect(formatOf('# comment\ngood\t2\n')).toBe('tsv');
    expect(formatOf('good,2\nbad,-1\n')).toBe('csv');
    expect(formatOf('god;0,5\ndårlig;-1\n')).toBe('csv');
    expect(formatOf('"word","score"\n"good",2\n')).toBe('csv');
    expect(formatOf('good\nwell, well\n;)\n', { polarity: 1 })).toBe('list');
  });

  it('refuses word and score separated by spaces, which a list would read as phrases', () => {
    const file = fixture('good 2\nbad -1\n');
    expect(configErrorOf(() => readUserLexicon({ file }))).toContain(`${file}:1: looks like a word and a score separated by spaces`);
  });
});

describe('readUserLexicon: errors name the file, the line and the fix', () => {
  it('a missing file', () => {
    const file = join(tmp, 'no-such-lexicon.txt');
    expect(configErrorOf(() => readUserLexicon({ file }))).toMatch(new RegExp(`^${file}: lexicon file not found .*Fix: check the path`));
  });

  it('a score that is not a number, or off the −5…5 scale', () => {
    const file = fixture('good\t2\nbad\tterrible\n');
    expect(configErrorOf(() => readUserLexicon({ file }))).toBe(
      `${file}:2: expected a number as the score in column 2; got "terrible". Fix: write the score as a number such as 2, -1.5 or 0,5.`,
    );
    const big = fixture('good\t7\n');
    expect(configErrorOf(() => readUserLexicon({ file: big }))).toContain(`${big}:1: expected a score from -5 to 5`);
    const first = fixture('good\tx\n');
    expect(configErrorOf(() => readUserLexicon({ file: first }))).toContain('if this line is a header, name its columns (word, score)');
  });

  it('an unreadable line: no tab, no word, no score column', () => {
    const file = fixture('good\t2\n# fine\nbad -2\n');
    expect(configErrorOf(() => readUserLexicon({ file }))).toContain(`${file}:3: expected word<TAB>score; got "bad -2". Fix: separate word and score with one tab.`);
    const empty = fixture('good\t2\n\t-1\n');
    expect(configErrorOf(() => readUserLexicon({ file: empty }))).toContain(`${empty}:2: expected a word in column 1`);
    const short = fixture('good\t2\t0.5\nbad\t-2\n');
    expect(configErrorOf(() => readUserLexicon({ file: short, column: 3 }))).toContain(`${short}:2: expected a score in column 3`);
  });

  it('bad options', () => {
    const file = fixture('good\t2\n');
    expect(configErrorOf(() => readUserLexicon({ file, column: 0 }))).toContain('"column" must be a whole number from 1');
    expect(configErrorOf(() => readUserLexicon({ file, column: 1 }))).toContain('"column" 1 is the word\'s column');
    expect(configErrorOf(() => readUserLexicon({ file, format: 'xml' as 'csv' }))).toContain('"format" must be one of auto, tsv, csv, list');
  });

  it('a file with no entries, and a binary or BOM-less UTF-16 file; UTF-16 with a BOM is read', () => {
    const empty = fixture('# nothing\n\n');
    expect(configErrorOf(() => readUserLexicon({ file: empty }))).toContain(`${empty}: no entries`);
    const header = fixture('word,score\n');
    expect(configErrorOf(() => readUserLexicon({ file: header }))).toContain(`${header}: no entries`);
    const utf16 = Buffer.from('good\t2\nbad\t-2\n', 'utf16le');
    expect(configErrorOf(() => readUserLexicon({ file: fixture(utf16) }))).toContain(':1: expected text; got a NUL byte');
    const badUtf8 = fixture(Buffer.concat([Buffer.from('\uFEFFgood\t2\n', 'utf8'), Buffer.from('bär\t-1\n', 'latin1')]));
    expect(configErrorOf(() => readUserLexicon({ file: badUtf8 }))).toContain(`${badUtf8}:2: expected UTF-8`);
    const emoticons = fixture('>:(\t-2\n8-)\t1\n');
    expect(configErrorOf(() => readUserLexicon({ file: emoticons }))).toContain(`${emoticons}: no entry that a text could match; all 2 were skipped`);
    const withBom = readUserLexiconFile({ file: fixture(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])) });
    expect(withBom).toMatchObject({ encoding: 'utf-16le', format: 'tsv' });
    expect([...withBom.entries]).toEqual([['good', 2], ['bad', -2]]);
  });
});

describe('userLexiconPack', () => {
  const positive = fixture('bra\nflott\nlite\nhelt\n');
  const negative = fixture('dårlig\nhelt\ntreg\n');

  it('merges files (the later file wins a word both have), terms and phrases apart, no rules by default', () => {
    const extra = fixture('ikke bra\t-2\ntyp\t0\nen sorts\t0\n');
    const pack = userLexiconPack('nb', [{ file: positive, polarity: 1 }, { file: negative, polarity: -1 }, { file: extra }]);
    expect([...pack.terms]).toEqual([['bra', 1], ['flott', 1], ['lite', 1], ['dårlig', -1], ['helt', -1], ['treg', -1]]);
    expect([...pack.phrases]).toEqual([['ikke bra', -2], ['en sorts', 0]]); // a 0 word is no term; a 0 phrase blocks
    expect(pack).toMatchObject({ lang: 'nb', negators: new Set(), intensifiers: new Map(), contrast: new Map() });
    expect(pack.calibration).toEqual(DEFAULT_CALIBRATION);
    expect(pack.calibration).not.toBe(DEFAULT_CALIBRATION);
    expect(pack.stemming).toBeUndefined();
  });

  it('is named after its files; its version is a short hash of their contents and of how they were read', () => {
    const specs = [{ file: positive, polarity: 1 }, { file: negative, polarity: -1 }];
    const pack = userLexiconPack('nb', specs);
    const name = (file: string) => file.slice(tmp.length + 1, -'.txt'.length);
    expect(pack.name).toBe(`${name(positive)}+${name(negative)}`);
    expect(pack.version).toMatch(/^[0-9a-f]{12}$/);
    expect(userLexiconPack('nb', specs).version).toBe(pack.version);
    expect(userLexiconPack('nb', [specs[0]!, { ...specs[1]!, polarity: -2 }]).version).not.toBe(pack.version);
    const copy = fixture('bra\nflott\nlite\nhelt\n');
    expect(userLexiconPack('nb', [{ file: copy, polarity: 1 }, specs[1]!]).version).toBe(pack.version);
    const changed = fixture('bra\nflott\nlite\nhelt\nfin\n');
    expect(userLexiconPack('nb', [{ file: changed, polarity: 1 }, specs[1]!]).version).not.toBe(pack.version);
  });

  it('takes negators, intensifiers and contrast words from `rules`; such a word is no term', () => {
    const rules = loadLexiconPack('nb')!;
    const plain = userLexiconPack('nb', [{ file: positive, polarity: 2 }, { file: negative, polarity: -2 }]);
    const ruled = userLexiconPack('nb', [{ file: positive, polarity: 2 }, { file: negative, polarity: -2 }], { rules });
    expect(ruled.name).toBe(`${plain.name}+rules:${rules.name}@${rules.version}`);
    expect(ruled.negators).toEqual(rules.negators);
    expect(ruled.negators).not.toBe(rules.negators);
    expect(ruled.intensifiers).toEqual(rules.intensifiers);
    expect(ruled.contrast).toEqual(rules.contrast);
    expect(ruled.calibration).toEqual(DEFAULT_CALIBRATION);
    expect(ruled.terms.has('lite')).toBe(false); // a negator in the nb pack
    expect(ruled.terms.has('helt')).toBe(false); // an intensifier there
    expect(plain.terms.get('lite')).toBe(2);
    // An AFINN-style sum counts `bra` whatever stands before it; the rules flip it.
    expect(scoreText('Ikke bra.', plain).label).toBe('positive');
    expect(scoreText('Ikke bra.', ruled).label).toBe('negative');
    expect(scoreText('Veldig treg levering.', ruled).terms).toMatchObject([{ term: 'treg', weight: -2 * rules.intensifiers.get('veldig')!, intensifier: 'veldig' }]);
  });

  it('takes a calibration', () => {
    const calibration = { negativity: 1.5, positiveFrom: 0.3, negativeTo: -0.1 };
    expect(userLexiconPack('nb', [{ file: positive, polarity: 1 }], { calibration }).calibration).toEqual(calibration);
  });

  it('needs a file', () => {
    expect(configErrorOf(() => userLexiconPack('nb', []))).toContain('at least one file');
  });
});

// The public lexicons in ../shared (other people's files, read in place, never copied here). Counts: `lines` as in
// each folder's README; `entries` after our normalisation (keys lower-cased and tokenised, so `Mord` and `mord`, or
// `ikke-godkjent` and `ikke godkjent`, are one entry, the last line winning), which is why some are below the
// README's distinct count; `skipped` are entries no text could match as written (see user-lexicon.ts).
const SOURCES = join(SHARED, 'data/lexicon-sources');
const hasSources = existsSync(SOURCES);

describe.skipIf(!hasSources)('public lexicons in shared/data/lexicon-sources', () => {
  const read = (file: string, spec: Omit<UserLexiconSpec, 'file'> = {}) => readUserLexiconFile({ file: join(SOURCES, file), ...spec });
  const pack = (lang: Parameters<typeof userLexiconPack>[0], specs: UserLexiconSpec[]) =>
    userLexiconPack(lang, specs.map((s) => ({ ...s, file: join(SOURCES, s.file) })));
  const counts = (l: ReturnType<typeof read>) => ({ format: l.format, lines: l.lines, entries: l.entries.size, duplicates: l.duplicates, skipped: l.skipped.length });

  it('AFINN-da-32: 3,552 lines, all distinct', () => {
    const da = read('afinn/AFINN-da-32.txt');
    expect(counts(da)).toEqual({ format: 'tsv', lines: 3552, entries: 3552, duplicates: 0, skipped: 0 });
    expect(da.entries.get('god')).toBe(3);
    expect(da.entries.get('dårlig')).toBe(-3);
    const p = pack('da', [{ file: 'afinn/AFINN-da-32.txt' }]);
    expect(scoreText('Fantastisk service, jeg er meget glad.', p).label).toBe('positive');
    expect(scoreText('Dårlig kvalitet og elendig kundeservice.', p).label).toBe('negative');
  });

  it('AFINN-sv-165: 3,370 lines, 2,852 entries (README: 2,856 distinct as written; Mord, BRYTA, BEDRÄGERI, rISK fold into their lower-case twins)', () => {
    const sv = read('afinn/AFINN-sv-165.txt');
    expect(counts(sv)).toEqual({ format: 'tsv', lines: 3370, entries: 2852, duplicates: 518, skipped: 0 });
    expect(sv.entries.get('bra')).toBe(3);
    expect(sv.entries.get('dålig')).toBe(-2);
    expect(sv.entries.get('nöjd')).toBe(2); // 3, then 2: the last wins
    expect(sv.entries.get('hemsk')).toBe(-3); // -2, then -3
    const p = pack('sv', [{ file: 'afinn/AFINN-sv-165.txt' }]);
    expect(scoreText('Bra service, jag är mycket nöjd!', p).label).toBe('positive');
    expect(scoreText('Dålig kvalitet, jag är besviken.', p).label).toBe('negative');
  });

  it('AFINN-no-165: 3,214 lines, 3,188 entries (README: 3,191 distinct; ikke-godkjent = ikke godkjent, two "a, b" translations skipped)', () => {
    const no = read('afinn-no/AFINN-no-165.txt');
    expect(counts(no)).toEqual({ format: 'tsv', lines: 3214, entries: 3188, duplicates: 24, skipped: 2 });
    expect(no.skipped.map((s) => s.text)).toEqual(['prosedyre, rettstvist', 'påbudt, bindende']);
    expect(no.entries.get('fornøyd')).toBe(2);
    expect(no.entries.get('skuffet')).toBe(-2);
    expect(no.entries.get('forferdelig')).toBe(4); // sic: a translation of "awesome"
    expect(no.entries.get('ligg unna')).toBeLessThan(0);
    const p = pack('nb', [{ file: 'afinn-no/AFINN-no-165.txt' }]);
    expect(p.phrases.size).toBe(181);
    expect(scoreText('Veldig fornøyd, fantastisk produkt.', p).label).toBe('positive');
    expect(scoreText('Jeg er skuffet, dårlig kvalitet.', p).label).toBe('negative');
  });

  it('Sentida: 5,263 Latin-1 rows of an R table, 5,261 stems (Glem/glem, SAND/sand fold)', () => {
    const sentida = read('sentida/aarup.csv');
    expect(counts(sentida)).toEqual({ format: 'csv', lines: 5263, entries: 5261, duplicates: 2, skipped: 0 });
    expect(sentida.encoding).toBe('windows-1252');
    expect(sentida.entries.get('glad')).toBeCloseTo(4.333, 3);
    expect(sentida.entries.get('lort')).toBeCloseTo(-4.333, 3);
    expect(sentida.entries.get('skøn')).toBe(2.875); // ø read from Latin-1
    expect(read('sentida/intensifier.csv').entries.get('mega')).toBe(1.4);
    // Stems, matched exactly (no Danish stemmer): `glad` and `godt` are their own stems, `forfærdelig` is not.
    const p = pack('da', [{ file: 'sentida/aarup.csv' }]);
    expect(scoreText('Jeg er glad, det virker godt.', p).label).toBe('positive');
    expect(scoreText('Det var noget lort.', p).label).toBe('negative');
  });

  it('Swedish VADER: 5,501 lines, 5,441 entries, 56 emoticons and the like skipped', () => {
    const vader = read('vader-sv/vader_lexicon.txt');
    expect(counts(vader)).toEqual({ format: 'tsv', lines: 5501, entries: 5441, duplicates: 4, skipped: 56 });
    expect(vader.entries.get('bra')).toBe(3.1);
    expect(vader.entries.get('dålig')).toBe(-2.5);
    expect(vader.entries.get(':)')).toBe(2);
    expect(vader.entries.get('grova brott')).toBe(-1); // a line with three columns
    expect(vader.entries.get('hålla med')).toBeGreaterThan(0);
    expect(vader.skipped.map((s) => s.text)).toContain('>:(');
    const p = pack('sv', [{ file: 'vader-sv/vader_lexicon.txt' }]);
    expect(scoreText('Bra service, jag är mycket nöjd :)', p).label).toBe('positive');
    expect(scoreText('Dålig kvalitet, jag är besviken.', p).label).toBe('negative');
  });

  it('NorSentLex full forms: 6,103 positive + 14,838 negative words; the 567 in both lists are negative (the later file)', () => {
    const pos = read('norsentlex/Fullform/Fullform_Positive_lexicon.txt', { polarity: 1 });
    const neg = read('norsentlex/Fullform/Fullform_Negative_lexicon.txt', { polarity: -1 });
    expect(counts(pos)).toEqual({ format: 'list', lines: 6103, entries: 6103, duplicates: 0, skipped: 0 });
    expect(counts(neg)).toEqual({ format: 'list', lines: 14838, entries: 14838, duplicates: 0, skipped: 0 });
    const both = [...pos.entries.keys()].filter((k) => neg.entries.has(k));
    expect(both.length).toBe(567);
    const p = pack('nb', [
      { file: 'norsentlex/Fullform/Fullform_Positive_lexicon.txt', polarity: 1 },
      { file: 'norsentlex/Fullform/Fullform_Negative_lexicon.txt', polarity: -1 },
    ]);
    expect(p.terms.size + p.phrases.size).toBe(6103 + 14838 - 567);
    expect(p.phrases.get('bla bla')).toBe(-1); // `bla-bla`
    expect(p.terms.get('fornøyd')).toBe(1);
    expect(p.terms.get('dårlig')).toBe(-1);
    expect(p.terms.get(both[0]!)).toBe(-1);
    expect(scoreText('Veldig fornøyd, flott produkt og rask levering.', p).label).toBe('positive');
    expect(scoreText('Dårlig kvalitet, jeg er skuffet.', p).label).toBe('negative');
    const ruled = userLexiconPack('nb', [{ file: pos.path, polarity: 1 }, { file: neg.path, polarity: -1 }], { rules: loadLexiconPack('nb')! });
    expect(scoreText('Ikke fornøyd.', p).label).toBe('positive');
    expect(scoreText('Ikke fornøyd.', ruled).label).toBe('negative');
  });

  it('Chen & Skiena 2014: da 3,340, no 3,089, nn 1,894, sv 3,722 lines (a few fold by case: Smart/smart, OK/ok)', () => {
    const expected = {
      da: { entries: 3336, good: 'god', bad: 'dårlig' },
      no: { entries: 3087, good: 'fornøyd', bad: 'dårlig' },
      nn: { entries: 1893, good: 'god', bad: 'dårlig' },
      sv: { entries: 3714, good: 'bra', bad: 'dålig' },
    } as const;
    const lines = { da: 3340, no: 3089, nn: 1894, sv: 3722 };
    for (const [lang, e] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
      const file = `chen-skiena-2014/${lang}_lexicon_chen_skiena_2014_v1.txt`;
      const l = read(file);
      expect(counts(l), lang).toEqual({ format: 'tsv', lines: lines[lang], entries: e.entries, duplicates: lines[lang] - e.entries, skipped: 0 });
      expect(l.entries.get(e.good), lang).toBe(1);
      expect(l.entries.get(e.bad), lang).toBe(-1);
      const p = pack(lang === 'no' ? 'nb' : lang, [{ file }]);
      expect(scoreText(`${e.good}!`, p).label, lang).toBe('positive');
      expect(scoreText(`${e.bad}.`, p).label, lang).toBe('negative');
    }
  });

  it('Språkbanken Sentimentlex: 2,068 rows, sign from `polarity` (19 rows disagree with their strength), 2 five-word entries skipped', () => {
    const lex = read('spraakbanken-sentimentlex/sentimentlex.csv');
    expect(counts(lex)).toEqual({ format: 'csv', lines: 2068, entries: 2066, duplicates: 0, skipped: 2 });
    const values = [...lex.entries.values()];
    expect(values.filter((v) => v > 0).length).toBe(1333 - 2); // README: 1,333 pos, 735 neg
    expect(values.filter((v) => v < 0).length).toBe(735);
    expect(lex.entries.get('bra')).toBe(2);
    expect(lex.entries.get('dålig')).toBe(-2);
    expect(lex.entries.get('yr')).toBe(-2); // neg, strength 2
    expect(lex.entries.get('feberfri')).toBe(2); // pos, strength -2
    const p = pack('sv', [{ file: 'spraakbanken-sentimentlex/sentimentlex.csv' }]);
    expect(p.phrases.size).toBe(239 - 2 + 2); // README: 239 with a space, 2 of them skipped; k-märka, comme-il-faut
    expect(scoreText('Trevlig personal och bra mat.', p).label).toBe('positive');
    expect(scoreText('Usel service, jag var besviken.', p).label).toBe('negative');
  });
});
