import { describe, it, expect } from 'vitest';
import { compileDateFormat, dateFromParts } from '../../src/ingest/parse-date.js';

const ok = (date: string) => ({ ok: true, date });

/** Asserts a reject and returns its reason for further checks. */
function reasonOf(result: ReturnType<ReturnType<typeof compileDateFormat>>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
}

describe('iso', () => {
  const parse = compileDateFormat('iso');

  it('accepts dates and date-times', () => {
    expect(parse('2017-09-03')).toEqual(ok('2017-09-03'));
    expect(parse('2017-09-03T00:00:00.000Z')).toEqual(ok('2017-09-03'));
    expect(parse('2023-05-18 14:02:11')).toEqual(ok('2023-05-18'));
    expect(parse('2023-05-18T14:02')).toEqual(ok('2023-05-18'));
    expect(parse('2023-05-18T14:02:11+02:00')).toEqual(ok('2023-05-18'));
    expect(parse('2023-05-18T14:02:11+0200')).toEqual(ok('2023-05-18'));
    expect(parse('2023-05-18T14:02:11,5-03')).toEqual(ok('2023-05-18'));
    expect(parse('  2017-09-03T10:00:00Z \r')).toEqual(ok('2017-09-03'));
  });

  it('keeps the date as written instead of shifting time zones', () => {
    expect(parse('2017-09-03T23:30:00-05:00')).toEqual(ok('2017-09-03'));
    expect(parse('2017-09-03T00:30:00+09:00')).toEqual(ok('2017-09-03'));
  });

  it('knows leap years', () => {
    expect(parse('2024-02-29')).toEqual(ok('2024-02-29'));
    expect(parse('2000-02-29')).toEqual(ok('2000-02-29'));
    expect(reasonOf(parse('2023-02-29'))).toBe('day 29 is not in February 2023');
    expect(reasonOf(parse('1900-02-29'))).toBe('day 29 is not in February 1900');
  });

  it('rejects impossible dates and times with a specific reason', () => {
    expect(reasonOf(parse('2024-02-30'))).toBe('day 30 is not in February 2024');
    expect(reasonOf(parse('2024-04-31'))).toBe('day 31 is not in April 2024');
    expect(reasonOf(parse('2024-13-45T10:00:00Z'))).toBe('month 13 is not 1–12');
    expect(reasonOf(parse('0000-00-00 00:00:00'))).toBe('year 0 is outside 1900–2100');
    expect(reasonOf(parse('1899-12-31'))).toBe('year 1899 is outside 1900–2100');
    expect(reasonOf(parse('2024-01-01T24:00:00'))).toBe('hour 24 is not 0–23');
    expect(reasonOf(parse('2024-01-01T10:60:00'))).toBe('minute 60 is not 0–59');
    expect(reasonOf(parse('2024-01-01T10:00:60'))).toBe('second 60 is not 0–59');
    expect(reasonOf(parse('2024-01-01T10:00:00+25:00'))).toMatch(/offset/);
  });

  it('rejects compact, partial and free-text forms, naming the expected format', () => {
    for (const raw of ['20240231', '20170903', '2017-9-3', '2017-09', '2017-W35', '03.09.2017', 'yesterday', 'NaN', 'not a date', '', '2017-09-03T10', '2017-09-03 garbage']) {
      expect(reasonOf(parse(raw)), raw).toMatch(/^expected ISO 8601 date like YYYY-MM-DD/);
    }
  });
});

describe('epoch', () => {
  const secs = compileDateFormat('epoch');
  const ms = compileDateFormat('epoch-ms');

  it('converts seconds and milliseconds to the UTC date', () => {
    expect(secs('1472688000')).toEqual(ok('2016-09-01')); // Amazon's unixReviewTime for "09 1, 2016"
    expect(secs('1700000000')).toEqual(ok('2023-11-14'));
    expect(secs('1700000000.0')).toEqual(ok('2023-11-14'));
    expect(secs(' 1700000000 ')).toEqual(ok('2023-11-14'));
    expect(ms('1700000000000')).toEqual(ok('2023-11-14'));
    expect(ms('1504396800000')).toEqual(ok('2017-09-03'));
    expect(secs('1709164800')).toEqual(ok('2024-02-29'));
  });

  it('floors a fractional part instead of rounding into the next day', () => {
    expect(secs('1504483199.999')).toEqual(ok('2017-09-03'));
  });

  it('accepts the range edges 1970-01-02 and 2100-12-31', () => {
    expect(secs('86400')).toEqual(ok('1970-01-02'));
    expect(secs('4133980799')).toEqual(ok('2100-12-31'));
    expect(ms('4133980799999')).toEqual(ok('2100-12-31'));
  });

  it('matches Date for many days', () => {
    for (let day = 1; day < 47847; day += 97) {
      const s = day * 86400 + 43210;
      expect(secs(String(s))).toEqual(ok(new Date(s * 1000).toISOString().slice(0, 10)));
    }
  });

  it('rejects non-numeric, negative and absurd values', () => {
    expect(reasonOf(secs('abc'))).toBe('expected epoch seconds like 1700000000');
    expect(reasonOf(secs('NaN'))).toBe('expected epoch seconds like 1700000000');
    expect(reasonOf(secs('1.7e9'))).toBe('expected epoch seconds like 1700000000');
    expect(reasonOf(secs(''))).toBe('expected epoch seconds like 1700000000');
    expect(reasonOf(secs('-86400'))).toMatch(/^negative epoch seconds/);
    expect(reasonOf(secs('0'))).toMatch(/before 1970-01-02/);
    expect(reasonOf(secs('86399'))).toMatch(/before 1970-01-02/);
    expect(reasonOf(secs('4133980800'))).toMatch(/after 2100/);
    expect(reasonOf(ms('abc'))).toBe('expected epoch milliseconds like 1700000000000');
    expect(reasonOf(ms('4133980800000'))).toMatch(/after 2100/);
  });

  it('hints at the other unit when the value looks like it', () => {
    expect(reasonOf(secs('1700000000000'))).toMatch(/use format epoch-ms/);
    expect(reasonOf(ms('17000'))).toMatch(/use format epoch\)/);
  });

  it('stringifies a number handed over from JSON', () => {
    expect(secs(1472688000 as unknown as string)).toEqual(ok('2016-09-01'));
  });
});

