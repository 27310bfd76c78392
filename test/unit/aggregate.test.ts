import { describe, it, expect } from 'vitest';
import { isoWeek, periodKey, UNDATED } from '../../src/aggregate/period.js';
import { Accumulator, emptyStats, type GroupStats } from '../../src/aggregate/accumulator.js';
import { npsWithMargin, trendRows } from '../../src/aggregate/trend.js';
import type { Period } from '../../src/config/schema.js';
import type { Label, ScoredReview } from '../../src/types.js';

// --- fixtures -----------------------------------------------------------------------------------------------------

let nextId = 0;

type ReviewOptions = {
  product?: string;
  date?: string | undefined;
  /** Stars on a 1–5 scale. */
  stars?: number;
  nps?: number;
  /** CSAT on 1–5; top-2 box is 4 and 5 unless `top2` says otherwise. */
  csat?: number;
  top2?: boolean;
  sentiment?: [number, Label];
};

/** A scored review as the pipeline hands it to the accumulator. */
function review(o: ReviewOptions = {}): ScoredReview {
  const id = `R${++nextId}`;
  return {
    id,
    ref: { input: 'shop-reviews', file: '/data/dumps/reviews-2024.csv', line: nextId + 1},
    product: o.product ?? 'Kaffetrakter',
    date: 'date' in o ? o.date : '2024-03-05',
    texts: [{ role: 'review', text: 'Rask levering, god kaffe.' }],
    language: 'nb',
    rating: o.stars === undefined ? undefined : { raw: o.stars, norm: (o.stars - 1) / 4 },
    nps: o.nps,
    csat: o.csat === undefined ? undefined : { raw: o.csat, norm: (o.csat - 1) / 4, top2: o.top2 ?? o.csat >= 4 },
    sentiment: o.sentiment === undefined ? undefined : { score: o.sentiment[0], label: o.sentiment[1], terms: [], topics: [] },
    lexicon: 'nb@1',
  };
}

function accumulate(period: Period, reviews: readonly ScoredReview[]): Accumulator {
  const acc = new Accumulator(period);
  for (const r of reviews) acc.add(r);
  return acc;
}

const stats = (over: Partial<GroupStats>): GroupStats => ({ ...emptyStats(), ...over });

