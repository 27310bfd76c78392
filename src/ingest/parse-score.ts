// Turns one raw rating / survey field into a score on its declared scale, "no answer", or a reason why not.
// Blank never means 0 (DESIGN.md §2): an unanswered question must not drag averages or NPS down.

/** `scale: [worst, best]`, so `[5, 1]` is an inverted scale. `pattern` extracts capture group 1 first.
 *  Readonly so the (readonly) config types can be passed as they are. */
export type ScaleSpec = {
  readonly scale: readonly [number, number];
  readonly missing?: readonly string[];
  readonly pattern?: RegExp;
  /** Answers given as words: trimmed, lower-cased text → number on the scale. */
  readonly values?: ReadonlyMap<string, number>;
};
export type ScoreParse = { ok: true; score: { raw: number; norm: number } | undefined } | { ok: false; reason: string };

type NumberParse = { ok: true; value: number | undefined } | { ok: false; reason: string };

// Plain decimals only: `4,5` could be a decimal comma or a list, `1e1` is never a rating.
const NUMBER_RE = /^[+-]?\d+(\.\d+)?$/;
const NO_ANSWER = { ok: true, value: undefined } as const;

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Shared by ratings and NPS: blank/missing handling, pattern extraction, strict number syntax. */
function readNumber(
  raw: unknown,
  missing: readonly string[] | undefined,
  pattern: RegExp | undefined,
  expected: () => string,
  values?: ReadonlyMap<string, number>,
): NumberParse {
  if (raw === undefined || raw === null) return NO_ANSWER;
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number') text = String(raw);
  else return { ok: false, reason: `${expected()}, got ${typeName(raw)}` };

  if (text === '' || (missing !== undefined && missing.includes(text))) return NO_ANSWER;
  if (values !== undefined) {
    const value = values.get(text.toLowerCase());
    if (value !== undefined) return { ok: true, value };
  }

  if (pattern !== undefined) {
    pattern.lastIndex = 0; // a /g or /y pattern keeps state between exec calls; every record starts fresh
    const m = pattern.exec(text);
    if (m === null) return { ok: false, reason: `expected a value matching ${String(pattern)}` };
    const group = m[1]?.trim();
    if (group === undefined || group === '') {
      return { ok: false, reason: `${String(pattern)} matched but capture group 1 is empty` };
    }
    if (missing !== undefined && missing.includes(group)) return NO_ANSWER;
    text = group;
  } else if (typeof raw === 'number') {
    // JSON numbers are numbers already (String(1e21) would not even pass NUMBER_RE).
    return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: `${expected()}, got ${raw}` };
  }

  if (!NUMBER_RE.test(text)) return { ok: false, reason: expected() };
  return { ok: true, value: Number(text) };
}

/** A rating or CSAT value on a declared scale, normalised to 0–1 with 1 = best. */
export function parseScore(raw: unknown, spec: ScaleSpec): ScoreParse {
  const [worst, best] = spec.scale;
  if (!Number.isFinite(worst) || !Number.isFinite(best) || worst === best) {
    throw new Error(`invalid scale ${JSON.stringify(spec.scale)}: expected two different numbers [worst, best]`);
  }
  const lo = Math.min(worst, best);
  const hi = Math.max(worst, best);
  // Messages are built only on failure: this runs per record.
  const range = () => `${lo}–${hi}`;

  const expected = () =>
    spec.values === undefined ? `expected a number on the scale ${range()}` : `expected a number on the scale ${range()} or one of ${[...spec.values.keys()].map((k) => JSON.stringify(k)).join(', ')}`;
  const n = readNumber(raw, spec.missing, spec.pattern, expected, spec.values);
  if (!n.ok) return n;
  if (n.value === undefined) return { ok: true, score: undefined };
  const v = n.value;
  if (v < lo || v > hi) return { ok: false, reason: `${v} is outside the scale ${range()}` };
  // `+ 0` turns -0 (e.g. (5 - 5) / (1 - 5) on an inverted scale) into 0.
  return { ok: true, score: { raw: v + 0, norm: (v - worst) / (best - worst) + 0 } };
}

/** "How likely are you to recommend…": whole numbers 0–10. */
export function parseNps(
  raw: unknown,
  missing?: readonly string[],
  pattern?: RegExp,
  values?: ReadonlyMap<string, number>,
): { ok: true; nps: number | undefined } | { ok: false; reason: string } {
  const n = readNumber(raw, missing, pattern, () => 'expected a whole number on the scale 0–10', values);
  if (!n.ok) return n;
  const v = n.value;
  if (v === undefined) return { ok: true, nps: undefined };
  if (!Number.isInteger(v)) return { ok: false, reason: `${v} is not a whole number on the scale 0–10` };
  if (v < 0 || v > 10) return { ok: false, reason: `${v} is outside the scale 0–10` };
  return { ok: true, nps: v + 0 };
}
