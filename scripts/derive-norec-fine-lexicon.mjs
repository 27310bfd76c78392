#!/usr/bin/env node
// Derives a Norwegian term layer (lexicons/nb/norec-fine.tsv, lexicons/nn/norec-fine.tsv) from the polar
// expressions of NoReC_fine train (Øvrelid, Mæhlum, Barnes, Velldal, LREC 2020; CC BY-NC 4.0, from NoReC). The
// output holds terms of 1–4 words and their scores, no NoReC text.
//
//   npm run build --silent && node scripts/derive-norec-fine-lexicon.mjs [TRAIN_JSON] [--out DIR] [--report]
//       [--min-count N] [--min-docs D] [--min-agree A] [--min-polar P] [--min-context C] [--intensity S,M,L]
//
// TRAIN_JSON defaults to ../shared/data/aspects/norec-fine-train/train.json (next to the repository); --out DIR
// (default: the repository's lexicons/) gets DIR/nb/norec-fine.tsv and DIR/nn/norec-fine.tsv; --report prints
// every candidate with its counts and why it was kept or dropped (TSV on stdout). Same input, same bytes out;
// the header records non-default options. Needs `npm run build` first: terms are keyed with dist's `tokenize`.
//
// How an expression becomes an entry:
//  1. One observation per polar expression: single-span expressions only (the scorer matches contiguous words;
//     a discontinuous one such as "ikke … bra" is no phrase), one per sentence, span and sign even when several
//     opinions (targets) share the span. The NOT flag (the target is not the reviewed object, not a negation)
//     is kept: the words are as polar either way. Expressions of null polarity are skipped.
//  2. Score: polarity × intensity, Slight ±1, Standard ±2 (also a null intensity), Strong ±3: the range the
//     hand-written lists use for plain evaluative words (bra 2, god 2.5, dårlig −3, fantastisk 4), so that a
//     derived word weighs like its hand-written neighbours. (Measured: 0.5/1/1.5 and 1/2.5/4 change sentence
//     results by under 0.002; 0.5/1/1.5 costs long book reviews a little less correlation.)
//  3. Tokens in `tokenize` form, then trimmed: function words at either edge go (`en god` → `god`, `er bra` →
//     `bra`, `ser bra ut` → `ser bra`; particles other than `ut` stay: `trekker ned`), and an intensifier of
//     the packs at the start goes with the score divided by its multiplier, since the scorer multiplies it back
//     (`meget god` Strong 3 → `god` 3/1.4). Dropped: an expression with a negator or a contrast word of the
//     packs anywhere, or `langt fra` (the scorer composes those: `ikke god`); one that starts with `for`/
//     `altfor` (too: `litt for lang`); with a number; with a name (a word written capitalised inside sentences
//     more often than not); of function words only; of target-dependent words only (TARGET_DEPENDENT below);
//     longer than 4 tokens after trimming.
//  4. Aggregated per term: mean score, count, documents, sign agreement (share of observations with the sign
//     of the mean); polar share: of all places the term occurs in the corpus, the share inside some polar
//     expression (`ha`, `viktig`, `klar` are mostly written neutrally); context agreement: of the un-negated
//     polar expressions the term sits in, whole or part, the share with its sign (`bedre` sits in "kunne vært
//     bedre", `suksess` in both kinds).
//  5. Kept: count >= --min-count 2 and documents >= --min-docs 2 (two annotations in two reviews: no term that
//     only one review's subject makes polar; singletons would add some 650 words and, in 5-fold document
//     cross-validation on the train split, +0.01 macro-F1 in-domain, but a third of them are genre or target
//     readings, `ekkel` +2, `frekk` +2, `beige` −2, that would mis-score customer reviews; N = 3 halves the
//     gain of N = 2), agreement >= --min-agree 0.8 (unanimous up to 4 observations, one dissent from 5;
//     0.6–1.0 measure the same), polar share >= --min-polar 0.5 (0.4 adds words that also fire on neutral
//     sentences), context agreement >= --min-context 0.7 (above the corpus's positive share, 0.67, so that a
//     positive term does better than any word would). Score: the mean, one decimal.
//
// Both packs get the same entries: the sentences carry no bokmål/nynorsk label (4 of the 327 documents read as
// nynorsk by their function words, too few for a list of their own), the evaluative words are largely shared,
// a bokmål-only spelling never occurs in nynorsk text, and each pack's own sentiment.tsv overrides.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TRAIN = '../shared/data/aspects/norec-fine-train/train.json';
const LAYER = 'norec-fine.tsv';
const MAX_TOKENS = 4;
const DEFAULTS = { minCount: 2, minDocs: 2, minAgree: 0.8, minPolar: 0.5, minContext: 0.7 };
const DEFAULT_INTENSITY = '1,2,3';

