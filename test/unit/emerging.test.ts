import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  DEFAULT_EMERGING,
  emergingPainPoints,
  logGamma,
  type PeriodCount,
  type TopicSeries,
} from '../../src/aggregate/emerging.js';
import { mulberry32 } from '../support/prng.js';

// --- helpers --------------------------------------------------------------------------------------------------------


/** Binomial(n, p) draw as n coin flips: slow but obviously right. */
const drawBinomial = (random: () => number, n: number, p: number) => {
  let x = 0;
  for (let i = 0; i < n; i++) if (random() < p) x++;
  return x;
};

/** P(X ≥ k) by the textbook sum, written independently of the module (fine for small n). */
function naiveUpperTail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let i = Math.max(k, 0); i <= n; i++) {
    let choose = 1;
    for (let j = 1; j <= i; j++) choose = (choose * (n - i + j)) / j;
    sum += choose * p ** i * (1 - p) ** (n - i);
  }
  return sum;
}

/** Standard normal upper tail via erfc (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

const MONTHS = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** A series over consecutive months from 2023-01: one [reviews, negative] pair per month. */
function series(product: string, topic: string, counts: readonly [reviews: number, negative: number][]): TopicSeries {
  const periods: PeriodCount[] = counts.map(([reviews, negative], i) => ({ period: MONTHS[i]!, reviews, negative }));
  return { product, topic, periods };
}

/** `baseline` identical months, then the latest one. */
const flat = (baseline: [number, number], months: number, latest: [number, number]) => [
  ...Array.from({ length: months }, () => baseline),
  latest,
];

// --- the binomial tail ----------------------------------------------------------------------------------------------

