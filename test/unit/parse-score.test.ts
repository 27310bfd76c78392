import { describe, it, expect } from 'vitest';
import { parseNps, parseScore, type ScaleSpec } from '../../src/ingest/parse-score.js';

const five: ScaleSpec = { scale: [1, 5] };
const score = (raw: number, norm: number) => ({ ok: true, score: { raw, norm } });
const noAnswer = { ok: true, score: undefined };
const reject = (reason: string) => ({ ok: false, reason });

describe('parseScore', () => {
  it('reads integers and decimals from CSV strings', () => {
    expect(parseScore('1', five)).toEqual(score(1, 0));
    expect(parseScore('3', five)).toEqual(score(3, 0.5));
    expect(parseScore('5', five)).toEqual(score(5, 1));
    expect(parseScore(' 4 ', five)).toEqual(score(4, 0.75));
    expect(parseScore('5.0', five)).toEqual(score(5, 1));
    expect(parseScore('4.5', five)).toEqual(score(4.5, 0.875));
    expect(parseScore('+2', five)).toEqual(score(2, 0.25));
  });

  it('reads JSON numbers, including float ratings like 5.0', () => {
    expect(parseScore(5.0, five)).toEqual(score(5, 1));
    expect(parseScore(2, five)).toEqual(score(2, 0.25));
  });

  it('normalises other scales with exact math', () => {
    expect(parseScore('4', { scale: [1, 6] })).toEqual(score(4, 3 / 5));
    expect(parseScore('6', { scale: [1, 6] })).toEqual(score(6, 1));
    expect(parseScore('0', { scale: [0, 10] })).toEqual(score(0, 0));
    expect(parseScore('7', { scale: [0, 10] })).toEqual(score(7, 0.7));
  });

  it('treats [5, 1] as inverted: 5 is worst', () => {
    const inverted: ScaleSpec = { scale: [5, 1] };
    expect(parseScore('5', inverted)).toEqual(score(5, 0));
    expect(Object.is((parseScore('5', inverted) as { score: { norm: number } }).score.norm, 0)).toBe(true); // not -0
    expect(parseScore('1', inverted)).toEqual(score(1, 1));
    expect(parseScore('2', inverted)).toEqual(score(2, 0.75));
    expect(parseScore('6', inverted)).toEqual(reject('6 is outside the scale 1–5'));
  });

  it('treats blank, whitespace, null and undefined as no answer, never 0', () => {
    for (const raw of ['', '   ', '\t\r\n', null, undefined]) {
      expect(parseScore(raw, five), String(raw)).toEqual(noAnswer);
    }
    expect(parseScore('', { scale: [0, 10] })).toEqual(noAnswer);
  });

  it('treats declared missing codes as no answer (trimmed strings, numbers by string form)', () => {
    const csat: ScaleSpec = { scale: [5, 1], missing: ['6', '7', 'N/A'] };
    expect(parseScore('6', csat)).toEqual(noAnswer);
    expect(parseScore(' 7 ', csat)).toEqual(noAnswer);
    expect(parseScore(6, csat)).toEqual(noAnswer);
    expect(parseScore('N/A', csat)).toEqual(noAnswer);
    expect(parseScore(' N/A ', csat)).toEqual(noAnswer);
    expect(parseScore('n/a', csat)).toEqual(reject('expected a number on the scale 1–5')); // exact match only
    expect(parseScore('8', csat)).toEqual(reject('8 is outside the scale 1–5'));
    expect(parseScore('3', csat)).toEqual(score(3, 0.5));
  });

  it('rejects text that is not a plain number', () => {
    for (const raw of ['4,5', 'five', '★★★★★', '5 stars', 'N/A', '1e0', '.5', '5.', '0x5', 'NaN', 'Infinity', '--5']) {
      expect(parseScore(raw, five), raw).toEqual(reject('expected a number on the scale 1–5'));
    }
  });

  it('rejects values outside the scale', () => {
    expect(parseScore('6', five)).toEqual(reject('6 is outside the scale 1–5'));
    expect(parseScore('0', five)).toEqual(reject('0 is outside the scale 1–5'));
    expect(parseScore('-1', five)).toEqual(reject('-1 is outside the scale 1–5'));
    expect(parseScore(5.5, five)).toEqual(reject('5.5 is outside the scale 1–5'));
    expect(parseScore('7', { scale: [1, 6] })).toEqual(reject('7 is outside the scale 1–6'));
  });

  it('rejects JSON types that are not numbers or strings', () => {
    expect(parseScore(true, five)).toEqual(reject('expected a number on the scale 1–5, got boolean'));
    expect(parseScore(false, five)).toEqual(reject('expected a number on the scale 1–5, got boolean'));
    expect(parseScore({ stars: 5 }, five)).toEqual(reject('expected a number on the scale 1–5, got object'));
    expect(parseScore([5], five)).toEqual(reject('expected a number on the scale 1–5, got array'));
    expect(parseScore(Number.POSITIVE_INFINITY, five)).toEqual(reject('expected a number on the scale 1–5, got Infinity'));
    expect(parseScore(Number.NaN, five)).toEqual(reject('expected a number on the scale 1–5, got NaN'));
  });

  describe('pattern', () => {
    const label: ScaleSpec = { scale: [1, 5], pattern: /__label__(\d)/ };

    it('extracts capture group 1 first', () => {
      expect(parseScore('__label__5 ', label)).toEqual(score(5, 1));
      expect(parseScore('__label__1', label)).toEqual(score(1, 0));
      expect(parseScore('4 of 5 stars', { scale: [1, 5], pattern: /^(\d) of 5/ })).toEqual(score(4, 0.75));
    });

    it('rejects values that do not match, or extract something out of scale', () => {
      expect(parseScore('5', label)).toEqual(reject('expected a value matching /__label__(\\d)/'));
      expect(parseScore('__label__x', label)).toEqual(reject('expected a value matching /__label__(\\d)/'));
      expect(parseScore('__label__9', label)).toEqual(reject('9 is outside the scale 1–5'));
      expect(parseScore('x', { scale: [1, 5], pattern: /(\d*)x/ })).toEqual(
        reject('/(\\d*)x/ matched but capture group 1 is empty'),
      );
    });

    it('still treats blank as no answer and honours missing codes before and after extraction', () => {
      expect(parseScore('  ', label)).toEqual(noAnswer);
      const withMissing: ScaleSpec = { ...label, missing: ['__label__0', '9'] };
      expect(parseScore('__label__0', withMissing)).toEqual(noAnswer);
      expect(parseScore('__label__9', withMissing)).toEqual(noAnswer);
    });

    it('applies to the string form of JSON numbers', () => {
      expect(parseScore(45, { scale: [1, 5], pattern: /^(\d)\d$/ })).toEqual(score(4, 0.75));
    });

    it('is safe with /g patterns, which keep lastIndex between calls', () => {
      const g: ScaleSpec = { scale: [1, 5], pattern: /__label__(\d)/g };
      expect(parseScore('__label__5', g)).toEqual(score(5, 1));
      expect(parseScore('__label__5', g)).toEqual(score(5, 1));
    });
  });

  it('throws on a scale that cannot normalise (config error)', () => {
    expect(() => parseScore('1', { scale: [1, 1] })).toThrow(/invalid scale \[1,1\]/);
    expect(() => parseScore('1', { scale: [1, Number.NaN] })).toThrow(/invalid scale/);
  });
});