// Function words trimmed from the edges of an expression (bokmål and nynorsk): articles, determiners and
// possessives, pronouns, prepositions, conjunctions, copulas and auxiliaries, the infinitive marker, and
// adverbs that carry no evaluation. An expression made only of these is dropped.
const FUNCTION_WORDS = new Set(`
  en ei et ein eit den det de dei denne dette disse desse dem seg sin si sitt sine hans hennes hennar deres deira
  min mi mitt mine din di ditt dine vår vårt våre all alle alt begge hver hvert kvar kvart noen nokon noko nokre
  jeg eg du han hun ho vi me dere ham henne honom oss man meg deg sjølv selv
  i på av til fra frå med om for over under etter ved mot hos gjennom mellom blant rundt nær ut
  og eller at som da når fordi enn hvis viss dersom både mens medan der her hvor kor hva kva
  er var være vere vore vært blir ble vart bli har hadde hatt kan kunne vil ville skal skulle må måtte får fikk fekk
  å også og nok bare berre jo vel nå no allerede alt heller dog mer meir mest
`.split(/\s+/).filter(Boolean));

// Negation the packs' negators miss, written as a phrase: "langt fra", "langt i fra" (far from), "alt annet enn"
// (anything but). Such an expression is dropped like one with `ikke`.
const NEGATING = / (langt (i )?fra|alt anna?et enn) /;
// `for`/`altfor` (too) carries the sign itself ("litt for stor" is negative, "stor" is not): dropped when it
// starts the expression or follows an intensifier.
const isToo = (tokens, intensifiers) =>
  tokens.some((t, i) => t === 'altfor' || (t === 'for' && (i === 0 || intensifiers.has(tokens[i - 1]))));
// Words whose sign follows their target, dropped alone (a phrase with its target stays: `høy kvalitet`,
// `stor skuffelse`): dimension and degree adjectives (size, length, height and level, weight, temperature,
// amount, age, price, colour and light, hardness, simplicity) and topic nouns. "stor" is praise in "stor musikk"
// and blame in "store problemer", "kort" in "kort leveringstid" and "kort batteritid"; the corpus, two thirds
// positive and heavy with products where more is better, cannot tell. The hand-written lists score such words
// only in phrases. Then words a critic praises and a customer does not (`skremmende`, `brutalt`, `rå`: horror,
// metal, raw food), homographs (`river` thrills and tears, `koste` enjoy and cost, `tilgjengelig` accessible
// and in stock), and verbs that take their sign from what follows (`fungerer` bra, dårlig, ikke: kept as
// such phrases).
const TARGET_DEPENDENT = new Set(`
  stor store stort større størst største liten lita lille små mindre minst minste
  lang lange langt lengre lengst lengste kort korte kortere kortest korteste
  høy høye høyt høg høge høgt høyere høgare høyest høyeste lav lave lavt lavere lågare lavest laveste låg låge lågt
  tung tunge tungt tyngre tyngst lett lette lettere lettare lettest
  varm varme varmt varmere kald kalde kaldt kaldere
  full fulle fullt tom tomme tomt mye mykje mange få flere fleire
  ny nye nytt nyere nyare gammel gamle gammelt eldre
  billig billige billigere billegare dyr dyre dyrt dyrere dyrare
  mørk mørke mørkt lys lyse lyst sort sorte svart svarte hvit kvit blank blanke
  hard harde hardt myk myke mykt tynn tynne tykk tykke smal smale smalere bred brede slank slanke
  enkel enkle enkelt enklere enklare stille
  kvalitet pris prisen levering vare varen service design lyd bilde plass
  skremmende brutal brutale brutalt rå klassisk klassiske tradisjonell tradisjonelle kompleks komplekse pompøs pompøse
  river koste tilgjengelig
  fungerer fungerte funker funka virker
`.split(/\s+/).filter(Boolean));

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/derive-norec-fine-lexicon.mjs [TRAIN_JSON] [--out DIR] [--report] [--min-count N] [--min-docs D] [--min-agree A] [--min-polar P] [--min-context C] [--intensity S,M,L]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { train: resolve(ROOT, DEFAULT_TRAIN), out: join(ROOT, 'lexicons'), report: false, intensity: DEFAULT_INTENSITY, ...DEFAULTS };
  const numeric = { '--min-count': 'minCount', '--min-docs': 'minDocs', '--min-agree': 'minAgree', '--min-polar': 'minPolar', '--min-context': 'minContext' };
  let trainGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--report') opts.report = true;
    else if (arg === '--out') opts.out = resolve(argv[++i] ?? usage('--out needs a folder'));
    else if (arg === '--intensity') {
      opts.intensity = argv[++i] ?? '';
      if (!/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/.test(opts.intensity)) usage('--intensity needs three scores: Slight,Standard,Strong');
    } else if (arg in numeric) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) usage(`${arg} needs a number >= 0`);
      opts[numeric[arg]] = value;
    } else if (!arg.startsWith('-') && !trainGiven) {
      opts.train = resolve(arg);
      trainGiven = true;
    } else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  return opts;
}

