// The survey figures with their uncertainty, from counts: NPS with its margin, the top-2-box share with its Wilson
// interval, the NPS difference between two groups of respondents, and the minimum-n guard that blanks a figure too
// thin to read (30 answers by default: at n = 29 an NPS of 0 has a margin of up to ±36 points).

/** 1.96: the two-sided 95 % quantile of the normal distribution. */
export const Z95 = 1.96;

/** The note that stands in for a figure below the minimum n: `n<30`. */
export const belowMinN = (minN: number): string => `n<${minN}`;

/** NPS = % promoters − % detractors; its variance from the trinomial: (p + d − (p − d)²) / n. */
export function npsWithMargin(promoters: number, detractors: number, n: number): { nps: number; margin: number } | undefined {
  if (n <= 0) return undefined;
  const p = promoters / n;
  const d = detractors / n;
  const variance = (p + d - (p - d) ** 2) / n;
  return { nps: 100 * (p - d), margin: 100 * Z95 * Math.sqrt(variance) };
}

/** Wilson score interval for k successes in n trials (Wilson 1927): unlike p ± z·√(p(1−p)/n) it stays inside
 *  0–1 and does not collapse to a point at 0 % or 100 %. In percent. */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } | undefined {
  if (n <= 0) return undefined;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: 100 * Math.max(0, centre - half), high: 100 * Math.min(1, centre + half) };
}

export type NpsFigure = { nps: number | undefined; margin: number | undefined; note: string | undefined };
export type CsatFigure = { pct: number | undefined; low: number | undefined; high: number | undefined; note: string | undefined };

/** NPS and its margin, or no number and the note when fewer than `minN` answered. */
export function npsFigure(promoters: number, detractors: number, n: number, minN: number): NpsFigure {
  if (n === 0) return { nps: undefined, margin: undefined, note: undefined };
  if (n < minN) return { nps: undefined, margin: undefined, note: belowMinN(minN) };
  const r = npsWithMargin(promoters, detractors, n)!;
  return { nps: r.nps, margin: r.margin, note: undefined };
}

/** Top-2-box share with its Wilson interval, or no number and the note when fewer than `minN` answered. */
export function csatFigure(top2: number, n: number, minN: number): CsatFigure {
  if (n === 0) return { pct: undefined, low: undefined, high: undefined, note: undefined };
  if (n < minN) return { pct: undefined, low: undefined, high: undefined, note: belowMinN(minN) };
  const ci = wilsonInterval(top2, n)!;
  return { pct: (100 * top2) / n, low: ci.low, high: ci.high, note: undefined };
}

/** Promoters, detractors and answers of one group of respondents. */
export type NpsCounts = { n: number; promoters: number; detractors: number };

/** NPS of `a` minus NPS of `b` (two independent samples), with the 95 % margin of the difference:
 *  1.96 · √(var_a + var_b), each variance the trinomial one of npsWithMargin. Undefined when a group is empty. */
export function npsDifference(a: NpsCounts, b: NpsCounts): { difference: number; margin: number } | undefined {
  const x = npsWithMargin(a.promoters, a.detractors, a.n);
  const y = npsWithMargin(b.promoters, b.detractors, b.n);
  if (!x || !y) return undefined;
  return { difference: x.nps - y.nps, margin: Math.sqrt(x.margin ** 2 + y.margin ** 2) };
}
