// Turns one raw date field into a calendar date (YYYY-MM-DD) or a reason why not.
// Strict on purpose: ambiguous or unparsable dates are rejects, never guesses (DESIGN.md §2).
// Runs once per record, so formats compile to one anchored RegExp up front and the hot path allocates no Date.

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };
export type DateParser = (raw: string) => DateResult;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Lower-case English month names and abbreviations → 1–12 (`sept` is common in the wild). */
const MONTH_BY_NAME = new Map<string, number>();
MONTHS.forEach((name, i) => {
  MONTH_BY_NAME.set(name.toLowerCase(), i + 1);
  MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_BY_NAME.set('sept', 9);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Undefined when y-m-d is a real date in the supported range, otherwise why not. */
function checkDate(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR) return `year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (m < 1 || m > 12) return `month ${m} is not 1–12`;
  const last = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
  if (d < 1 || d > last) return `day ${d} is not in ${MONTHS[m - 1]} ${y}`;
  return undefined;
}

/** Callers pass 0 for the parts a format does not have. */
function checkTime(h: number, min: number, s: number): string | undefined {
  if (h > 23) return `hour ${h} is not 0–23`;
  if (min > 59) return `minute ${min} is not 0–59`;
  if (s > 59) return `second ${s} is not 0–59`;
  return undefined;
}

function formatDate(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function dateOrReason(y: number, m: number, d: number): DateResult {
  const bad = checkDate(y, m, d);
  return bad === undefined ? { ok: true, date: formatDate(y, m, d) } : { ok: false, reason: bad };
}

/** Days since 1970-01-01 → civil date (Howard Hinnant's algorithm), so epoch input needs no Date either. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// --- iso --------------------------------------------------------------------------------------------------------

// Calendar dates only (no week or ordinal dates, no compact YYYYMMDD: those are too easy to misread).
// The offset is validated but never applied: the date is the one written in the string.
const ISO_RE =
  /^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: ?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?))?)?\s*$/;
const ISO_EXPECTED = 'expected ISO 8601 date like YYYY-MM-DD or YYYY-MM-DDTHH:mm:ssZ';

const digitsAt = (s: string, ...at: number[]) => at.every((i) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57);
const num2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

function parseIso(raw: string): DateResult {
  // The commonest shape, `2024-04-29T14:39:33Z`, by character codes: the same checks as the regex below, without
  // its match array for every record of a big dump.
  if (
    raw.length === 20 && raw[4] === '-' && raw[7] === '-' && raw[10] === 'T' && raw[13] === ':' && raw[16] === ':' && raw[19] === 'Z' &&
    digitsAt(raw, 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)
  ) {
    const result = dateOrReason(num2(raw, 0) * 100 + num2(raw, 2), num2(raw, 5), num2(raw, 8));
    const bad = result.ok ? checkTime(num2(raw, 11), num2(raw, 14), num2(raw, 17)) : undefined;
    return bad === undefined ? result : { ok: false, reason: bad };
  }
  const m = ISO_RE.exec(raw);
  if (m === null) return { ok: false, reason: ISO_EXPECTED };
  const result = dateOrReason(+m[1]!, +m[2]!, +m[3]!);
  if (result.ok && m[4] !== undefined) {
    const bad = checkTime(+m[4], +m[5]!, m[6] === undefined ? 0 : +m[6]);
    if (bad !== undefined) return { ok: false, reason: bad };
    if ((m[7] !== undefined && +m[7] > 23) || (m[8] !== undefined && +m[8] > 59)) {
      return { ok: false, reason: `time zone offset is not valid (${ISO_EXPECTED})` };
    }
  }
  return result;
}

// --- epoch ------------------------------------------------------------------------------------------------------

const EPOCH_RE = /^\s*(\d+(?:\.\d+)?)\s*$/;
const NEGATIVE_RE = /^\s*-\d/;
/** 2101-01-01 as days since 1970-01-01: the first day past the supported range. */
const DAYS_TO_2101 = 47847;

function epochParser(unit: 'epoch' | 'epoch-ms'): DateParser {
  const perDay = unit === 'epoch' ? 86_400 : 86_400_000;
  const what = unit === 'epoch' ? 'epoch seconds' : 'epoch milliseconds';
  const expected = `expected ${what} like ${unit === 'epoch' ? '1700000000' : '1700000000000'}`;
  // The usual mistake is the wrong unit; say so rather than only "out of range".
  const tooLate = unit === 'epoch' ? ' (milliseconds? use format epoch-ms)' : '';
  const tooEarly = unit === 'epoch-ms' ? ' (seconds? use format epoch)' : '';
  return (raw) => {
    const m = EPOCH_RE.exec(raw);
    if (m === null) {
      return { ok: false, reason: NEGATIVE_RE.test(raw) ? `negative ${what} are not dates (${expected})` : expected };
    }
    // A fractional part cannot change the day enough to be ambiguous, so it is floored, not rejected.
    const days = Math.floor(+m[1]! / perDay);
    if (days < 1) return { ok: false, reason: `${what} ${m[1]} is before 1970-01-02${tooEarly}` };
    if (days >= DAYS_TO_2101) return { ok: false, reason: `${what} ${m[1]} is after ${MAX_YEAR}${tooLate}` };
    const [y, mo, d] = civilFromDays(days);
    return { ok: true, date: formatDate(y, mo, d) };
  };
}

// --- patterns ---------------------------------------------------------------------------------------------------

type Slot = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
type Token = { text: string; slot: Slot; re: string; variable: boolean; name?: true };

// Longest first, so `MMM` wins over `MM` and `MM` over `M`. `MMMM` is an alias of `MMM` (both take either form).
const TOKENS: Token[] = [
  { text: 'YYYY', slot: 'year', re: '(\\d{4})', variable: false },
  { text: 'MMMM', slot: 'month', re: '([A-Za-z]+)\\.?', variable: false, name: true },
  { text: 'MMM', slot: 'month', re: '([A-Za-z]+)\\.?', variable: false, name: true },
  { text: 'MM', slot: 'month', re: '(\\d{2})', variable: false },
  { text: 'M', slot: 'month', re: '(\\d{1,2})', variable: true },
  { text: 'DD', slot: 'day', re: '(\\d{2})', variable: false },
  { text: 'D', slot: 'day', re: '(\\d{1,2})', variable: true },
  { text: 'HH', slot: 'hour', re: '(\\d{2})', variable: false },
  { text: 'H', slot: 'hour', re: '(\\d{1,2})', variable: true },
  { text: 'mm', slot: 'minute', re: '(\\d{2})', variable: false },
  { text: 'ss', slot: 'second', re: '(\\d{2})', variable: false },
];

const TOKEN_HELP =
  "use YYYY, MM, M, DD, D, HH, H, mm, ss, MMM and literal separators (quote literal letters, e.g. 'T'), " +
  "or one of 'iso', 'epoch', 'epoch-ms'";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function compilePattern(format: string): DateParser {
  const invalid = (why: string): Error => new Error(`invalid date format ${JSON.stringify(format)}: ${why}`);
  const pattern = format.trim(); // raw values are trimmed, so edge whitespace in the pattern means nothing
  const groups: Partial<Record<Slot, number>> = {};
  let monthByName = false;
  let re = '^\\s*';
  let groupCount = 0;
  let prevVariable = false; // two adjacent 1–2 digit tokens (`MD`) cannot be split reliably

  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw invalid(`unclosed quote at position ${i}`);
      re += end === i + 1 ? "'" : escapeRe(pattern.slice(i + 1, end)); // '' is a literal quote
      i = end + 1;
      prevVariable = false;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      const tok = TOKENS.find((t) => pattern.startsWith(t.text, i));
      if (tok === undefined) {
        let j = i;
        while (pattern[j] === ch) j++;
        const run = pattern.slice(i, j);
        const hint = ch === 'Y' || ch === 'y' ? ' (years need four digits: YYYY)' : '';
        throw invalid(`unknown token ${JSON.stringify(run)} at position ${i}${hint}; ${TOKEN_HELP}`);
      }
      if (groups[tok.slot] !== undefined) throw invalid(`the ${tok.slot} appears twice`);
      if (tok.variable && prevVariable) throw invalid(`${tok.text} directly after another 1–2 digit token is ambiguous; add a separator`);
      groups[tok.slot] = ++groupCount;
      if (tok.name) monthByName = true;
      re += tok.re;
      prevVariable = tok.variable;
      i += tok.text.length;
      continue;
    }
    if (/\s/.test(ch)) {
      // Any run of blanks in the pattern matches any run of blanks in the value.
      while (i < pattern.length && /\s/.test(pattern[i]!)) i++;
      re += '\\s+';
      prevVariable = false;
      continue;
    }
    re += escapeRe(ch);
    prevVariable = false;
    i++;
  }

  if (groups.year === undefined || groups.month === undefined || groups.day === undefined) {
    const hint = groups.month === undefined && groups.minute !== undefined ? ' (mm is minutes; months are MM)' : '';
    throw invalid(`a date format needs a year (YYYY), a month (MM, M or MMM) and a day (DD or D)${hint}`);
  }
  if (groups.second !== undefined && groups.minute === undefined) throw invalid('seconds (ss) without minutes (mm)');
  if (groups.minute !== undefined && groups.hour === undefined) throw invalid('minutes (mm) without hours (HH or H)');

  const regex = new RegExp(re + '\\s*$');
  const expected = `expected date like ${pattern}`;
  const yi = groups.year!;
  const mi = groups.month!;
  const di = groups.day!;
  const hi = groups.hour;
  const ni = groups.minute;
  const si = groups.second;

  return (raw) => {
    const m = regex.exec(raw);
    if (m === null) return { ok: false, reason: expected };
    let month: number;
    if (monthByName) {
      const name = m[mi]!;
      const n = MONTH_BY_NAME.get(name.toLowerCase());
      if (n === undefined) return { ok: false, reason: `unknown month name ${JSON.stringify(name)} (${expected})` };
      month = n;
    } else {
      month = +m[mi]!;
    }
    const result = dateOrReason(+m[yi]!, month, +m[di]!);
    if (result.ok && hi !== undefined) {
      const bad = checkTime(+m[hi]!, ni === undefined ? 0 : +m[ni]!, si === undefined ? 0 : +m[si]!);
      if (bad !== undefined) return { ok: false, reason: bad };
    }
    return result;
  };
}

// --- public API -------------------------------------------------------------------------------------------------

/**
 * Compiles a date format once; the returned parser is called per record.
 * Throws for an invalid format: that is a config error, not a data error.
 */
export function compileDateFormat(format: string): DateParser {
  if (typeof format !== 'string' || format.trim() === '') {
    throw new Error(`invalid date format ${JSON.stringify(format)}: ${TOKEN_HELP}`);
  }
  let parse: DateParser;
  if (format === 'iso') parse = parseIso;
  else if (format === 'epoch' || format === 'epoch-ms') parse = epochParser(format);
  else parse = compilePattern(format);
  // JSON inputs can hand over numbers (epoch) despite the signature; stringify rather than crash.
  return (raw) => parse(typeof raw === 'string' ? raw : String(raw));
}

const YEAR_RE = /^\s*\d{4}\s*$/;
const PART_RE = /^\s*\d{1,2}\s*$/;

/** A date from separate year, month and day fields (e.g. NoReC's `year`/`month`/`day` integers). */
export function dateFromParts(y: string, m: string, d: string): DateResult {
  const ys = String(y);
  const ms = String(m);
  const ds = String(d);
  if (!YEAR_RE.test(ys)) return { ok: false, reason: `expected a four-digit year, got ${JSON.stringify(ys)}` };
  if (!PART_RE.test(ms)) return { ok: false, reason: `expected a month number 1–12, got ${JSON.stringify(ms)}` };
  if (!PART_RE.test(ds)) return { ok: false, reason: `expected a day number 1–31, got ${JSON.stringify(ds)}` };
  return dateOrReason(+ys, +ms, +ds);
}