describe('patterns', () => {
  it('DD.MM.YYYY', () => {
    const p = compileDateFormat('DD.MM.YYYY');
    expect(p('03.09.2017')).toEqual(ok('2017-09-03'));
    expect(p(' 29.02.2024 ')).toEqual(ok('2024-02-29'));
    expect(reasonOf(p('3.9.2017'))).toBe('expected date like DD.MM.YYYY');
    expect(reasonOf(p('03/09/2017'))).toBe('expected date like DD.MM.YYYY');
    expect(reasonOf(p('03.09.17'))).toBe('expected date like DD.MM.YYYY');
    expect(reasonOf(p('03x09x2017'))).toBe('expected date like DD.MM.YYYY'); // the dot is literal, not "any"
    expect(reasonOf(p('29.02.2023'))).toBe('day 29 is not in February 2023');
    expect(reasonOf(p('03.09.2017 10:00'))).toBe('expected date like DD.MM.YYYY');
  });

  it('DD/MM/YYYY', () => {
    const p = compileDateFormat('DD/MM/YYYY');
    expect(p('13/12/2019')).toEqual(ok('2019-12-13'));
    expect(reasonOf(p('31/02/2024'))).toBe('day 31 is not in February 2024');
    expect(reasonOf(p('12/13/2019'))).toBe('month 13 is not 1–12');
  });

  it('M/D/YYYY and M/D/YYYY H:mm:ss (US, unpadded)', () => {
    const p = compileDateFormat('M/D/YYYY');
    expect(p('1/9/2020')).toEqual(ok('2020-01-09'));
    expect(p('12/13/2019')).toEqual(ok('2019-12-13'));
    expect(p('01/09/2020')).toEqual(ok('2020-01-09'));
    expect(reasonOf(p('123/1/2020'))).toBe('expected date like M/D/YYYY');

    const t = compileDateFormat('M/D/YYYY H:mm:ss');
    expect(t('12/13/2019 9:50:30')).toEqual(ok('2019-12-13'));
    expect(t('1/9/2020 18:58:43')).toEqual(ok('2020-01-09'));
    expect(reasonOf(t('1/9/2020'))).toBe('expected date like M/D/YYYY H:mm:ss');
    expect(reasonOf(t('1/9/2020 25:00:00'))).toBe('hour 25 is not 0–23');
    expect(reasonOf(t('1/9/2020 9:5:00'))).toBe('expected date like M/D/YYYY H:mm:ss');
  });

  it('YYYY-MM-DD HH:mm:ss', () => {
    const p = compileDateFormat('YYYY-MM-DD HH:mm:ss');
    expect(p('2023-05-18 14:02:11')).toEqual(ok('2023-05-18'));
    expect(reasonOf(p('2023-05-18 4:02:11'))).toBe('expected date like YYYY-MM-DD HH:mm:ss');
    expect(reasonOf(p('2023-05-18T14:02:11'))).toBe('expected date like YYYY-MM-DD HH:mm:ss');
    expect(reasonOf(p('0000-00-00 00:00:00'))).toBe('year 0 is outside 1900–2100');
    expect(reasonOf(p('2023-05-18 14:61:11'))).toBe('minute 61 is not 0–59');
  });

  it('quoted literal letters', () => {
    const p = compileDateFormat("YYYY-MM-DD'T'HH:mm");
    expect(p('2023-05-18T14:02')).toEqual(ok('2023-05-18'));
    expect(reasonOf(p('2023-05-18 14:02'))).toBe("expected date like YYYY-MM-DD'T'HH:mm");
  });

  it('MMM D, YYYY with English month names', () => {
    const p = compileDateFormat('MMM D, YYYY');
    expect(p('Sep 1, 2016')).toEqual(ok('2016-09-01'));
    expect(p('Sept 1, 2016')).toEqual(ok('2016-09-01'));
    expect(p('Sep. 1, 2016')).toEqual(ok('2016-09-01'));
    expect(p('September 30, 2016')).toEqual(ok('2016-09-30'));
    expect(p('JANUARY 9, 2020')).toEqual(ok('2020-01-09'));
    expect(p('may 31, 2020')).toEqual(ok('2020-05-31'));
    expect(p('Feb  29,  2024')).toEqual(ok('2024-02-29'));
    expect(reasonOf(p('Foo 1, 2016'))).toBe('unknown month name "Foo" (expected date like MMM D, YYYY)');
    expect(reasonOf(p('Sep 31, 2016'))).toBe('day 31 is not in September 2016');
    expect(reasonOf(p('9 1, 2016'))).toBe('expected date like MMM D, YYYY');
    expect(reasonOf(p('Sep 1 2016'))).toBe('expected date like MMM D, YYYY');
  });

  it('MM D, YYYY (Amazon reviewTime)', () => {
    const p = compileDateFormat('MM D, YYYY');
    expect(p('09 1, 2016')).toEqual(ok('2016-09-01'));
    expect(p('12 25, 2010')).toEqual(ok('2010-12-25'));
    expect(reasonOf(p('9 1, 2016'))).toBe('expected date like MM D, YYYY');
  });

  it('D. MMMM YYYY (MMMM is an alias of MMM)', () => {
    expect(compileDateFormat('D. MMMM YYYY')('3. March 2017')).toEqual(ok('2017-03-03'));
  });

  it('rejects free text and empty values', () => {
    const p = compileDateFormat('DD.MM.YYYY');
    for (const raw of ['yesterday', 'NaN', 'not a date', '', '   ']) {
      expect(reasonOf(p(raw)), raw).toBe('expected date like DD.MM.YYYY');
    }
  });

  it('treats regex metacharacters in separators literally', () => {
    const p = compileDateFormat('YYYY|MM|DD');
    expect(p('2017|09|03')).toEqual(ok('2017-09-03'));
    expect(reasonOf(p('2017'))).toBe('expected date like YYYY|MM|DD');
  });
});

