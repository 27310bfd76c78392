// Drivers (NPS of those who name a topic negatively against the other commenters), disagreement flags and their
// alerts: figures by hand, and the same sums however the records are split and merged (as byte ranges are).
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../src/aggregate/accumulator.js';
import { ALL_PRODUCTS, driverRows } from '../../src/aggregate/drivers.js';
import { MAX_FLAGGED } from '../../src/aggregate/survey-accumulator.js';
import { csatFlag, flagsCell, npsFlag } from '../../src/analyze/disagreement.js';
import type { Label, ScoredReview, TextRole } from '../../src/types.js';

let next = 0;
type Options = { product?: string; nps?: number; csat?: number; label?: Label; score?: number; topics?: [string, Label][]; role?: TextRole; date?: string };

function scored(o: Options): ScoredReview {
  const id = `r${String(++next).padStart(4, '0')}`;
  const label = o.label;
  return {
    id, ref: { input: 'survey', file: '/d/s.csv', line: next + 1 }, product: o.product ?? 'Shop', date: o.date ?? '2025-01-15',
    texts: label ? [{ role: o.role ?? 'question', text: 'text' }] : [], language: 'en', rating: undefined, nps: o.nps,
    csat: o.csat === undefined ? undefined : { raw: o.csat, norm: (o.csat - 1) / 4, top2: o.csat >= 4 },
    sentiment: label === undefined ? undefined : {
      score: o.score ?? (label === 'negative' ? -0.5 : label === 'positive' ? 0.5 : 0), label, terms: [],
      topics: (o.topics ?? []).map(([topic, l]) => ({ topic, label: l, score: l === 'negative' ? -0.5 : 0.5, sum: 0, mentions: 1 })),
    },
    lexicon: 'en@1',
  };
}

const times = (n: number, o: Options) => Array.from({ length: n }, () => scored(o));

/** 40 name delivery negatively (8 promoters, 12 passives, 20 detractors); 160 others comment (96, 48, 16);
 *  50 promoters write nothing; 3 name price negatively. */
function survey(): ScoredReview[] {
  const bad: [string, Label][] = [['delivery', 'negative']];
  return [
    ...times(8, { nps: 10, label: 'negative', topics: bad }), ...times(12, { nps: 7, label: 'negative', topics: bad }), ...times(20, { nps: 2, label: 'negative', topics: bad }),
    ...times(96, { nps: 9, label: 'positive', topics: [['delivery', 'positive']] }), ...times(45, { nps: 8, label: 'neutral' }),
    ...times(3, { nps: 8, label: 'negative', topics: [['price', 'negative']] }), ...times(16, { nps: 0, label: 'negative' }),
    ...times(50, { nps: 10 }),
  ];
}

const nameOf = (t: string) => t.toUpperCase();
const rowsOf = (acc: Accumulator, minN = 30) => driverRows(acc.topicEntries(), acc.questionEntries(), nameOf, minN);

describe('driverRows', () => {
  const acc = new Accumulator('month');
  for (const r of survey()) acc.add(r);
  const rows = rowsOf(acc);

  it('delivery complaints: NPS −30 ± 24.20 against 50 ± 10.39 among the other commenters: −80 ± 26.34 (by hand)', () => {
    const d = rows.find((r) => r.product === 'Shop' && r.topic === 'delivery')!;
    // Those who wrote nothing (50 promoters) are on neither side: 200 respondents commented.
    expect(d).toMatchObject({ rank: 1, respondents: 200, mentionedNegatively: 40, topicName: 'DELIVERY', note: undefined });
    expect(d.npsMentioned).toBeCloseTo(-30, 10);
    expect(d.npsOthers).toBeCloseTo(50, 10);
    expect(d.difference).toBeCloseTo(-80, 10);
    expect(d.margin).toBeCloseTo(26.3418, 3);
  });

  it('a topic with fewer negative mentions than minN gets no figures and no rank, only the note', () => {
    const p = rows.find((r) => r.product === 'Shop' && r.topic === 'price')!;
    expect(p).toMatchObject({ rank: undefined, mentionedNegatively: 3, difference: undefined, note: 'n<30' });
    expect(rowsOf(acc, 3).find((r) => r.product === 'Shop' && r.topic === 'price')!.rank).toBe(2);
  });

  it('has rows over all products, first', () => {
    expect(rows[0]!.product).toBe(ALL_PRODUCTS);
    expect(rows.filter((r) => r.product === ALL_PRODUCTS).map((r) => r.topic)).toEqual(['delivery', 'price']);
  });
});

