// Emerging pain points: topics whose negative mentions per review rise significantly in a product's latest period
// against its own trailing baseline. Pure statistics: the caller gathers the counts.
//
// The test is the exact conditional test for two Poisson rates (Przyborowski & Wilenski 1940; Lehmann & Romano,
// Testing Statistical Hypotheses, §4.5): given the total n of negative mentions in both windows, under "same rate per
// review" the latest window's share is Binomial(n, reviews / (reviews + baselineReviews)). It weighs volume by itself,
// so 3 of 10 against 1 of 10 is noise while 60 of 1000 against 20 of 1000 is not; a raw ratio is never enough.
import { UNDATED } from './period.js';

export type PeriodCount = { period: string; reviews: number; negative: number };

/**
 * One product × topic: its periods in ascending order (dated periods only; strings like 2024-05, 2024-W07, 2024-Q2,
 * 2024-05-03 sort correctly as strings). Periods with no reviews may be absent.
 */
export type TopicSeries = { product: string; topic: string; periods: readonly PeriodCount[] };

export type EmergingOptions = {
  /**
   * How many periods before the latest make the baseline (the trailing window; fewer when fewer exist). Only periods
   * with reviews count, so an absent period and one with zero reviews are the same thing.
   * @default 6
   */
  baselinePeriods: number;
  /**
   * One-sided significance level. Many product × topic pairs are tested every night: a loose level floods the list.
   * @default 0.001
   */
  alpha: number;
  /**
   * Least negative mentions in the latest period.
   * @default 5
   */
  minNegative: number;
  /**
   * Least ratio of rates (latest per review / baseline per review): significant but small rises are left out.
   * @default 1.5
   */
  minRatio: number;
};

export const DEFAULT_EMERGING: Readonly<EmergingOptions> = Object.freeze({
  baselinePeriods: 6,
  alpha: 0.001,
  minNegative: 5,
  minRatio: 1.5,
});

export type EmergingAlert = {
  product: string;
  topic: string;
  /** The latest period, the one tested. */
  period: string;
  negative: number;
  reviews: number;
  /** First and last period of the baseline window. */
  baselineFrom: string;
  baselineTo: string;
  baselineNegative: number;
  baselineReviews: number;
  /** Negative mentions per review. */
  rate: number;
  baselineRate: number;
  /** rate / baselineRate; Infinity when the baseline had no negative mentions. */
  ratio: number;
  /** One-sided: P(at least `negative` of the n mentions fall in the latest period | same rate per review). */
  pValue: number;
};

// --- the binomial tail ----------------------------------------------------------------------------------------------

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes, 3rd ed., §6.1; the widely used Godfrey coefficients):
// relative error ~1e-15, so ln 50000! (≈ 4.9·10⁵) is off by ~1e-9 at most, and the tail by that much relatively:
// harmless for a p-value (checked against scipy's binom.sf while writing this: agreement to ~1e-10).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x ≥ 0.5 (the tail needs it at whole numbers ≥ 1 only: ln Γ(m + 1) = ln m!). */
export function logGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the exact sum, to ~1e-9 relative for n up to tens of thousands.
 *
 * Sums the pmf away from the mode, where the terms only shrink: the upper tail directly when k lies above the mode,
 * otherwise 1 − the lower tail (which is then ≤ ~½, so the subtraction loses nothing). The terms are scaled by the
 * first one, computed in log space, so nothing underflows before the end; a tail below ~1e-308 comes out as 0.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`binomialUpperTail: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(k)) throw new Error(`binomialUpperTail: k must be a whole number, got ${k}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomialUpperTail: p must be in [0, 1], got ${p}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;

  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const odds = p / (1 - p);
  const logPmf = (i: number) => logChoose(n, i) + i * logP + (n - i) * logQ;
  const mode = Math.floor((n + 1) * p); // pmf(i) ≥ pmf(i − 1) exactly when i ≤ (n + 1)p

  // Relative terms: 1 for the first, each next = previous × pmf ratio; stop when one no longer changes the sum.
  if (k > mode) {
    let term = 1;
    let sum = 1;
    for (let i = k; i < n && term > sum * 1e-17; i++) {
      term *= ((n - i) / (i + 1)) * odds;
      sum += term;
    }
    return Math.min(1, Math.exp(logPmf(k) + Math.log(sum)));
  }
  let term = 1;
  let sum = 1;
  for (let i = k - 1; i > 0 && term > sum * 1e-17; i--) {
    term *= (i / (n - i + 1)) / odds;
    sum += term;
  }
  return Math.max(0, 1 - Math.exp(logPmf(k - 1) + Math.log(sum)));
}

