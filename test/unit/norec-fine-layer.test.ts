// The NoReC_fine-derived term layer (lexicons/{nb,nn}/norec-fine.tsv, made by scripts/derive-norec-fine-lexicon.mjs):
// it loads as a manifest layer under the hand-written list, says where it comes from, and the script remakes it
// byte for byte when the shared corpus is present.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexiconPack, MAX_PHRASE_TOKENS } from '../../src/analyze/lexicon-pack.js';
import { tokenize } from '../../src/analyze/tokenize.js';
import { hasShared, ROOT, SHARED, tempDir } from '../support/cli.js';

const LANGS = ['nb', 'nn'] as const;
const SCRIPT = join(ROOT, 'scripts/derive-norec-fine-lexicon.mjs');
const TRAIN = join(SHARED, 'data/aspects/norec-fine-train/train.json');
const layerFile = (lang: string, dir = join(ROOT, 'lexicons')) => join(dir, lang, 'norec-fine.tsv');

type Layer = { header: string[]; entries: { raw: string; key: string; score: number }[] };

function readLayer(file: string): Layer {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return {
    header: lines.filter((l) => l.startsWith('#')),
    entries: lines
      .filter((l) => !l.startsWith('#'))
      .map((l) => {
        const [raw = '', score = ''] = l.split('\t');
        return { raw, key: tokenize(raw).join(' '), score: Number(score) };
      }),
  };
}

/** Terms of the pack's own sentiment.tsv, in tokenize form: these override the layer. */
function handWritten(lang: string): Set<string> {
  const lines = readFileSync(join(ROOT, 'lexicons', lang, 'sentiment.tsv'), 'utf8').split('\n');
  return new Set(lines.filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#')).map((l) => tokenize(l.split('\t')[0]!).join(' ')));
}

describe.each(LANGS)('the NoReC_fine layer of the %s pack', (lang) => {
  const layer = readLayer(layerFile(lang));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'lexicons', lang, 'manifest.json'), 'utf8')) as { layers?: string[] };

  it('is listed in the manifest and loads through loadLexiconPack, under the hand-written list', () => {
    expect(manifest.layers).toEqual(['norec-fine.tsv']);
    const pack = loadLexiconPack(lang)!;
    const hand = handWritten(lang);
    const own = layer.entries.filter((e) => !hand.has(e.key));
    expect(own.length).toBeGreaterThan(50);
    for (const { key, score } of own) {
      expect((key.includes(' ') ? pack.phrases : pack.terms).get(key), key).toBe(score);
    }
    // Where both list a term, the hand-written score is the one in the pack (`bra` is in both).
    expect(layer.entries.some((e) => e.key === 'bra')).toBe(true);
    const handBra = readFileSync(join(ROOT, 'lexicons', lang, 'sentiment.tsv'), 'utf8').match(/^bra\t(\S+)$/m)?.[1];
    expect(pack.terms.get('bra')).toBe(Number(handBra));
  });

  it('has a header that cites the corpus, gives the licence and the command', () => {
    const header = layer.header.join('\n');
    expect(header).toContain('A Fine-Grained Sentiment Dataset for');
    expect(header).toMatch(/Øvrelid, Petter Mæhlum, Jeremy Barnes, Erik Velldal/);
    expect(header).toContain('LREC 2020');
    expect(header).toContain('NoReC: The Norwegian Review Corpus');
    expect(header).toContain('LREC 2018');
    expect(header).toContain('CC BY-NC 4.0');
    expect(header).toContain('no NoReC text');
    expect(header).toContain('node scripts/derive-norec-fine-lexicon.mjs');
    expect(header).toMatch(/Counts: .* kept: \d+ positive, \d+ negative/s);
  });

  it(`has entries of 1–${MAX_PHRASE_TOKENS} tokens, already in tokenize form, each once, sorted, with scores in -5..5`, () => {
    const keys = layer.entries.map((e) => e.key);
    for (const { raw, key, score } of layer.entries) {
      expect(key.split(' ').length, raw).toBeLessThanOrEqual(MAX_PHRASE_TOKENS);
      expect(key, raw).toBe(raw);
      expect(Number.isFinite(score) && score !== 0 && Math.abs(score) <= 5, raw).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('scores no negator, intensifier or contrast word, nor a word left neutral on purpose', () => {
    const pack = loadLexiconPack(lang)!;
    const keys = new Set(layer.entries.map((e) => e.key));
    for (const word of [...pack.negators, ...pack.intensifiers.keys(), ...pack.contrast.keys()]) expect(keys.has(word), word).toBe(false);
    for (const word of ['stor', 'store', 'lang', 'kort', 'høy', 'billig', 'kvalitet', 'pris', 'levering', 'fungerer']) expect(keys.has(word), word).toBe(false);
  });
});

it('gives the bokmål and nynorsk packs the same entries', () => {
  expect(readLayer(layerFile('nn')).entries).toEqual(readLayer(layerFile('nb')).entries);
});

describe.skipIf(!hasShared || !existsSync(TRAIN))('scripts/derive-norec-fine-lexicon.mjs, on the shared NoReC_fine train split', () => {
  const out = tempDir('norec-fine');
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('remakes the committed files byte for byte', () => {
    const r = spawnSync(process.execPath, [SCRIPT, TRAIN, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toMatch(/\d+ terms/);
    expect(r.status).toBe(0);
    for (const lang of LANGS) expect(readFileSync(layerFile(lang, out), 'utf8'), lang).toBe(readFileSync(layerFile(lang), 'utf8'));
  });
});
