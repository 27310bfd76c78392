import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise, placeholderTest, shippedPlaceholders } from '../../src/ingest/placeholders.js';
import { LANGS } from '../../src/types.js';

const test = (language: Parameters<typeof placeholderTest>[0]['language'], placeholders: string[] = [], shipped = true) =>
  placeholderTest({ placeholders, shippedPlaceholders: shipped, language });

describe('placeholder answers', () => {
  it('the shipped list has answers for every language', () => {
    const byLang = shippedPlaceholders();
    for (const lang of LANGS) expect(byLang.get(lang)?.length, lang).toBeGreaterThan(5);
  });

  it('recognises the usual non-answers in any case, with trailing full stops or exclamation marks', () => {
    const any = test('auto');
    for (const t of ['Nothing', 'N/A', '-', 'Nei', 'Ingen kommentar', 'Inget', 'Intet', 'ingenting', 'no comment', 'Nothing.', 'NOTHING!', '...', 'Vet ikke', 'inget att tillägga']) {
      expect(any(t), t).toBe(true);
    }
    for (const t of ['Nothing works', 'No complaints', 'Ingen levering', 'Slow', 'Nej tak, aldrig mere']) expect(any(t), t).toBe(false);
  });

  it('a fixed language uses its own answers and the marks; detection uses them all', () => {
    expect(test('en')('Nei')).toBe(false);
    expect(test('nb')('Nei')).toBe(true);
    expect(test('nb')('N/A')).toBe(true);
    expect(test('sv')('Inget')).toBe(true);
    expect(test({ column: 'lang' })('Intet')).toBe(true);
  });

  it("an input's own placeholders add to the shipped ones; shippedPlaceholders: false leaves only them", () => {
    expect(test('en', ['No Negative'])('no negative')).toBe(true);
    expect(test('en', ['No Negative'], false)('Nothing')).toBe(false);
    expect(test('en', ['No Negative'], false)('No Negative')).toBe(true);
  });

  it('normalises without eating a mark-only answer', () => {
    expect(normalise(' Nothing.. ')).toBe('nothing');
    expect(normalise('...')).toBe('...');
    expect(normalise('n.a.')).toBe('n.a');
  });

  it('a bad line in a list names the file and line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tilfreds-ph-')), 'p.tsv');
    writeFileSync(file, '# comment\nen\tnothing\nxx\tfoo\n');
    expect(() => shippedPlaceholders(file)).toThrow(/p\.tsv:3: expected language/);
  });
});