describe('logGamma', () => {
  it('gives ln (x − 1)! at whole numbers', () => {
    let logFactorial = 0;
    for (let m = 1; m <= 170; m++) {
      logFactorial += Math.log(m);
      expect(logGamma(m + 1)).toBeCloseTo(logFactorial, 9);
    }
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});

describe('binomialUpperTail', () => {
  it('matches hand-computed exact values', () => {
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(0.5, 12); // (10 + 5 + 1) / 32
    expect(binomialUpperTail(5, 5, 0.5)).toBeCloseTo(1 / 32, 14);
    expect(binomialUpperTail(1, 3, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 12); // 0.488
    expect(binomialUpperTail(2, 4, 0.3)).toBeCloseTo(0.3483, 12); // 1 − 0.7⁴ − 4·0.3·0.7³
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 14);
    expect(binomialUpperTail(4, 4, 1 / 7)).toBeCloseTo((1 / 7) ** 4, 14);
  });

  it('handles the edges: k ≤ 0 is certain, k > n impossible, p = 0 and p = 1 degenerate', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(0, 0, 0.3)).toBe(1);
    expect(binomialUpperTail(-2, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 0, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(binomialUpperTail(0, 10, 0)).toBe(1);
    expect(binomialUpperTail(10, 10, 1)).toBe(1);
    expect(binomialUpperTail(11, 10, 1)).toBe(0);
  });

  it('agrees with the textbook sum for every k on small n', () => {
    for (const n of [1, 2, 7, 20, 30]) {
      for (const p of [0.01, 0.1, 1 / 7, 0.5, 0.83]) {
        for (let k = 0; k <= n + 1; k++) {
          const expected = naiveUpperTail(k, n, p);
          expect(Math.abs(binomialUpperTail(k, n, p) - expected)).toBeLessThanOrEqual(1e-12 + 1e-9 * expected);
        }
      }
    }
  });

  it('is consistent with its mirror: P(X ≥ k | n, p) = 1 − P(X ≥ n − k + 1 | n, 1 − p)', () => {
    for (const [k, n, p] of [[3100, 10000, 0.3], [40, 1000, 0.05], [24990, 50000, 0.5]] as const) {
      expect(binomialUpperTail(k, n, p)).toBeCloseTo(1 - binomialUpperTail(n - k + 1, n, 1 - p), 9);
    }
  });

  it('is close to the normal approximation (with continuity correction) for large n', () => {
    // Within ~3 sd only: further out the skew makes the normal tail too thin (why the module sums the exact one).
    const cases = [[3100, 10000, 0.3], [25300, 50000, 0.5], [2900, 10000, 0.3], [560, 3650, 1 / 7], [5100, 50000, 0.1]] as const;
    for (const [k, n, p] of cases) {
      const z = (k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p));
      const approx = normalUpperTail(z);
      expect(Math.abs(binomialUpperTail(k, n, p) - approx) / Math.min(approx, 1 - approx)).toBeLessThan(0.05);
    }
  });

  it('stays finite, in [0, 1] and non-increasing in k for n = 50,000', () => {
    const n = 50_000;
    for (const p of [1e-6, 0.001, 0.3, 0.5, 0.999]) {
      let prev = 1;
      for (const k of [0, 1, 2, 50, 100, 1000, 14_000, 15_000, 15_001, 16_000, 25_000, 30_000, 49_950, 49_999, 50_000]) {
        const tail = binomialUpperTail(k, n, p);
        expect(Number.isFinite(tail)).toBe(true);
        expect(tail).toBeGreaterThanOrEqual(0);
        expect(tail).toBeLessThanOrEqual(prev);
        prev = tail;
      }
    }
    // Far in the tail the answer is tiny but not lost: ~2e-19 for 26,000 heads in 50,000 fair tosses.
    const far = binomialUpperTail(26_000, n, 0.5);
    expect(far).toBeGreaterThan(1e-19);
    expect(far).toBeLessThan(3e-19);
  });

  it('rejects arguments that are no counts or probabilities', () => {
    expect(() => binomialUpperTail(1.5, 10, 0.5)).toThrow(/k/);
    expect(() => binomialUpperTail(1, -1, 0.5)).toThrow(/n/);
    expect(() => binomialUpperTail(1, 10, 1.2)).toThrow(/p/);
    expect(() => binomialUpperTail(1, 10, Number.NaN)).toThrow(/p/);
  });
});

// --- emerging pain points -------------------------------------------------------------------------------------------

describe('emergingPainPoints', () => {
  it('reports the latest period against the trailing baseline, with the exact p-value', () => {
    const alerts = emergingPainPoints([series('Kaffetrakter', 'delivery', flat([300, 12], 6, [300, 36]))]);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({
      product: 'Kaffetrakter',
      topic: 'delivery',
      period: '2023-07',
      negative: 36,
      reviews: 300,
      baselineFrom: '2023-01',
      baselineTo: '2023-06',
      baselineNegative: 72,
      baselineReviews: 1800,
    });
    expect(a.rate).toBeCloseTo(0.12, 12);
    expect(a.baselineRate).toBeCloseTo(0.04, 12);
    expect(a.ratio).toBeCloseTo(3, 12);
    // n = 108 mentions; under H0 each falls in the latest month with p = 300 / 2100 = 1/7.
    expect(a.pValue).toBeCloseTo(naiveUpperTail(36, 108, 1 / 7), 15);
    expect(a.pValue).toBeLessThan(DEFAULT_EMERGING.alpha);
  });

  it('weighs volume: the same tripling flags at high volume, not at low volume', () => {
    const high = series('Vaskemaskin', 'noise', flat([1000, 40], 6, [1000, 120]));
    const low = series('Brødrister', 'noise', flat([50, 2], 6, [50, 6]));
    const alerts = emergingPainPoints([high, low]);
    expect(alerts.map((a) => a.product)).toEqual(['Vaskemaskin']);
    // The low-volume one passes minNegative (6) and minRatio (3): only the test holds it back.
    expect(emergingPainPoints([low], { alpha: 0.05 })).toHaveLength(1);
    // And 3 of 10 against 1 of 10 per month is noise even with nothing else in the way.
    expect(emergingPainPoints([series('Mikser', 'noise', flat([10, 1], 6, [10, 3]))], { minNegative: 0, alpha: 0.05 })).toEqual([]);
  });

  it('stays quiet on 200 stable noisy series and finds the one that triples among them', () => {
    const random = mulberry32(20240607);
    const stable: TopicSeries[] = [];
    for (let s = 0; s < 200; s++) {
      const rate = 0.01 + 0.09 * random(); // 1–10 % of reviews mention the topic negatively, constant over the year
      const months = Array.from({ length: 12 }, (): [number, number] => {
        const reviews = 100 + Math.floor(random() * 500);
        return [reviews, drawBinomial(random, reviews, rate)];
      });
      stable.push(series(`P${String(s).padStart(3, '0')}`, 'quality', months));
    }
    const needle = series('Støvsuger', 'battery', flat([300, 12], 11, [300, 36]));

    // 200 tests at alpha 0.001 expect ~0.2 false alarms (fewer: the discrete test is conservative).
    expect(emergingPainPoints(stable).length).toBeLessThanOrEqual(2);
    expect(emergingPainPoints([...stable, needle])[0]?.product).toBe('Støvsuger');
    // Calibration, not just silence: at alpha 0.05 with no other filters, no more than ~5 % (10 of 200, give or take) alert.
    expect(emergingPainPoints(stable, { alpha: 0.05, minNegative: 0, minRatio: 0 }).length).toBeLessThanOrEqual(20);
  });

  it('needs minNegative mentions in the latest period', () => {
    // A baseline with none: 4 of 100 is significant (p = (1/7)⁴ ≈ 4.2e-4) and the ratio is Infinity.
    const s = series('Kjøleskap', 'door', flat([100, 0], 6, [100, 4]));
    expect(emergingPainPoints([s])).toEqual([]);
    const [alert] = emergingPainPoints([s], { minNegative: 4 });
    expect(alert?.ratio).toBe(Infinity);
    expect(alert?.baselineRate).toBe(0);
    expect(alert?.pValue).toBeCloseTo((1 / 7) ** 4, 15);
  });

  it('needs minRatio: a significant but small rise at high volume is left out', () => {
    const s = series('Oppvaskmaskin', 'drying', flat([10_000, 500], 6, [10_000, 650])); // 5 % → 6.5 %: ratio 1.3
    expect(emergingPainPoints([s])).toEqual([]);
    const [alert] = emergingPainPoints([s], { minRatio: 1.2 });
    expect(alert?.ratio).toBeCloseTo(1.3, 12);
    expect(alert?.pValue).toBeLessThan(1e-6);
  });

  it('uses the trailing window only: a bad old period outside it does not count', () => {
    const counts: [number, number][] = [[300, 150], ...flat([300, 12], 10, [300, 36])]; // 2023-01 was a disaster
    const s = series('Kaffetrakter', 'taste', counts);
    const [alert] = emergingPainPoints([s]);
    expect(alert).toMatchObject({ baselineFrom: '2023-06', baselineTo: '2023-11', baselineNegative: 72, baselineReviews: 1800 });
    // With a window that reaches back to 2023-01 the latest month no longer stands out.
    expect(emergingPainPoints([s], { baselinePeriods: 11 })).toEqual([]);
  });

  it('counts only periods with reviews in the window, and uses fewer when fewer exist', () => {
    const periods: PeriodCount[] = [
      { period: '2024-01', reviews: 300, negative: 12 },
      { period: '2024-02', reviews: 0, negative: 0 },
      // 2024-03 absent: no reviews
      { period: '2024-04', reviews: 300, negative: 12 },
      { period: '2024-05', reviews: 300, negative: 40 },
    ];
    const [alert] = emergingPainPoints([{ product: 'Airfryer', topic: 'smell', periods }], { baselinePeriods: 2 });
    expect(alert).toMatchObject({ baselineFrom: '2024-01', baselineTo: '2024-04', baselineReviews: 600, baselineNegative: 24 });
    const [wide] = emergingPainPoints([{ product: 'Airfryer', topic: 'smell', periods }], { baselinePeriods: 12 });
    expect(wide).toMatchObject({ baselineFrom: '2024-01', baselineTo: '2024-04' });
  });

  it('raises no alert without a baseline: a single period, or a baseline without reviews', () => {
    expect(emergingPainPoints([series('Ny', 'setup', [[500, 200]])])).toEqual([]);
    expect(emergingPainPoints([series('Ny', 'setup', [[0, 0], [0, 0], [500, 200]])])).toEqual([]);
    expect(emergingPainPoints([{ product: 'Tom', topic: 'setup', periods: [] }])).toEqual([]);
    // A latest period without reviews has nothing to test.
    expect(emergingPainPoints([series('Pause', 'setup', [[300, 12], [0, 0]])])).toEqual([]);
  });

  it('orders by p-value, then product, then topic, whatever the input order', () => {
    const strong = flat([1000, 40], 6, [1000, 160]);
    const weaker = flat([300, 12], 6, [300, 36]);
    const input = [
      series('B', 'noise', weaker),
      series('B', 'delivery', strong),
      series('A', 'price', weaker),
      series('A', 'noise', strong),
      series('A', 'delivery', strong),
    ];
    const key = (list: TopicSeries[]) => emergingPainPoints(list).map((a) => `${a.product}/${a.topic}`);
    const expected = ['A/delivery', 'A/noise', 'B/delivery', 'A/price', 'B/noise'];
    expect(key(input)).toEqual(expected);
    expect(key([...input].reverse())).toEqual(expected);
    const p = emergingPainPoints(input).map((a) => a.pValue);
    expect(p).toEqual([...p].sort((x, y) => x - y));
  });

  it('takes any iterable of series', () => {
    function* generate() {
      yield series('Kaffetrakter', 'delivery', flat([300, 12], 6, [300, 36]));
    }
    expect(emergingPainPoints(generate())).toHaveLength(1);
  });

  it('validates options, naming the one at fault', () => {
    const s = [series('A', 'b', flat([300, 12], 6, [300, 36]))];
    expect(() => emergingPainPoints(s, { alpha: 0 })).toThrow(/alpha/);
    expect(() => emergingPainPoints(s, { alpha: 1 })).toThrow(/alpha/);
    expect(() => emergingPainPoints(s, { alpha: Number.NaN })).toThrow(/alpha/);
    expect(() => emergingPainPoints(s, { baselinePeriods: 0 })).toThrow(/baselinePeriods/);
    expect(() => emergingPainPoints(s, { baselinePeriods: 2.5 })).toThrow(/baselinePeriods/);
    expect(() => emergingPainPoints(s, { minNegative: -1 })).toThrow(/minNegative/);
    expect(() => emergingPainPoints(s, { minRatio: Number.POSITIVE_INFINITY })).toThrow(/minRatio/);
    expect(() => emergingPainPoints(s, { alpah: 0.01 } as never)).toThrow(/alpah/);
    expect(() => emergingPainPoints(s, { toString: 1 } as never)).toThrow(/unknown option "toString"/);
    expect(emergingPainPoints(s, { alpha: undefined })).toHaveLength(1); // undefined keeps the default
  });

  it('refuses a broken series instead of guessing', () => {
    const bad = (periods: PeriodCount[]) => () => emergingPainPoints([{ product: 'X', topic: 'y', periods }]);
    expect(bad([{ period: '2024-02', reviews: 10, negative: 1 }, { period: '2024-01', reviews: 10, negative: 1 }])).toThrow(/ascend/);
    expect(bad([{ period: '2024-01', reviews: 10, negative: 1 }, { period: '2024-01', reviews: 10, negative: 1 }])).toThrow(/ascend/);
    expect(bad([{ period: '2024-01', reviews: 10, negative: 11 }])).toThrow(/negative/);
    expect(bad([{ period: '2024-01', reviews: 10, negative: 1 }, { period: 'undated', reviews: 10, negative: 1 }])).toThrow(/dated/);
  });
});