describe('compileDateFormat config errors', () => {
  it.each([
    ['', /invalid date format ""/],
    ['   ', /invalid date format/],
    ['dd.mm.yyyy', /unknown token "dd" at position 0/],
    ['DD.MM.YY', /unknown token "YY".*four digits/],
    ['YYYY-MM-DDTHH:mm', /unknown token "T"/],
    ['ISO', /unknown token/],
    ['DD.mm.YYYY', /needs a year.*mm is minutes/],
    ['YYYY-MM', /needs a year \(YYYY\), a month \(MM, M or MMM\) and a day/],
    ['DD.MM.YYYY.YYYY', /year appears twice/],
    ['MD/YYYY', /ambiguous/],
    ["YYYY-MM-DD'T", /unclosed quote/],
    ['YYYY-MM-DD ss', /seconds \(ss\) without minutes/],
    ['YYYY-MM-DD mm', /minutes \(mm\) without hours/],
  ])('%j throws', (format, message) => {
    expect(() => compileDateFormat(format)).toThrow(message);
  });

  it('throws an Error that names the format', () => {
    expect(() => compileDateFormat('dd.mm.yyyy')).toThrow(Error);
    expect(() => compileDateFormat('dd.mm.yyyy')).toThrow(/"dd\.mm\.yyyy"/);
  });
});

describe('dateFromParts', () => {
  it('builds a padded date from separate fields', () => {
    expect(dateFromParts('2016', '9', '1')).toEqual(ok('2016-09-01'));
    expect(dateFromParts('2016', '09', '01')).toEqual(ok('2016-09-01'));
    expect(dateFromParts(' 2024 ', '2', '29')).toEqual(ok('2024-02-29'));
  });

  it('accepts numbers handed over from JSON', () => {
    expect(dateFromParts(2016 as unknown as string, 12 as unknown as string, 31 as unknown as string)).toEqual(
      ok('2016-12-31'),
    );
  });

  it('rejects non-numbers and impossible dates', () => {
    expect(reasonOf(dateFromParts('16', '9', '1'))).toBe('expected a four-digit year, got "16"');
    expect(reasonOf(dateFromParts('2016', 'Sep', '1'))).toBe('expected a month number 1–12, got "Sep"');
    expect(reasonOf(dateFromParts('2016', '9', ''))).toBe('expected a day number 1–31, got ""');
    expect(reasonOf(dateFromParts('2016', '9', '1.5'))).toBe('expected a day number 1–31, got "1.5"');
    expect(reasonOf(dateFromParts('2023', '2', '29'))).toBe('day 29 is not in February 2023');
    expect(reasonOf(dateFromParts('2016', '0', '1'))).toBe('month 0 is not 1–12');
    expect(reasonOf(dateFromParts('2016', '9', '0'))).toBe('day 0 is not in September 2016');
    expect(reasonOf(dateFromParts('2101', '1', '1'))).toBe('year 2101 is outside 1900–2100');
  });
});