async function loadTokenize() {
  const file = join(ROOT, 'dist/src/analyze/tokenize.js');
  if (!existsSync(file)) usage(`${file} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(file).href)).tokenize;
}

/** Non-comment lines of a pack file, first column in tokenize form; values as numbers when there are any. */
function readPackList(tokenize, file) {
  const out = new Map();
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const [term, value] = line.split('\t');
    out.set(tokenize(term).join(' '), value === undefined ? 1 : Number(value));
  }
  return out;
}

/** Negators, intensifiers (→ multiplier) and contrast words of the bokmål and nynorsk packs together. */
function readPackRules(tokenize) {
  const negators = new Set();
  const intensifiers = new Map();
  const contrast = new Set();
  for (const lang of ['nb', 'nn']) {
    const dir = join(ROOT, 'lexicons', lang);
    for (const key of readPackList(tokenize, join(dir, 'negators.txt')).keys()) negators.add(key);
    for (const [key, value] of readPackList(tokenize, join(dir, 'intensifiers.tsv'))) if (!intensifiers.has(key)) intensifiers.set(key, value);
    for (const key of readPackList(tokenize, join(dir, 'contrast.tsv')).keys()) contrast.add(key);
  }
  return { negators, intensifiers, contrast };
}

const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** A sentence's tokens with character offsets and case: the text is pre-tokenised (spaces around punctuation),
 *  so each space-separated piece is tokenised alone and its offsets hold. */
function sentenceTokens(tokenize, text) {
  const out = [];
  const piece = /\S+/g;
  for (let m = piece.exec(text); m !== null; m = piece.exec(text)) {
    const toks = tokenize(m[0]);
    const words = m[0].match(WORD_RE) ?? [];
    toks.forEach((token, k) => {
      const written = words.length === toks.length ? words[k] : undefined;
      out.push({ token, start: m.index, end: m.index + m[0].length, written });
    });
  }
  return out;
}

const isCapitalised = (w) => w !== undefined && w[0] !== w[0].toLowerCase();
const isLower = (w) => w !== undefined && w === w.toLowerCase() && w !== w.toUpperCase();

function parseSpan(span) {
  const [start, end] = span.split(':').map(Number);
  return { start, end };
}

/** Observations, name words, and per-sentence tokens with the polar spans that cover them. */
function collect(tokenize, rules, data, opts) {
  const [Slight, Standard, Strong] = opts.intensity.split(',').map(Number);
  const intensity = { Slight, Standard, Strong };
  const capitalised = new Map();
  const lower = new Map();
  const sentences = [];
  for (const s of data) {
    const tokens = sentenceTokens(tokenize, s.text);
    tokens.forEach(({ token, written }, i) => {
      if (i > 0 && isCapitalised(written)) capitalised.set(token, (capitalised.get(token) ?? 0) + 1);
      else if (isLower(written)) lower.set(token, (lower.get(token) ?? 0) + 1);
    });
    // Polar spans with their sign; `negated` when a negator is among their words (its sign is not its words').
    const spans = s.opinions.flatMap((o) =>
      o.Polar_expression[1].map((span) => {
        const { start, end } = parseSpan(span);
        const words = tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.token);
        const sign = o.Polarity === 'Positive' ? 1 : o.Polarity === 'Negative' ? -1 : 0;
        return { start, end, sign, negated: words.some((w) => rules.negators.has(w)) || NEGATING.test(` ${words.join(' ')} `) };
      }),
    );
    sentences.push({ tokens, spans });
  }
  const isName = (token) => (capitalised.get(token) ?? 0) > (lower.get(token) ?? 0);

  const observations = [];
  const dropped = new Map();
  const drop = (why, key) => {
    const d = dropped.get(why) ?? new Map();
    d.set(key, (d.get(key) ?? 0) + 1);
    dropped.set(why, d);
  };
  let expressions = 0;
  for (const s of data) {
    const doc = s.sent_id.replace(/-\d+-\d+$/, '');
    const seen = new Set();
    for (const o of s.opinions) {
      const [texts, spans] = o.Polar_expression;
      if (o.Polarity !== 'Positive' && o.Polarity !== 'Negative') continue;
      if (texts.length !== 1) continue;
      const sign = o.Polarity === 'Positive' ? 1 : -1;
      if (seen.has(spans[0] + sign)) continue;
      seen.add(spans[0] + sign);
      expressions++;
      let tokens = tokenize(texts[0]);
      if (tokens.length === 0) continue;
      const raw = tokens.join(' ');
      let score = sign * (intensity[o.Intensity] ?? intensity.Standard);
      // Trim: function words at both edges, intensifiers at the start (score divided by their multiplier).
      for (let changed = true; changed && tokens.length > 0; ) {
        changed = false;
        const two = tokens.slice(0, 2).join(' ');
        if (tokens.length > 2 && rules.intensifiers.has(two)) {
          score /= rules.intensifiers.get(two);
          tokens = tokens.slice(2);
          changed = true;
        } else if (tokens.length > 1 && rules.intensifiers.has(tokens[0]) && !FUNCTION_WORDS.has(tokens[1])) {
          score /= rules.intensifiers.get(tokens[0]);
          tokens = tokens.slice(1);
          changed = true;
        } else if ((FUNCTION_WORDS.has(tokens[0]) || rules.contrast.has(tokens[0])) && !(tokens[0] === 'for' && tokens.length > 1)) {
          tokens = tokens.slice(1);
          changed = true;
        } else if (FUNCTION_WORDS.has(tokens.at(-1))) {
          tokens = tokens.slice(0, -1);
          changed = true;
        }
      }
      const key = tokens.join(' ');
      if (tokens.length === 0) drop('function words only', raw);
      else if (tokens.length > MAX_TOKENS) drop(`more than ${MAX_TOKENS} tokens`, raw);
      else if (tokens.some((t) => rules.negators.has(t)) || NEGATING.test(` ${key} `)) drop('negator', key);
      else if (isToo(tokens, rules.intensifiers)) drop('too (for, altfor)', key);
      else if (tokens.every((t) => TARGET_DEPENDENT.has(t) || FUNCTION_WORDS.has(t))) drop('target-dependent word', key);
      else if (tokens.some((t) => rules.contrast.has(t)) || tokens.some((t, i) => i > 0 && rules.contrast.has(`${tokens[i - 1]} ${t}`))) drop('contrast word', key);
      else if (tokens.some((t) => /\p{N}/u.test(t) || !/\p{L}/u.test(t))) drop('number or no letter', key);
      else if (tokens.some(isName)) drop('name', key);
      else if (tokens.length === 1 && rules.intensifiers.has(key)) drop('intensifier alone', key);
      else observations.push({ key, score, doc });
    }
  }
  return { observations, dropped, sentences, expressions };
}

/** For each key: how often its token sequence occurs in the corpus (`total`), how often inside a polar span
 *  (`inside`), and, over the spans around it that hold no negator, how many are positive and negative. */
function polarShares(keys, sentences) {
  const wanted = new Map([...keys].map((k) => [k, { total: 0, inside: 0, positive: 0, negative: 0 }]));
  for (const { tokens, spans } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= MAX_TOKENS && i + n <= tokens.length; n++) {
        const c = wanted.get(tokens.slice(i, i + n).map((t) => t.token).join(' '));
        if (c === undefined) continue;
        c.total++;
        const start = tokens[i].start;
        const end = tokens[i + n - 1].end;
        const around = spans.filter((sp) => start >= sp.start && end <= sp.end);
        if (around.length === 0) continue;
        c.inside++;
        const seen = new Set();
        for (const sp of around) {
          const id = `${sp.start}:${sp.end}:${sp.sign}`;
          if (sp.negated || sp.sign === 0 || seen.has(id)) continue;
          seen.add(id);
          if (sp.sign > 0) c.positive++;
          else c.negative++;
        }
      }
    }
  }
  return wanted;
}

function aggregate(observations, sentences, opts) {
  const byKey = new Map();
  for (const { key, score, doc } of observations) {
    const a = byKey.get(key) ?? { key, scores: [], docs: new Set() };
    a.scores.push(score);
    a.docs.add(doc);
    byKey.set(key, a);
  }
  const shares = polarShares(byKey.keys(), sentences);
  const rows = [];
  for (const a of byKey.values()) {
    const n = a.scores.length;
    const mean = a.scores.reduce((x, y) => x + y, 0) / n;
    const agree = a.scores.filter((s) => Math.sign(s) === Math.sign(mean)).length / n;
    const { total, inside, positive, negative } = shares.get(a.key);
    const polar = total === 0 ? 0 : inside / total;
    // Context agreement: of the (un-negated) polar expressions the term occurs in, whole or part, the share
    // with its sign. `fungerer` is a whole expression only when positive, but sits in `fungerer dårlig` too.
    const context = positive + negative === 0 ? 0 : (mean > 0 ? positive : negative) / (positive + negative);
    const score = Number(mean.toFixed(1));
    let why = '';
    if (n < opts.minCount) why = 'count';
    else if (a.docs.size < opts.minDocs) why = 'documents';
    else if (agree < opts.minAgree || score === 0) why = 'agreement';
    else if (polar < opts.minPolar) why = 'polar share';
    else if (context < opts.minContext) why = 'context';
    rows.push({ key: a.key, n, docs: a.docs.size, mean, agree, total, polar, context, score, why });
  }
  return rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** `# ` comment lines of at most 112 characters, continuation lines indented. */
function wrap(text) {
  const lines = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 112) {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

function header(lang, opts, sha256, stats) {
  const args = Object.entries(DEFAULTS)
    .filter(([k, v]) => opts[k] !== v)
    .map(([k, _]) => ` --${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${opts[k]}`)
    .join('') + (opts.intensity === DEFAULT_INTENSITY ? '' : ` --intensity ${opts.intensity}`);
  // The input as seen from the repository, so that the header names no machine's folders.
  const train = relative(ROOT, opts.train).split(sep).join('/');
  const trainArg = train === DEFAULT_TRAIN ? '' : ` ${train}`;
  const [slight, standard, strong] = opts.intensity.split(',');
  const variant = lang === 'nb' ? 'bokmål' : 'nynorsk';
  return [
    `# tilfreds ${variant} (${lang}) term layer derived from NoReC_fine: polar expressions of 1-${MAX_TOKENS} words with`,
    `# polarity and intensity, aggregated over the training split. Read before sentiment.tsv (manifest "layers"),`,
    `# which overrides any term it also lists. Same entries in the nb and nn packs (the corpus marks no variant).`,
    `# Made by: npm run build --silent && node scripts/derive-norec-fine-lexicon.mjs${trainArg}${args}`,
    `#   from ${train} (NoReC_fine train.json, sha256 ${sha256}).`,
    `# Score: Positive +, Negative -; Slight ${slight}, Standard ${standard}, Strong ${strong}; a leading intensifier divided out; the mean`,
    `#   over all occurrences, one decimal. Kept: >= ${opts.minCount} occurrences in >= ${opts.minDocs} documents, >= ${opts.minAgree} of them agreeing`,
    `#   in sign, >= ${opts.minPolar} of the term's occurrences in the corpus inside a polar expression, >= ${opts.minContext} of the polar`,
    `#   expressions it sits in of its sign. Negators, names, numbers, target-dependent words: dropped (see the script).`,
    ...wrap(`Counts: ${stats.sentences} sentences, ${stats.opinions} opinions, ${stats.expressions} single-span polar expressions; dropped before aggregation: ${stats.dropped}; ${stats.observations} observations of ${stats.candidates} terms; ${stats.kept} kept: ${stats.positive} positive, ${stats.negative} negative, ${stats.phrases} of 2-${MAX_TOKENS} words.`),
    `# Corpus: Lilja Øvrelid, Petter Mæhlum, Jeremy Barnes, Erik Velldal: "A Fine-Grained Sentiment Dataset for`,
    `#   Norwegian", LREC 2020 (github.com/ltgoslo/norec_fine); from NoReC: Erik Velldal, Lilja Øvrelid, Eivind`,
    `#   Alexander Bergem, Cathrine Stadsnes, Samia Touileb, Fredrik Jørgensen: "NoReC: The Norwegian Review Corpus",`,
    `#   LREC 2018.`,
    `# Licence: NoReC_fine is CC BY-NC 4.0; lexicons derived from it may be used freely. This file is such a derived`,
    `#   lexicon (terms and scores); it holds no NoReC text.`,
    `# Format: term<TAB>score, AFINN scale -5..5, sorted by term.`,
    '',
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.train)) usage(`${opts.train}: not found (NoReC_fine train.json; see ${DEFAULT_TRAIN})`);
  const tokenize = await loadTokenize();
  const bytes = readFileSync(opts.train);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const data = JSON.parse(bytes.toString('utf8'));
  const rules = readPackRules(tokenize);
  const { observations, dropped, sentences, expressions } = collect(tokenize, rules, data, opts);
  const rows = aggregate(observations, sentences, opts);
  const kept = rows.filter((r) => r.why === '');

  if (opts.report) {
    const out = ['term\tn\tdocs\tmean\tagree\tcorpus\tpolar\tcontext\tscore\tdropped'];
    for (const r of rows) out.push([r.key, r.n, r.docs, r.mean.toFixed(2), r.agree.toFixed(2), r.total, r.polar.toFixed(2), r.context.toFixed(2), r.score, r.why].join('\t'));
    for (const [why, keys] of [...dropped].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const n = [...keys.values()].reduce((x, y) => x + y, 0);
      out.push(`# before aggregation, ${why}: ${n} observations, ${keys.size} terms`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }

  const stats = {
    sentences: data.length,
    opinions: data.reduce((n, s) => n + s.opinions.length, 0),
    expressions,
    observations: observations.length,
    candidates: rows.length,
    kept: kept.length,
    positive: kept.filter((r) => r.score > 0).length,
    negative: kept.filter((r) => r.score < 0).length,
    phrases: kept.filter((r) => r.key.includes(' ')).length,
    dropped: [...dropped]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([why, keys]) => `${why} ${[...keys.values()].reduce((x, y) => x + y, 0)}`)
      .join(', '),
  };
  const body = kept.map((r) => `${r.key}\t${r.score}`).join('\n');
  for (const lang of ['nb', 'nn']) {
    const dir = join(opts.out, lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, LAYER), `${header(lang, opts, sha256, stats)}${body}\n`);
  }
  process.stderr.write(`${stats.kept} terms (${stats.positive} positive, ${stats.negative} negative, ${stats.phrases} phrases) from ${stats.observations} observations → ${join(opts.out, '{nb,nn}', LAYER)}\n`);
}

await main();