/** An independent ISO week: Monday of week 1 is the Monday on or before 4 January. */
function referenceIsoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  const week1Monday = (year: number) => {
    const jan4 = Date.UTC(year, 0, 4) / 86_400_000;
    const weekday = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7;
    return jan4 - weekday;
  };
  let year = y + 1;
  while (week1Monday(year) > day) year--;
  const week = Math.floor((day - week1Monday(year)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// --- period --------------------------------------------------------------------------------------------------------

describe('isoWeek', () => {
  it.each([
    ['2021-01-03', '2020-W53'], // Sunday: still the last week of 2020
    ['2021-01-04', '2021-W01'], // Monday: week 1 of 2021
    ['2020-12-31', '2020-W53'],
    ['2024-12-30', '2025-W01'], // Monday: the week of Thursday 2 January 2025
    ['2024-12-29', '2024-W52'],
    ['2024-01-01', '2024-W01'], // Monday
    ['2024-02-29', '2024-W09'],
    ['2026-01-01', '2026-W01'], // Thursday
    ['2027-01-01', '2026-W53'], // Friday
    ['2008-12-29', '2009-W01'],
    ['2010-01-03', '2009-W53'],
    ['2023-01-01', '2022-W52'], // Sunday, a year without W53
  ])('puts %s in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('agrees with an independent computation for every day from 1999 to 2031', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2031, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (isoWeek(date) !== referenceIsoWeek(date)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives keys that sort chronologically as strings, and change only on Mondays', () => {
    let prev = isoWeek('2019-12-31');
    for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const key = isoWeek(date);
      expect(key >= prev).toBe(true);
      if (key !== prev) expect(new Date(t).getUTCDay()).toBe(1);
      prev = key;
    }
  });
});

describe('periodKey', () => {
  it('keys a date by day, ISO week, month and quarter', () => {
    expect(periodKey('2024-03-05', 'day')).toBe('2024-03-05');
    expect(periodKey('2024-03-05', 'week')).toBe('2024-W10');
    expect(periodKey('2024-03-05', 'month')).toBe('2024-03');
    expect(periodKey('2024-03-05', 'quarter')).toBe('2024-Q1');
  });

  it.each([
    ['2024-01-01', '2024-Q1'],
    ['2024-03-31', '2024-Q1'],
    ['2024-04-01', '2024-Q2'],
    ['2024-06-30', '2024-Q2'],
    ['2024-07-01', '2024-Q3'],
    ['2024-09-30', '2024-Q3'],
    ['2024-10-01', '2024-Q4'],
    ['2024-12-31', '2024-Q4'],
  ])('puts %s in %s', (date, quarter) => {
    expect(periodKey(date, 'quarter')).toBe(quarter);
  });

  it('uses the ISO week-year, not the calendar year, for weeks', () => {
    expect(periodKey('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodKey('2024-12-30', 'week')).toBe('2025-W01');
  });

  it.each(['day', 'week', 'month', 'quarter'] as const)('puts an undated record in "undated" for %s', (period) => {
    expect(periodKey(undefined, period)).toBe(UNDATED);
    expect(UNDATED).toBe('undated');
  });
});

// --- accumulator ---------------------------------------------------------------------------------------------------

describe('Accumulator.add', () => {
  it('sums ratings, sentiment and labels per product and period', () => {
    const acc = accumulate('month', [
      review({ stars: 5, sentiment: [0.75, 'positive'] }),
      review({ stars: 1, sentiment: [-0.5, 'negative'] }),
      review({ stars: 3, sentiment: [0, 'neutral'] }),
      review({ sentiment: [0.25, 'positive'] }), // text only
      review({ stars: 4 }), // rating only
    ]);
    expect(acc.sorted()).toEqual([
      {
        key: { product: 'Kaffetrakter', period: '2024-03' },
        stats: stats({ reviews: 5, ratingN: 4, ratingSum: 1 + 0 + 0.5 + 0.75, sentimentN: 4, sentimentSum: 0.5, positive: 2, neutral: 1, negative: 1 }),
      },
    ]);
  });

  it('counts a 1-star rating (normalised 0) as rated', () => {
    const [group] = accumulate('month', [review({ stars: 1 })]).sorted();
    expect(group!.stats.ratingN).toBe(1);
    expect(group!.stats.ratingSum).toBe(0);
  });

  it('puts NPS 0–6 in detractors, 7–8 in passives and 9–10 in promoters', () => {
    const cases: [number, keyof GroupStats][] = [
      [0, 'detractors'],
      [5, 'detractors'],
      [6, 'detractors'],
      [7, 'passives'],
      [8, 'passives'],
      [9, 'promoters'],
      [10, 'promoters'],
    ];
    for (const [nps, category] of cases) {
      const [group] = accumulate('month', [review({ nps })]).sorted();
      expect(group!.stats, `NPS ${nps}`).toEqual(stats({ reviews: 1, npsN: 1, [category]: 1 }));
    }
  });

  it('does not count a missing NPS answer, but counts 0 as a detractor', () => {
    const [group] = accumulate('month', [review({ nps: undefined }), review({ nps: 0 })]).sorted();
    expect(group!.stats).toEqual(stats({ reviews: 2, npsN: 1, detractors: 1 }));
  });

  it('counts the CSAT top-2 box from csat.top2, not from the raw value', () => {
    const [group] = accumulate('month', [
      review({ csat: 5 }),
      review({ csat: 4 }),
      review({ csat: 3 }),
      // an inverted scale [5, 1]: raw 1 and 2 are the best answers, the parser marks them top2
      review({ csat: 1, top2: true }),
      review({ csat: 5, top2: false }),
    ]).sorted();
    expect(group!.stats.csatN).toBe(5);
    expect(group!.stats.csatTop2).toBe(3);
  });

  it('keeps products and periods apart and puts undated records in their own group', () => {
    const acc = accumulate('quarter', [
      review({ product: 'Vannkoker', date: '2024-05-01', stars: 5 }),
      review({ product: 'Kaffetrakter', date: '2024-01-15', stars: 5 }),
      review({ product: 'Kaffetrakter', date: '2024-03-31', stars: 1 }),
      review({ product: 'Kaffetrakter', date: undefined, stars: 3 }),
      review({ product: 'Kaffetrakter', date: '2023-12-31', stars: 4 }),
    ]);
    expect(acc.sorted().map((g) => [g.key.product, g.key.period, g.stats.reviews])).toEqual([
      ['Kaffetrakter', '2023-Q4', 1],
      ['Kaffetrakter', '2024-Q1', 2],
      ['Kaffetrakter', 'undated', 1],
      ['Vannkoker', '2024-Q2', 1],
    ]);
  });

  it('sorts weeks across a year boundary chronologically', () => {
    const acc = accumulate('week', [review({ date: '2025-01-06' }), review({ date: '2024-12-30' }), review({ date: '2024-12-29' }), review({ date: undefined })]);
    expect(acc.sorted().map((g) => g.key.period)).toEqual(['2024-W52', '2025-W01', '2025-W02', 'undated']);
  });
});

describe('Accumulator.merge', () => {
  const products = ['Kaffetrakter', 'Vannkoker', 'Brødrister'];
  const labels: Label[] = ['negative', 'neutral', 'positive'];
  // Exact binary fractions, so that sums do not depend on the order of addition.
  const rows = Array.from({ length: 300 }, (_, k) =>
    review({
      product: products[k % 3],
      date: k % 17 === 0 ? undefined : `2024-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`,
      stars: k % 4 === 0 ? undefined : (k % 5) + 1,
      nps: k % 3 === 0 ? undefined : k % 11,
      csat: k % 2 === 0 ? (k % 5) + 1 : undefined,
      sentiment: k % 7 === 0 ? undefined : [((k % 9) - 4) / 8, labels[k % 3]!],
    }),
  );

  it.each(['day', 'week', 'month', 'quarter'] as const)('adding in two halves and merging equals adding all to one (%s)', (period) => {
    const whole = accumulate(period, rows);
    const even = accumulate(period, rows.filter((_, k) => k % 2 === 0));
    const odd = accumulate(period, rows.filter((_, k) => k % 2 === 1));
    even.merge(odd);
    expect(even.sorted()).toEqual(whole.sorted());
  });

  it('merges many partial accumulators (one per file) in any order', () => {
    const whole = accumulate('month', rows);
    const parts = [0, 1, 2, 3, 4].map((p) => accumulate('month', rows.filter((_, k) => k % 5 === p)));
    const merged = new Accumulator('month');
    for (const part of [parts[3]!, parts[0]!, parts[4]!, parts[1]!, parts[2]!]) merged.merge(part);
    expect(merged.sorted()).toEqual(whole.sorted());
  });

  it('copies groups it takes over, so the merged-in accumulator can go on without changing it', () => {
    const into = new Accumulator('month');
    const from = accumulate('month', [review({ stars: 5 })]);
    into.merge(from);
    from.add(review({ stars: 1 }));
    expect(into.sorted()[0]!.stats.reviews).toBe(1);
    expect(from.sorted()[0]!.stats.reviews).toBe(2);
  });
});

// --- trends --------------------------------------------------------------------------------------------------------

describe('npsWithMargin', () => {
  it('matches a hand computation: 50 promoters, 30 passives, 20 detractors', () => {
    const result = npsWithMargin(50, 20, 100)!;
    expect(result.nps).toBeCloseTo(30, 10);
    // variance = (p + d − (p − d)²) / n = (0.5 + 0.2 − 0.09) / 100 = 0.0061
    expect(result.margin).toBeCloseTo(1.96 * Math.sqrt(0.0061) * 100, 10);
    expect(result.margin).toBeCloseTo(15.31, 2);
  });

  it('has no margin when everyone answers alike', () => {
    expect(npsWithMargin(40, 0, 40)).toEqual({ nps: 100, margin: 0 });
    expect(npsWithMargin(0, 25, 25)).toEqual({ nps: -100, margin: 0 });
    expect(npsWithMargin(0, 0, 10)).toEqual({ nps: 0, margin: 0 }); // all passives
  });

  it('shrinks the margin with the square root of n', () => {
    const small = npsWithMargin(5, 2, 10)!;
    const large = npsWithMargin(500, 200, 1000)!;
    expect(large.nps).toBeCloseTo(small.nps, 10);
    expect(small.margin / large.margin).toBeCloseTo(10, 10);
  });

  it('gives nothing for no answers', () => {
    expect(npsWithMargin(0, 0, 0)).toBeUndefined();
  });
});

describe('trendRows', () => {
  it('computes the figures of one group', () => {
    const [row] = trendRows([
      {
        key: { product: 'Kaffetrakter', period: '2024-03' },
        stats: stats({
          reviews: 100, ratingN: 80, ratingSum: 60, sentimentN: 90, sentimentSum: 18, positive: 45, neutral: 27, negative: 18,
          npsN: 100, promoters: 50, passives: 30, detractors: 20, csatN: 40, csatTop2: 30,
        }),
      },
    ]);
    expect(row).toMatchObject({
      product: 'Kaffetrakter',
      period: '2024-03',
      reviews: 100,
      ratingN: 80,
      meanRating: 1 + 4 * 0.75, // normalised mean 0.75 → 4 stars
      meanSentiment: 0.2,
      pctPositive: 50,
      pctNeutral: 30,
      pctNegative: 20,
      npsN: 100,
      csatN: 40,
      csatPct: 75,
      prevPeriod: undefined,
      changeRating: undefined,
    });
    expect(row!.nps).toBeCloseTo(30, 10);
    expect(row!.npsMargin).toBeCloseTo(15.308, 3);
  });

  it('leaves figures without data undefined rather than 0', () => {
    const [row] = trendRows([{ key: { product: 'P', period: '2024-03' }, stats: stats({ reviews: 3 }) }]);
    expect(row).toMatchObject({ reviews: 3, meanRating: undefined, meanSentiment: undefined, pctPositive: undefined, nps: undefined, npsMargin: undefined, csatPct: undefined });
  });

  it('compares with the previous period that has data, skipping empty periods, within one product', () => {
    const acc = accumulate('month', [
      // Kaffetrakter: January and March, nothing in February
      review({ product: 'Kaffetrakter', date: '2024-01-10', stars: 5, nps: 10, csat: 5 }),
      review({ product: 'Kaffetrakter', date: '2024-01-20', stars: 3, nps: 6, csat: 3 }),
      review({ product: 'Kaffetrakter', date: '2024-03-02', stars: 2, nps: 9, csat: 4 }),
      review({ product: 'Kaffetrakter', date: '2024-03-09', stars: 2, nps: 9, csat: 4 }),
      review({ product: 'Kaffetrakter', date: undefined, stars: 1, nps: 0 }),
      // Vannkoker: its first period follows Kaffetrakter's undated row and must not compare with anything
      review({ product: 'Vannkoker', date: '2024-02-01', stars: 4, nps: 8 }),
      review({ product: 'Vannkoker', date: '2024-04-01', stars: 5, nps: 10 }),
    ]);
    const rows = trendRows(acc.sorted());
    expect(rows.map((r) => [r.product, r.period, r.prevPeriod])).toEqual([
      ['Kaffetrakter', '2024-01', undefined],
      ['Kaffetrakter', '2024-03', '2024-01'],
      ['Kaffetrakter', 'undated', undefined],
      ['Vannkoker', '2024-02', undefined],
      ['Vannkoker', '2024-04', '2024-02'],
    ]);
    const [jan, mar, undated, feb, apr] = rows;
    // January: mean of 5 and 3 stars = 4; NPS (1 promoter − 1 detractor) / 2 = 0; CSAT top-2 1 of 2 = 50 %
    // March: 2 stars; NPS 100; CSAT 100 %
    expect(jan).toMatchObject({ meanRating: 4, nps: 0, csatPct: 50 });
    expect(mar).toMatchObject({ meanRating: 2, nps: 100, csatPct: 100, changeRating: -2, changeNps: 100, changeCsat: 50 });
    expect(undated).toMatchObject({ changeRating: undefined, changeNps: undefined, changeCsat: undefined, changeSentiment: undefined });
    expect(feb).toMatchObject({ changeRating: undefined, changeNps: undefined });
    expect(apr).toMatchObject({ changeRating: 1, changeNps: 100, changeCsat: undefined });
  });

  it('never compares across products, even when the next product has an earlier or equal period', () => {
    const rows = trendRows(
      accumulate('month', [
        review({ product: 'A-produkt', date: '2024-05-01', stars: 5 }),
        review({ product: 'B-produkt', date: '2024-06-01', stars: 1 }),
      ]).sorted(),
    );
    expect(rows.map((r) => [r.product, r.prevPeriod, r.changeRating])).toEqual([
      ['A-produkt', undefined, undefined],
      ['B-produkt', undefined, undefined],
    ]);
  });

  it('does not compare an undated group with the last dated one, nor the other way round', () => {
    const rows = trendRows(
      accumulate('month', [review({ date: '2024-05-01', stars: 5 }), review({ date: undefined, stars: 1 })]).sorted(),
    );
    expect(rows.map((r) => [r.period, r.prevPeriod, r.changeRating])).toEqual([
      ['2024-05', undefined, undefined],
      ['undated', undefined, undefined],
    ]);
  });

  it('uses one previous period for every change: a figure missing there has no change', () => {
    // March has NPS answers, April only ratings, May both: May's NPS change is against April (none), not March.
    const rows = trendRows(
      accumulate('month', [
        review({ date: '2024-03-01', stars: 3, nps: 10 }),
        review({ date: '2024-04-01', stars: 4 }),
        review({ date: '2024-05-01', stars: 5, nps: 0 }),
      ]).sorted(),
    );
    expect(rows[2]).toMatchObject({ period: '2024-05', prevPeriod: '2024-04', changeRating: 1, changeNps: undefined });
  });
});