describe('disagreement flags', () => {
  it('a promoter who complains, a detractor who praises, and the ends of the CSAT scale', () => {
    expect(npsFlag(scored({ nps: 9, label: 'negative' }))).toBe('promoter_complaint');
    expect(npsFlag(scored({ nps: 6, label: 'positive' }))).toBe('detractor_praise');
    expect(npsFlag(scored({ nps: 8, label: 'negative' }))).toBeUndefined();
    expect(npsFlag(scored({ nps: 10, label: 'neutral' }))).toBeUndefined();
    expect(npsFlag(scored({ nps: 10 }))).toBeUndefined();
    expect(csatFlag(scored({ csat: 5, label: 'negative' }))).toBe('satisfied_complaint');
    expect(csatFlag(scored({ csat: 1, label: 'positive' }))).toBe('dissatisfied_praise');
    expect(csatFlag(scored({ csat: 4, label: 'negative' }))).toBeUndefined();
    expect(flagsCell(scored({ nps: 10, csat: 5, label: 'negative' }))).toBe('promoter_complaint satisfied_complaint');
  });

  it('an answer the survey asked to be a complaint ("what do you like least?") is no surprise from a promoter', () => {
    expect(npsFlag(scored({ nps: 10, label: 'negative', role: 'negative' }))).toBeUndefined();
    expect(npsFlag(scored({ nps: 0, label: 'positive', role: 'positive' }))).toBeUndefined();
    expect(npsFlag(scored({ nps: 0, label: 'positive', role: 'negative' }))).toBe('detractor_praise');
  });
});

describe('survey sums merge like the other sums', () => {
  // 25 promoters complain, with distinct strengths, two of them equally strong (the id decides).
  const records = [
    ...survey(),
    ...Array.from({ length: 25 }, (_, i) => scored({ product: 'Kiosk', nps: 10, label: 'negative', score: -(i % 24) / 25 - 0.04, date: i < 12 ? '2025-01-03' : '2025-02-03' })),
  ];
  const whole = new Accumulator('month');
  for (const r of records) whole.add(r);

  it('keeps the strongest MAX_FLAGGED flagged records per product and flag, strongest first, and counts them all', () => {
    const kept = whole.flaggedRecords().filter((f) => f.record.product === 'Kiosk');
    expect(kept).toHaveLength(MAX_FLAGGED);
    expect(kept.every((f) => f.of === 25)).toBe(true);
    const strengths = kept.map((f) => -f.record.sentiment);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it('gives the same questions, drivers and flagged records whatever the split and the order', () => {
    const parts = [new Accumulator('month'), new Accumulator('month'), new Accumulator('month')];
    [...records].reverse().forEach((r, i) => parts[(i * 7) % 3]!.add(r));
    const merged = new Accumulator('month');
    for (const p of [parts[2]!, parts[0]!, parts[1]!]) merged.mergeData(p.toData());
    const sortQ = (a: Accumulator) => a.questionEntries().map((e) => JSON.stringify(e)).sort();
    expect(sortQ(merged)).toEqual(sortQ(whole));
    expect(rowsOf(merged)).toEqual(rowsOf(whole));
    expect(merged.flaggedRecords()).toEqual(whole.flaggedRecords());
  });
});
