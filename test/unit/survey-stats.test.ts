// NPS, its margin and the CSAT top-2 box with its Wilson interval, pinned to values computed by hand (each test
// says how), through the whole chain where it matters: raw answers (blanks, "don't know" codes, inverted scales)
// → parse → accumulate → figures.
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../src/aggregate/accumulator.js';
import { questionRows } from '../../src/aggregate/questions.js';
import { belowMinN, csatFigure, npsDifference, npsFigure, wilsonInterval } from '../../src/aggregate/survey-stats.js';
import { trendRows } from '../../src/aggregate/trend.js';
import { validateConfig } from '../../src/config/validate.js';
import { csvColumnResolver } from '../../src/ingest/csv-source.js';
import { compileRowMapper } from '../../src/ingest/map-fields.js';
import type { ScoredReview, SourceItem } from '../../src/types.js';

/** Raw survey rows through a real config and mapper, scored without text, into an accumulator. */
function accumulate(input: Record<string, unknown>, header: string[], rows: string[][], minN = 1) {
  const config = validateConfig({ output: { minN }, inputs: [{ name: 'survey', path: '/d/s.csv', product: { value: 'Shop' }, ...input }] }, '/d/c.json', 'h', '/d');
  const spec = config.inputs[0]!;
  const map = compileRowMapper(spec, '/d/s.csv', csvColumnResolver(spec, '/d/s.csv', header));
  const items: SourceItem[] = [];
  rows.forEach((row, i) => map(row, { input: 'survey', file: '/d/s.csv', line: i + 2 }, items));
  const acc = new Accumulator('month');
  for (const item of items) {
    if (item.kind === 'review') { const scored: ScoredReview = { ...item.review, language: 'en', sentiment: undefined, lexicon: 'none' }; acc.add(scored); }
  }
  return { acc, items, trend: trendRows(acc.sorted(), minN)[0]!, questions: questionRows(acc.questionEntries(), minN) };
}

describe('NPS with its margin, by hand', () => {
  it('blanks and declared codes are no answer, never 0', () => {
    // 10 9 9 | 8 7 | 6 3 0, a blank and "99" (don't know): n = 8, 3 promoters, 3 detractors → NPS 0;
    // margin 1.96 · √((3/8 + 3/8 − 0²) / 8) = 1.96 · 0.30619 = 60.01 points.
    const answers = ['10', '9', '9', '8', '7', '6', '3', '0', '', '99'];
    const { trend } = accumulate({ nps: { column: 'nps', missing: ['99'] } }, ['d', 'nps'], answers.map((a) => ['x', a]));
    expect(trend).toMatchObject({ npsN: 8, promoters: 3, passives: 2, detractors: 3, npsNote: undefined });
    expect(trend.nps).toBeCloseTo(0, 10);
    expect(trend.npsMargin).toBeCloseTo(60.0125, 3);
  });

  it('50 promoters and 20 detractors of 100: NPS 30 ± 15.31', () => {
    // 1.96 · √((0.5 + 0.2 − 0.3²) / 100) = 1.96 · 0.078102 = 0.15308.
    const f = npsFigure(50, 20, 100, 30);
    expect(f.nps).toBeCloseTo(30, 10);
    expect(f.margin).toBeCloseTo(15.308, 3);
    expect(f.note).toBeUndefined();
  });

  it('below the minimum n there is no number, only the note; with no answers, neither', () => {
    expect(npsFigure(20, 0, 29, 30)).toEqual({ nps: undefined, margin: undefined, note: 'n<30' });
    expect(npsFigure(0, 0, 0, 30)).toEqual({ nps: undefined, margin: undefined, note: undefined });
    expect(belowMinN(5)).toBe('n<5');
    expect(npsFigure(30, 0, 30, 30).nps).toBe(100);
  });

  it('the difference of two groups: NPS −30 ± 24.20 against 50 ± 10.39 → −80 ± 26.34', () => {
    // a: 8 promoters, 20 detractors of 40; b: 96 and 16 of 160; √(24.204² + 10.394²) = 26.342.
    const d = npsDifference({ n: 40, promoters: 8, detractors: 20 }, { n: 160, promoters: 96, detractors: 16 })!;
    expect(d.difference).toBeCloseTo(-80, 10);
    expect(d.margin).toBeCloseTo(26.3418, 3);
    expect(npsDifference({ n: 0, promoters: 0, detractors: 0 }, { n: 5, promoters: 1, detractors: 1 })).toBeUndefined();
  });
});

describe('CSAT top-2 box with its Wilson interval, by hand', () => {
  it('an inverted 1–5 scale (1 = best) with a "don\'t know" code: 1 and 2 are the top-2 box', () => {
    // 1 1 2 3 5, "6" = don't know, a blank: n = 5, top-2 = 3 → 60 %. Wilson (z = 1.96, z² = 3.8416):
    // centre (0.6 + 0.38416) / 1.76832 = 0.55655, half 1.10840 · √(0.048 + 0.038416) = 0.32583 → 23.07–88.24 %.
    const answers = ['1', '1', '2', '3', '5', '6', ''];
    const { trend, questions } = accumulate({ csat: { column: 'csat', scale: [5, 1], missing: ['6'] } }, ['d', 'csat'], answers.map((a) => ['x', a]));
    expect(trend).toMatchObject({ csatN: 5, csatNote: undefined });
    expect(trend.csatPct).toBeCloseTo(60, 10);
    expect(trend.csatLow).toBeCloseTo(23.072, 3);
    expect(trend.csatHigh).toBeCloseTo(88.238, 3);
    // One row for the (undated) period and one over all periods.
    expect(questions.map((q) => [q.period, q.measure, q.n, q.top2])).toEqual([['undated', 'csat', 5, 3], ['all', 'csat', 5, 3]]);
  });

  it('an answer outside the scale is a reject, not a guess', () => {
    const { items } = accumulate({ csat: { column: 'csat', scale: [5, 1], missing: ['6'] } }, ['d', 'csat'], [['x', '7'], ['x', '0']]);
    expect(items.map((i) => i.kind === 'reject' && i.reject.code)).toEqual(['bad-csat', 'bad-csat']);
  });

  it('stays inside 0–100 and does not collapse at 0 % or 100 %', () => {
    // 0 of 10: centre = half = 0.19208 / 1.38416 = 0.13877 → 0–27.75 %; 10 of 10 mirrors it.
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(27.754, 3);
    const all = wilsonInterval(10, 10)!;
    expect(all.low).toBeCloseTo(72.246, 3);
    expect(all.high).toBe(100);
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('R survey, R block: 1713 of 1798 → 95.27 % (94.19–96.16), as the python hand check gives', () => {
    const f = csatFigure(1713, 1798, 30);
    expect(f.pct).toBeCloseTo(95.2725, 3);
    expect(f.low).toBeCloseTo(94.1913, 3);
    expect(f.high).toBeCloseTo(96.1607, 3);
    expect(csatFigure(20, 29, 30)).toEqual({ pct: undefined, low: undefined, high: undefined, note: 'n<30' });
  });
});