describe('parseNps', () => {
  it('reads whole numbers 0–10 from strings and JSON numbers', () => {
    expect(parseNps('0')).toEqual({ ok: true, nps: 0 });
    expect(parseNps(' 10 ')).toEqual({ ok: true, nps: 10 });
    expect(parseNps(9)).toEqual({ ok: true, nps: 9 });
    expect(parseNps('7.0')).toEqual({ ok: true, nps: 7 });
  });

  it('treats blank as no answer, never 0', () => {
    for (const raw of ['', '  ', null, undefined]) {
      expect(parseNps(raw), String(raw)).toEqual({ ok: true, nps: undefined });
    }
  });

  it('honours missing codes', () => {
    expect(parseNps('99', ['99', "Don't know"])).toEqual({ ok: true, nps: undefined });
    expect(parseNps(99, ['99'])).toEqual({ ok: true, nps: undefined });
    expect(parseNps(" Don't know ", ['99', "Don't know"])).toEqual({ ok: true, nps: undefined });
    expect(parseNps('99')).toEqual(reject('99 is outside the scale 0–10'));
  });

  it('rejects fractions, out-of-range values, text and other JSON types', () => {
    expect(parseNps('7.5')).toEqual(reject('7.5 is not a whole number on the scale 0–10'));
    expect(parseNps(7.5)).toEqual(reject('7.5 is not a whole number on the scale 0–10'));
    expect(parseNps('11')).toEqual(reject('11 is outside the scale 0–10'));
    expect(parseNps('-1')).toEqual(reject('-1 is outside the scale 0–10'));
    expect(parseNps('ten')).toEqual(reject('expected a whole number on the scale 0–10'));
    expect(parseNps('N/A')).toEqual(reject('expected a whole number on the scale 0–10'));
    expect(parseNps(true)).toEqual(reject('expected a whole number on the scale 0–10, got boolean'));
    expect(parseNps({})).toEqual(reject('expected a whole number on the scale 0–10, got object'));
  });
});

describe('answers given as words (`values`)', () => {
  const spec: ScaleSpec = { scale: [1, 5], missing: ["Don't know"], values: new Map([['very satisfied', 5], ['satisfied', 4], ['dissatisfied', 2]]) };

  it('reads a known answer in any case and with spaces around it, and numbers as before', () => {
    expect(parseScore(' Very Satisfied ', spec)).toEqual(score(5, 1));
    expect(parseScore('dissatisfied', spec)).toEqual(score(2, 0.25));
    expect(parseScore('3', spec)).toEqual(score(3, 0.5));
  });

  it('keeps "no answer" codes and blanks as no answer, and names the known answers when one is unknown', () => {
    expect(parseScore("Don't know", spec)).toEqual({ ok: true, score: undefined });
    expect(parseScore('', spec)).toEqual({ ok: true, score: undefined });
    const r = parseScore('Delighted', spec);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('expected a number on the scale 1–5 or one of "very satisfied", "satisfied", "dissatisfied"');
  });

  it('works for NPS answers written out', () => {
    expect(parseNps('Extremely likely', [], undefined, new Map([['extremely likely', 10], ['not at all likely', 0]]))).toEqual({ ok: true, nps: 10 });
  });
});