// --- options --------------------------------------------------------------------------------------------------------

const CHECKS: { [K in keyof EmergingOptions]: [ok: (x: number) => boolean, expected: string] } = {
  baselinePeriods: [(x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1'],
  alpha: [(x) => x > 0 && x < 1, 'a number in (0, 1)'],
  minNegative: [(x) => Number.isFinite(x) && x >= 0, 'a number ≥ 0'],
  minRatio: [(x) => Number.isFinite(x) && x >= 0, 'a number ≥ 0'],
};

/** Defaults filled in; an unknown key or a bad value throws, naming the option. Undefined values keep the default. */
function resolveOptions(options: Partial<EmergingOptions>): EmergingOptions {
  const resolved: EmergingOptions = { ...DEFAULT_EMERGING };
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(CHECKS, key)) throw new Error(`emerging options: unknown option "${key}" (known: ${Object.keys(CHECKS).join(', ')})`);
    if (value === undefined) continue;
    const [ok, expected] = CHECKS[key as keyof EmergingOptions];
    if (typeof value !== 'number' || !ok(value)) throw new Error(`emerging options: ${key}: expected ${expected}, got ${String(value)}`);
    resolved[key as keyof EmergingOptions] = value;
  }
  return resolved;
}

// --- the test per series --------------------------------------------------------------------------------------------

const whole = (x: number) => Number.isInteger(x) && x >= 0;

/** The counts come from our own aggregation, so a broken series is a bug upstream: fail loudly, never guess. */
function checkSeries(s: TopicSeries): void {
  const where = `emerging: ${s.product} × ${s.topic}`;
  let prev: string | undefined;
  for (const c of s.periods) {
    if (c.period === UNDATED) throw new Error(`${where}: dated periods only, got "${UNDATED}"`);
    if (prev !== undefined && !(c.period > prev)) throw new Error(`${where}: periods must ascend, got "${prev}" before "${c.period}"`);
    if (!whole(c.reviews) || !whole(c.negative) || c.negative > c.reviews) {
      throw new Error(`${where}, ${c.period}: expected whole counts with 0 ≤ negative ≤ reviews, got negative ${c.negative} of ${c.reviews}`);
    }
    prev = c.period;
  }
}

function testLatest(s: TopicSeries, o: EmergingOptions): EmergingAlert | undefined {
  const latest = s.periods.at(-1);
  if (!latest || latest.reviews === 0 || latest.negative < o.minNegative) return undefined;

  const window: PeriodCount[] = [];
  for (let i = s.periods.length - 2; i >= 0 && window.length < o.baselinePeriods; i--) {
    const c = s.periods[i]!;
    if (c.reviews > 0) window.unshift(c);
  }
  if (!window.length) return undefined;

  const baselineReviews = window.reduce((a, c) => a + c.reviews, 0);
  const baselineNegative = window.reduce((a, c) => a + c.negative, 0);
  const rate = latest.negative / latest.reviews;
  const baselineRate = baselineNegative / baselineReviews;
  // latest.negative > 0 here unless minNegative is 0, and then the p-value below is 1: no 0/0 reaches an alert.
  const ratio = baselineNegative > 0 ? rate / baselineRate : Infinity;
  if (ratio < o.minRatio) return undefined;

  const n = latest.negative + baselineNegative;
  const p0 = latest.reviews / (latest.reviews + baselineReviews);
  const pValue = binomialUpperTail(latest.negative, n, p0);
  if (!(pValue < o.alpha)) return undefined;

  return {
    product: s.product,
    topic: s.topic,
    period: latest.period,
    negative: latest.negative,
    reviews: latest.reviews,
    baselineFrom: window[0]!.period,
    baselineTo: window.at(-1)!.period,
    baselineNegative,
    baselineReviews,
    rate,
    baselineRate,
    ratio,
    pValue,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Tests each series' latest period against its trailing baseline and returns the alerts, most significant first
 * (then by product and topic, so the order does not depend on the input's). A series without a baseline period
 * that has reviews is not tested.
 */
export function emergingPainPoints(series: Iterable<TopicSeries>, options: Partial<EmergingOptions> = {}): EmergingAlert[] {
  const o = resolveOptions(options);
  const alerts: EmergingAlert[] = [];
  for (const s of series) {
    checkSeries(s);
    const alert = testLatest(s, o);
    if (alert) alerts.push(alert);
  }
  return alerts.sort((a, b) => a.pValue - b.pValue || byText(a.product, b.product) || byText(a.topic, b.topic));
}
