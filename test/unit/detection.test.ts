import { describe, expect, it } from 'vitest';
import { UNDETECTED, detectionFigures, formatDetection, type DetectionRow } from '../../src/eval/detection.js';
import type { Lang } from '../../src/types.js';

// A detector from a table, so that every figure can be checked by hand.
const table: Record<string, Lang | undefined> = {
  a: 'da', b: 'da', c: 'nb', d: undefined, // gold da: 2 right, 1 as nb, 1 undetected
  e: 'nb', f: 'nb', g: 'da', // gold nb: 2 right, 1 as da
  h: 'en', // gold en: 1 right
};
const detect = (text: string) => table[text];
const rows: DetectionRow[] = [
  { text: 'a', language: 'da' }, { text: 'b', language: 'da' }, { text: 'c', language: 'da' }, { text: 'd', language: 'da' },
  { text: 'e', language: 'nb' }, { text: 'f', language: 'nb' }, { text: 'g', language: 'nb' },
  { text: 'h', language: 'en' },
];

describe('detectionFigures', () => {
  it('counts the confusion matrix as confusion[gold][detected], with every language and undetected', () => {
    const f = detectionFigures(rows, detect);
    expect(f.n).toBe(8);
    expect(f.confusion.da).toEqual({ en: 0, nb: 1, nn: 0, da: 2, sv: 0, [UNDETECTED]: 1 });
    expect(f.confusion.nb).toEqual({ en: 0, nb: 2, nn: 0, da: 1, sv: 0, [UNDETECTED]: 0 });
    expect(f.confusion.en).toEqual({ en: 1, nb: 0, nn: 0, da: 0, sv: 0, [UNDETECTED]: 0 });
    expect(f.confusion.sv).toEqual({ en: 0, nb: 0, nn: 0, da: 0, sv: 0, [UNDETECTED]: 0 });
  });

  it('accuracy counts an undetected row as wrong; recall per gold language, precision per detected one', () => {
    const f = detectionFigures(rows, detect);
    expect(f.accuracy).toBeCloseTo(5 / 8, 12);
    expect(f.undetected).toBe(1);
    expect(f.recall.da).toBeCloseTo(2 / 4, 12);
    expect(f.recall.nb).toBeCloseTo(2 / 3, 12);
    expect(f.recall.en).toBe(1);
    expect(f.recall.sv).toBeNaN(); // no Swedish rows
    expect(f.precision.da).toBeCloseTo(2 / 3, 12); // a, b right; g was nb
    expect(f.precision.nb).toBeCloseTo(2 / 3, 12); // e, f right; c was da
    expect(f.precision.nn).toBeNaN(); // nothing detected as nn
  });

  it('is NaN-safe on no rows', () => {
    const f = detectionFigures([], detect);
    expect(f.n).toBe(0);
    expect(f.accuracy).toBeNaN();
    expect(f.undetected).toBe(0);
  });

  it("uses tilfreds' own detector by default", () => {
    const f = detectionFigures([
      { text: 'Jeg er meget tilfreds, og jeg fik hvad jeg havde bestilt.', language: 'da' },
      { text: 'Jag är mycket nöjd med köpet.', language: 'sv' },
      { text: 'ok', language: 'en' },
    ]);
    expect(f.confusion.da.da).toBe(1);
    expect(f.confusion.sv.sv).toBe(1);
    expect(f.confusion.en[UNDETECTED]).toBe(1);
    expect(f.accuracy).toBeCloseTo(2 / 3, 12);
  });
});

describe('formatDetection', () => {
  it('prints a headline and the matrix, rows only for the gold languages that have rows', () => {
    const text = formatDetection(detectionFigures(rows, detect));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('language detection: n 8, accuracy 0.625, undetected 1 (0.125)');
    expect(lines[1]!.split(/\s{2,}/)).toEqual(['gold \\ detected', 'en', 'nb', 'nn', 'da', 'sv', 'undetected', 'n', 'recall']);
    expect(lines.slice(2, -1).map((l) => l.split(/\s+/))).toEqual([
      ['en', '1', '0', '0', '0', '0', '0', '1', '1.000'],
      ['nb', '0', '2', '0', '1', '0', '0', '3', '0.667'],
      ['da', '0', '1', '0', '2', '0', '1', '4', '0.500'],
    ]);
    expect(lines.at(-1)!.split(/\s+/)).toEqual(['precision', '1.000', '0.667', '—', '0.667', '—']);
  });

  it('formats no rows without failing', () => {
    const text = formatDetection(detectionFigures([], detect));
    expect(text.split('\n')[0]).toBe('language detection: n 0, accuracy —, undetected 0 (—)');
  });
});
