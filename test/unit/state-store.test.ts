import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../src/aggregate/accumulator.js';
import { packsFor } from '../../src/analyze/config-packs.js';
import { createScorer } from '../../src/analyze/score-review.js';
import { DEFAULT_TOPICS } from '../../src/analyze/topics.js';
import { contentHash, reviewContent, reviewOf, stateRowOf } from '../../src/state/record-row.js';
import { StatePartWriter } from '../../src/state/state-part.js';
import { StateStore } from '../../src/state/store.js';
import type { Review } from '../../src/types.js';
import { tempDir } from '../support/cli.js';

const score = createScorer(packsFor({ lexicons: {}, topics: DEFAULT_TOPICS }));
const TEXTS = ['The delivery was late and the box was damaged.', 'Great quality, fast delivery!', 'Customer service never answered.', 'Too expensive for what it is.', ''];

const review = (i: number): Review => ({
  id: `id-${i}`,
  ref: { input: 'shop', file: 'dump.csv', line: i + 2 },
  product: i % 3 ? 'kettle' : 'toaster',
  date: i % 7 ? `2024-0${1 + (i % 6)}-1${i % 10}` : undefined,
  texts: TEXTS[i % TEXTS.length] ? [{ role: 'review', text: TEXTS[i % TEXTS.length]! }] : [],
  language: 'en',
  rating: i % 4 ? { raw: 1 + (i % 5), norm: (i % 5) / 4 } : undefined,
  nps: i % 5 ? i % 11 : undefined,
  csat: i % 2 ? { raw: 1 + (i % 5), norm: (i % 5) / 4, top2: i % 5 >= 3 } : undefined,
});

async function stage(dir: string, reviews: Review[]): Promise<string> {
  const part = join(dir, `part-${Math.random()}`);
  const out = new StatePartWriter(part);
  for (const r of reviews) {
    const content = reviewContent(r);
    await out.add(['new', r.id, contentHash(content).toString('base64'), stateRowOf(score(r)), content]);
  }
  await out.close();
  return part;
}

describe('the state store', () => {
  const reviews = Array.from({ length: 60 }, (_, i) => review(i));

  it('rebuilds exactly the aggregates of the scored records: groups, sums and topic examples', async () => {
    const dir = tempDir('store');
    const store = new StateStore(join(dir, 's.sqlite'));
    store.begin();
    expect(await store.importPart(await stage(dir, reviews), 'shop', 'v1', 1)).toEqual({ new: 60, changed: 0 });
    const direct = new Accumulator('month');
    for (const r of reviews) direct.add(score(r));
    const rebuilt = store.aggregate('month');
    expect(rebuilt.sorted()).toEqual(direct.sorted());
    const byKey = (a: Accumulator) => a.topicEntries().sort((x, y) => JSON.stringify(x.key).localeCompare(JSON.stringify(y.key)));
    expect(byKey(rebuilt)).toEqual(byKey(direct));
    expect(byKey(direct).length).toBeGreaterThan(0);
    store.commit();
    store.close();
  });

  it('keeps one row per input and id: a changed record replaces the old one; totals count stale scorers', async () => {
    const dir = tempDir('store-upsert');
    const store = new StateStore(join(dir, 's.sqlite'));
    store.begin();
    await store.importPart(await stage(dir, reviews.slice(0, 10)), 'shop', 'v1', 1);
    const edited = { ...reviews[3]!, texts: [{ role: 'review' as const, text: 'Awful. Broken on arrival.' }] };
    await store.importPart(await stage(dir, [edited]), 'shop', 'v2', 2);
    await store.importPart(await stage(dir, [reviews[3]!]), 'app', 'v2', 2);
    const t = store.totals('v2');
    expect(t.records).toBe(11);
    expect(t.stale).toBe(9);
    expect(store.countsByInput()).toEqual([{ input: 'app', records: 1, scorers: 1 }, { input: 'shop', records: 10, scorers: 2 }]);
    // Rescoring from the stored content gives what scoring the original review gave.
    expect(store.rescoreStale('v2', score, 3)).toBe(9);
    expect(store.totals('v2').stale).toBe(0);
    const direct = new Accumulator('month');
    for (const r of [...reviews.slice(0, 10).filter((r) => r.id !== edited.id), edited, reviews[3]!]) direct.add(score(r));
    expect(store.aggregate('month').sorted()).toEqual(direct.sorted());
    store.close();
  });

  it('gives the review back from its content, so that a rescore scores the same text', () => {
    for (const r of reviews.slice(0, 12)) {
      const back = reviewOf('shop', r.id, reviewContent(r));
      expect({ ...back, ref: r.ref }).toEqual(r);
      expect(stateRowOf(score(back))).toEqual(stateRowOf(score(r)));
    }
  });
});
