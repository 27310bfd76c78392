// `tilfreds eval --aspects` through the CLI on the human-labelled aspect data in ../shared/data/aspects: the scheme
// read from the layout, the figures beside the baseline, JSON for machines, and usage mistakes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SHARED } from '../support/cli.js';

const ASPECTS = join(SHARED, 'data/aspects');
const hasAspects = existsSync(ASPECTS);
if (!hasAspects) console.warn(`e2e: ${ASPECTS} not found: the eval --aspects tests are skipped`);

type Figures = { gold: number; predicted: number; f1: number; polarity: { n: number; accuracy: number }; polarityGiven: { n: number; accuracy: number } };
type Report = { scheme: string; taxonomy: string; sentences: number; tilfreds: Figures; baseline: Figures; perTopic: { topic: string }[] };

const evalJson = (file: string, ...args: string[]) => {
  const r = runCli(['eval', '--aspects', join(ASPECTS, file), '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

describe.skipIf(!hasAspects)('tilfreds eval --aspects', () => {
  it('reads MAMS (sentences without ids) with the restaurant taxonomy and beats the baseline on polarity', () => {
    const r = evalJson('mams-train-val/MAMS-ACSA/val.xml');
    expect(r).toMatchObject({ scheme: 'mams', sentences: 400 });
    expect(r.taxonomy).toMatch(/^restaurants@/);
    // Detection is the same for both; polarity is what the clause rules add.
    expect(r.tilfreds.f1).toBe(r.baseline.f1);
    expect(r.tilfreds.f1).toBeGreaterThan(0.6);
    expect(r.tilfreds.polarity.accuracy).toBeGreaterThan(r.baseline.polarity.accuracy + 0.03);
    expect(r.perTopic.map((t) => t.topic).sort()).toEqual(['ambience', 'food', 'price', 'service']);
  });

  it('reads SemEval-2015/16 (<Opinions>) as that scheme, with drinks and location as topics', () => {
    const r = evalJson('semeval2015-task12/ABSA15_Restaurants_Test.xml');
    expect(r.scheme).toBe('semeval2016');
    expect(r.perTopic.map((t) => t.topic)).toEqual(expect.arrayContaining(['drinks', 'location']));
    expect(r.tilfreds.polarity.accuracy).toBeGreaterThan(r.baseline.polarity.accuracy);
  });

  it('prints a table for people, and stops with a usage error on a wrong taxonomy or a laptop file', () => {
    const text = runCli(['eval', '--aspects', join(ASPECTS, 'mams-train-val/MAMS-ACSA/val.xml')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^tilfreds\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}/m);
    expect(text.stdout).toMatch(/^keywords \+ sentence AFINN\s/m);
    const bad = runCli(['eval', '--aspects', join(ASPECTS, 'mams-train-val/MAMS-ACSA/val.xml'), '--taxonomy', 'restaurant']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--taxonomy: expected default, restaurants or a path ending in \.json, found "restaurant"/);
    const laptops = runCli(['eval', '--aspects', join(ASPECTS, 'semeval2016-task5-train/ABSA16_Laptops_Train_SB1_v2.xml')]);
    expect(laptops.code).toBe(2);
    expect(laptops.stderr).toMatch(/is not a semeval2016 restaurant category: give --category-map/);
    expect(laptops.stdout).toBe('');
  });
});
