// Readers for human-labelled aspect (topic) sentiment data, for `tilfreds eval --aspects`: SemEval-2014/2015/2016
// ABSA XML, MAMS-ACSA XML, the Twitter US Airline Sentiment CSV, GermEval 2017 TSV and the Amazon reviews with
// hand-assigned aspect names. Every reader turns one file into the same shape, `AspectSentence[]`, with the
// categories as the file names them; the category maps at the end translate SemEval and MAMS restaurant categories
// into the topic ids of lexicons/topics/restaurants.json. The files are a few MB at most, so a reader reads its
// file whole and synchronously. The XML files are read by a small XML reader of our own (no dependency): they are
// simple and well-formed, and a file that is not is refused with its line number rather than half read.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TilfredsError } from '../errors.js';

export const ASPECT_POLARITIES = ['positive', 'negative', 'neutral', 'conflict'] as const;
/** `conflict` (SemEval-2014): the category gets both positive and negative sentiment in the sentence. */
export type AspectPolarity = (typeof ASPECT_POLARITIES)[number];
export type TextPolarity = 'positive' | 'negative' | 'neutral';

export type Aspect = {
  category: string;
  /** undefined where the data labels the category without a polarity (the Amazon aspects). */
  polarity: AspectPolarity | undefined;
  /** The opinion target as written in the file (SemEval-2015/16 `target`; absent for `NULL`, i.e. implicit). */
  target?: string;
};

export type AspectSentence = {
  id: string;
  text: string;
  language: string;
  /** As in the file: one entry per label, so a category may occur twice (see `mergeAspects`). */
  aspects: Aspect[];
  /** A SemEval-2015/16 sentence marked `OutOfScope="TRUE"`: no opinions, not scored. Present only when the
   *  reader was asked to keep such sentences (by default it leaves them out). */
  outOfScope?: true;
  /** The label of the whole text where the data has one (airline tweets, GermEval documents). */
  sentiment?: TextPolarity;
};

const inputError = (message: string) => new TilfredsError('input', message);

// ---------------------------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes (either quote style), text, CDATA, the five named entities and numeric
// character references; comments, processing instructions and a DOCTYPE are skipped. No namespaces, no DTD
// entities. Line ends are normalised to \n first, as XML requires.

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[]; line: number };
export type XmlNode = XmlElement | string;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[\p{L}_:][\p{L}\p{N}_.:-]*/uy;
const SPACE = /[ \t\n]*/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9._-]*));/y;

/** Parses a whole XML document into its root element. `source` names the document in error messages. */
export function parseXml(input: string, source = 'XML'): XmlElement {
  const s = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let line = 1;
  let counted = 0;
  const lineAt = (at: number) => {
    for (; counted < at; counted++) if (s.charCodeAt(counted) === 10) line++;
    return line;
  };
  const fail = (at: number, what: string): never => {
    throw inputError(`${source}:${lineAt(at)}: not well-formed XML: ${what}`);
  };
  const decode = (raw: string, at: number): string => {
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      out += raw.slice(from, amp);
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(raw);
      if (!m) return fail(at + amp, `a bare '&' (write &amp;): ${JSON.stringify(raw.slice(amp, amp + 12))}`);
      if (m[3] !== undefined) {
        const named = NAMED_ENTITIES[m[3]];
        if (named === undefined) return fail(at + amp, `unknown entity &${m[3]};`);
        out += named;
      } else {
        const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
        if (!allowed) return fail(at + amp, `character reference ${m[0]} is not an XML character`);
        out += String.fromCodePoint(cp);
      }
      from = ENTITY.lastIndex;
    }
    return out + raw.slice(from);
  };
  const name = (at: number): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(s);
    return m ? m[0] : fail(at, `expected a name at ${JSON.stringify(s.slice(at, at + 12))}`);
  };
  const skipSpace = (at: number) => {
    SPACE.lastIndex = at;
    SPACE.exec(s);
    return SPACE.lastIndex;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const addText = (text: string) => {
    const top = stack[stack.length - 1]!;
    const last = top.children.length - 1;
    if (typeof top.children[last] === 'string') top.children[last] += text;
    else top.children.push(text);
  };

  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const end = lt < 0 ? s.length : lt;
    if (end > i) {
      const raw = s.slice(i, end);
      if (stack.length) addText(decode(raw, i));
      else if (raw.trim()) fail(i, `text outside the root element: ${JSON.stringify(raw.trim().slice(0, 20))}`);
    }
    if (lt < 0) break;
    i = lt;
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e < 0) fail(i, 'an unclosed comment');
      i = e + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf(']]>', i + 9);
      if (e < 0) fail(i, 'an unclosed CDATA section');
      if (!stack.length) fail(i, 'CDATA outside the root element');
      addText(s.slice(i + 9, e));
      i = e + 3;
    } else if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) fail(i, 'an unclosed processing instruction');
      i = e + 2;
    } else if (s.startsWith('<!DOCTYPE', i)) {
      if (root || stack.length) fail(i, 'a DOCTYPE after the root element has begun');
      const bracket = s.indexOf('[', i);
      const close = s.indexOf('>', i);
      if (close < 0) fail(i, 'an unclosed DOCTYPE');
      if (bracket >= 0 && bracket < close) {
        const e = s.indexOf(']', bracket);
        const after = e < 0 ? -1 : s.indexOf('>', e);
        if (after < 0) fail(i, 'an unclosed DOCTYPE');
        i = after + 1;
      } else i = close + 1;
    } else if (s[i + 1] === '/') {
      const tag = name(i + 2);
      const e = skipSpace(i + 2 + tag.length);
      if (s[e] !== '>') fail(e, `expected '>' to close </${tag}`);
      const open = stack.pop();
      if (!open) fail(i, `a closing tag </${tag}> without an opening one`);
      if (open!.name !== tag) fail(i, `</${tag}> closes <${open!.name}> (line ${open!.line})`);
      i = e + 1;
    } else {
      if (root && !stack.length) fail(i, 'a second root element');
      const el: XmlElement = { name: name(i + 1), attributes: {}, children: [], line: lineAt(i) };
      let j = i + 1 + el.name.length;
      for (;;) {
        const k = skipSpace(j);
        if (s.startsWith('/>', k) || s[k] === '>') {
          j = k;
          break;
        }
        if (k === j) fail(k, k >= s.length ? `an unclosed tag <${el.name}` : `expected whitespace, '>' or '/>' in <${el.name}>`);
        const attr = name(k);
        let v = skipSpace(k + attr.length);
        if (s[v] !== '=') fail(v, `expected '=' after attribute ${attr}`);
        v = skipSpace(v + 1);
        const quote = s[v];
        if (quote !== '"' && quote !== "'") fail(v, `attribute ${attr}: expected a quoted value`);
        const close = s.indexOf(quote!, v + 1);
        if (close < 0) fail(v, `attribute ${attr}: an unclosed value`);
        const raw = s.slice(v + 1, close);
        if (raw.includes('<')) fail(v, `attribute ${attr}: '<' in a value`);
        if (Object.hasOwn(el.attributes, attr)) fail(k, `attribute ${attr} given twice`);
        // Attribute-value normalisation: a literal tab or line end is a space; a character reference keeps it.
        el.attributes[attr] = decode(raw.replace(/[\t\n]/g, ' '), v + 1);
        j = close + 1;
      }
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      if (s[j] === '>') {
        stack.push(el);
        i = j + 1;
      } else i = j + 2;
    }
  }
  if (stack.length) fail(s.length, `<${stack[stack.length - 1]!.name}> (line ${stack[stack.length - 1]!.line}) is never closed`);
  return root ?? fail(0, 'no root element');
}

/** The element children of `el`, or those named `name`. */
export const childElements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

/** The elements named `name` below `el`, in document order. */
export function* descendants(el: XmlElement, name: string): Generator<XmlElement> {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) yield c;
    yield* descendants(c, name);
  }
}

/** All text inside `el`, as written (entities decoded, nothing trimmed). */
export const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

// ---------------------------------------------------------------------------------------------------------------
// SemEval ABSA and MAMS XML

export type SemEvalOptions = {
  /** The language of the sentences; by default guessed from the file name (see `languageFromFileName`). */
  language?: string;
  /** Keep `OutOfScope="TRUE"` sentences, marked `outOfScope: true` (default: leave them out, as they are not
   *  scored). */
  keepOutOfScope?: boolean;
};

const FILE_NAME_LANGUAGES: [RegExp, string][] = [
  [/dutch/i, 'nl'],
  [/french/i, 'fr'],
  [/spanish/i, 'es'],
  [/russian/i, 'ru'],
  [/turkish/i, 'tr'],
  [/arabic/i, 'ar'],
  [/chinese/i, 'zh'],
  [/german/i, 'de'],
];

/** SemEval files say their language only in the file name (`restaurants_dutch_training.xml`); English ones do
 *  not say it at all. A language name in the file name gives its ISO 639-1 code, anything else `en`. */
export function languageFromFileName(file: string): string {
  const name = basename(file);
  return FILE_NAME_LANGUAGES.find(([re]) => re.test(name))?.[1] ?? 'en';
}

function polarityOf(value: string | undefined, where: string): AspectPolarity | undefined {
  if (value === undefined) return undefined;
  if ((ASPECT_POLARITIES as readonly string[]).includes(value)) return value as AspectPolarity;
  throw inputError(`${where}: unknown polarity ${JSON.stringify(value)} (expected ${ASPECT_POLARITIES.join(', ')})`);
}

function theChild(el: XmlElement, name: string, where: string): XmlElement {
  const found = childElements(el, name);
  if (found.length !== 1) throw inputError(`${where}: <${el.name}> has ${found.length} <${name}> elements, expected 1`);
  return found[0]!;
}

type SentenceIds = 'attribute' | 'position';

function readAbsaXml(file: string, ids: SentenceIds, options: SemEvalOptions): AspectSentence[] {
  const root = parseXml(readFileSync(file, 'utf8'), file);
  const language = options.language ?? languageFromFileName(file);
  const out: AspectSentence[] = [];
  let position = 0;
  let labelled = false;
  let terms = false;
  for (const s of descendants(root, 'sentence')) {
    position++;
    const where = `${file}:${s.line}`;
    const id = ids === 'position' ? String(position) : s.attributes.id;
    if (!id) throw inputError(`${where}: a <sentence> without an id (MAMS files number their sentences by position: read them with readMamsXml)`);
    const text = textOf(theChild(s, 'text', where));
    const aspects: Aspect[] = [];
    const add = (el: XmlElement, withTarget: boolean) => {
      const at = `${file}:${el.line}`;
      const category = el.attributes.category;
      if (!category) throw inputError(`${at}: <${el.name}> without a category`);
      const aspect: Aspect = { category, polarity: polarityOf(el.attributes.polarity, at) };
      const target = el.attributes.target;
      if (withTarget && target !== undefined && target !== 'NULL') aspect.target = target;
      aspects.push(aspect);
    };
    for (const part of childElements(s)) {
      if (part.name === 'aspectCategories') {
        labelled = true;
        for (const c of childElements(part, 'aspectCategory')) add(c, false);
      } else if (part.name === 'Opinions') {
        labelled = true;
        for (const o of childElements(part, 'Opinion')) add(o, true);
      } else if (part.name === 'aspectTerms') terms = true;
    }
    const outOfScope = s.attributes.OutOfScope?.toLowerCase() === 'true';
    if (outOfScope && aspects.length) throw inputError(`${where}: an OutOfScope sentence with opinions`);
    if (outOfScope && !options.keepOutOfScope) continue;
    out.push({ id, text, language, aspects, ...(outOfScope ? { outOfScope: true as const } : {}) });
  }
  if (!position) throw inputError(`${file}: no <sentence> elements (not SemEval/MAMS ABSA XML?)`);
  // A file without a single category label is not something to score topics against: a SemEval-2014 laptop file
  // (terms only) or an unlabelled test input. Refuse it rather than return sentences that all say "no topic".
  if (!labelled)
    throw inputError(
      terms
        ? `${file}: aspect terms but no aspect categories (SemEval-2014 laptops?): there is nothing to score topics against; readSemEvalTerms reads the terms`
        : `${file}: no aspect category labels (<aspectCategories> or <Opinions>) at all: an unlabelled file?`,
    );
  return out;
}

/** SemEval ABSA XML: the 2014 layout (`<sentences><sentence id><text/><aspectCategories><aspectCategory
 *  category polarity/>`) and the 2015/2016 layout (`<Reviews><Review rid><sentences><sentence id [OutOfScope]>
 *  <text/><Opinions><Opinion target category polarity from to/>`). Categories as given (`food`, `FOOD#QUALITY`);
 *  one aspect per label, in file order; `target="NULL"` (implicit) gives no target; sentences without labels are
 *  kept with no aspects (in 2015/16 they are scored: any topic found there is a false positive); OutOfScope
 *  sentences are left out unless `keepOutOfScope`. 2014 aspect terms are not categories and are not read here. */
export const readSemEvalXml = (file: string, options: SemEvalOptions = {}): AspectSentence[] => readAbsaXml(file, 'attribute', options);

/** MAMS-ACSA XML: the SemEval-2014 category layout without sentence ids; the id is the sentence's 1-based position
 *  in the file ("1", "2", …), as `bench/aspects/eval.mjs` numbers them. English unless `language` says otherwise. */
export const readMamsXml = (file: string, options: { language?: string } = {}): AspectSentence[] =>
  readAbsaXml(file, 'position', { language: options.language ?? 'en' });

export type AspectTerm = { term: string; polarity: AspectPolarity | undefined; from: number; to: number };
export type AspectTermSentence = { id: string; text: string; language: string; terms: AspectTerm[] };

/** SemEval-2014 aspect terms (`<aspectTerms><aspectTerm term polarity from to/>`), the only labels of the laptop
 *  file: for term-level checks, not topic scoring. Every sentence is returned, with or without terms. */
export function readSemEvalTerms(file: string, options: { language?: string } = {}): AspectTermSentence[] {
  const root = parseXml(readFileSync(file, 'utf8'), file);
  const language = options.language ?? languageFromFileName(file);
  const out: AspectTermSentence[] = [];
  for (const s of descendants(root, 'sentence')) {
    const where = `${file}:${s.line}`;
    const id = s.attributes.id;
    if (!id) throw inputError(`${where}: a <sentence> without an id`);
    const text = textOf(theChild(s, 'text', where));
    const terms: AspectTerm[] = [];
    for (const list of childElements(s, 'aspectTerms'))
      for (const t of childElements(list, 'aspectTerm')) {
        const at = `${file}:${t.line}`;
        const { term, from, to } = t.attributes;
        if (term === undefined || !/^\d+$/.test(from ?? '') || !/^\d+$/.test(to ?? '')) throw inputError(`${at}: <aspectTerm> needs term, from and to`);
        terms.push({ term, polarity: polarityOf(t.attributes.polarity, at), from: Number(from), to: Number(to) });
      }
    out.push({ id, text, language, terms });
  }
  if (!out.length) throw inputError(`${file}: no <sentence> elements (not SemEval ABSA XML?)`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Twitter US Airline Sentiment (CSV)

/** RFC 4180 CSV: comma, double quotes (doubled inside), CRLF or LF rows, a BOM dropped; an empty last line is no
 *  row. A quote inside an unquoted field is kept as a character. */
export function parseCsv(input: string, source = 'CSV'): string[][] {
  const s = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let started = false; // the field has begun (an empty quoted field has no characters but is a field)
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
    started = false;
  };
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '"' && !started) {
      const startLine = line;
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) throw inputError(`${source}:${startLine}: a quoted field is never closed`);
        field += s.slice(j, q);
        if (s[q + 1] !== '"') {
          j = q + 1;
          break;
        }
        field += '"';
        j = q + 2;
      }
      for (let k = i; k < j; k++) if (s.charCodeAt(k) === 10) line++;
      i = j;
      started = true;
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && s[i + 1] === '\n'))
        throw inputError(`${source}:${line}: text after a closing quote`);
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      endField();
      rows.push(row);
      row = [];
      line++;
      i += c === '\n' ? 1 : 2;
    } else {
      field += c;
      started = true;
      i++;
    }
  }
  if (started || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const TEXT_POLARITIES: readonly string[] = ['positive', 'negative', 'neutral'];

/** The reason a negative tweet carries when the annotators could not tell what the complaint is about. */
export const AIRLINE_UNKNOWN_REASON = "Can't Tell";

/** The Twitter US Airline Sentiment CSV (Kaggle layout: `tweet_id`, `airline_sentiment`, `negativereason`, `text`,
 *  …). id = tweet_id (kept as a string: the ids are 18 digits), text as in the file (Twitter's `&amp;` etc. are left
 *  as they are), `sentiment` = airline_sentiment. A negative tweet has one aspect: its `negativereason` as the
 *  category (including "Can't Tell", `AIRLINE_UNKNOWN_REASON`), polarity negative. Positive and neutral tweets have
 *  no aspects — but that means "no complaint", not "no topic": only complaints were labelled, so a topic found in
 *  them is a false positive only if it is found with negative sentiment. Score this file on negative detections,
 *  or on recall over the negative tweets. */
export function readAirlineCsv(file: string): AspectSentence[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'), file);
  if (!header) throw inputError(`${file}: empty`);
  const col = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw inputError(`${file}: no ${name} column (not the Twitter US Airline Sentiment layout?)`);
    return k;
  };
  const [idCol, sentimentCol, reasonCol, textCol] = [col('tweet_id'), col('airline_sentiment'), col('negativereason'), col('text')];
  return rows.map((r, n) => {
    const where = `${file}: record ${n + 1}`;
    if (r.length !== header.length) throw inputError(`${where}: ${r.length} fields, the header has ${header.length}`);
    const sentiment = r[sentimentCol]!;
    if (!TEXT_POLARITIES.includes(sentiment)) throw inputError(`${where}: airline_sentiment ${JSON.stringify(sentiment)}`);
    const reason = r[reasonCol]!;
    const aspects: Aspect[] = sentiment === 'negative' && reason ? [{ category: reason, polarity: 'negative' }] : [];
    return { id: r[idCol]!, text: r[textCol]!, language: 'en', aspects, sentiment: sentiment as TextPolarity };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// GermEval 2017 (TSV)

const GERMEVAL_LABEL = /^([^\s:#]+)(#[^\s:]+)?:(positive|negative|neutral)$/;

/** GermEval 2017 TSV: `URL<TAB>text<TAB>relevance<TAB>document sentiment[<TAB>labels]`, labels space-separated
 *  `Category[#Subcategory]:polarity`. id = the 1-based line number (empty lines are skipped but counted), as
 *  `bench/aspects/eval.mjs` does; text as in the file (some texts carry CSV-style `""` quoting from the
 *  organisers' export, left alone); `sentiment` = the document sentiment. The category is the part before `#`
 *  (GermEval Subtask C, and what eval.mjs scores) unless `subcategories` asks for the whole label. Repeated labels
 *  are kept; irrelevant documents are kept with no aspects. German unless `language` says otherwise. */
export function readGermEvalTsv(file: string, options: { subcategories?: boolean; language?: string } = {}): AspectSentence[] {
  const out: AspectSentence[] = [];
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, k) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const where = `${file}:${k + 1}`;
      const f = line.split('\t');
      if (f.length < 4 || f.length > 5) throw inputError(`${where}: ${f.length} fields, expected 4 or 5 (URL, text, relevance, sentiment, labels)`);
      const sentiment = f[3]!;
      if (!TEXT_POLARITIES.includes(sentiment)) throw inputError(`${where}: document sentiment ${JSON.stringify(sentiment)}`);
      const aspects = (f[4] ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((label): Aspect => {
          const m = GERMEVAL_LABEL.exec(label);
          if (!m) throw inputError(`${where}: aspect label ${JSON.stringify(label)} is not Category[#Subcategory]:polarity`);
          return { category: options.subcategories ? m[1]! + (m[2] ?? '') : m[1]!, polarity: m[3] as AspectPolarity };
        });
      out.push({ id: String(k + 1), text: f[1]!, language: options.language ?? 'de', aspects, sentiment: sentiment as TextPolarity });
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Amazon reviews with hand-assigned aspect names (khaledsaikat/reviews-aspects-annotation, JSON)

type AmazonReview = {
  reviewerID: string;
  asin: string;
  reviewText: string;
  reviewTextJson: Record<string, string>;
  aspects?: Record<string, (number | string)[] | string> | null;
};

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/** The sentences a quoted passage repeats: each fragment of the passage (split after . ! ? or at a double space)
 *  is the sentence that holds at least 80 % of its words. */
function quotedSentences(quote: string, sentences: [string, string][], where: string): string[] {
  const keys = new Set<string>();
  for (const fragment of quote.split(/(?<=[.!?])\s+|\s{2,}/).filter((f) => words(f).length)) {
    const fw = words(fragment);
    let best: [string, number] | undefined;
    for (const [key, text] of sentences) {
      const sw = new Set(words(text));
      const share = fw.filter((w) => sw.has(w)).length / fw.length;
      if (!best || share > best[1]) best = [key, share];
    }
    if (!best || best[1] < 0.8) throw inputError(`${where}: aspect sentence ${JSON.stringify(fragment)} is not one of the review's sentences`);
    keys.add(best[0]);
  }
  return [...keys];
}

/** The Amazon reviews with hand-assigned aspect names: one JSON array of reviews, each with `reviewTextJson`
 *  (sentence index → sentence) and `aspects` (name → sentence indices). By sentence (default): id
 *  `asin/reviewerID:index`, the aspects whose lists name the sentence. By review: id `asin/reviewerID`, text
 *  `reviewText`, each aspect once. Aspect names as given; polarity undefined (the data has none). A few lists in
 *  kindle100.json hold the text of the sentence(s) instead of a list of indices (an annotation-tool slip): the text
 *  is matched to the review's sentences. English. */
export function readAmazonAspectsJson(file: string, options: { level?: 'sentence' | 'review' } = {}): AspectSentence[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw inputError(`${file}: expected a JSON array of reviews`);
  const out: AspectSentence[] = [];
  (data as AmazonReview[]).forEach((r, n) => {
    const where = `${file}: review ${n + 1}`;
    if (typeof r?.reviewerID !== 'string' || typeof r.asin !== 'string' || typeof r.reviewTextJson !== 'object' || r.reviewTextJson === null)
      throw inputError(`${where}: needs reviewerID, asin and reviewTextJson`);
    const review = `${r.asin}/${r.reviewerID}`;
    const sentences = Object.entries(r.reviewTextJson).sort(([a], [b]) => Number(a) - Number(b));
    const byName = Object.entries(r.aspects ?? {}).map(([name, list]): [string, Set<string>] => {
      const at = `${where}, aspect ${JSON.stringify(name)}`;
      let keys: string[];
      if (typeof list === 'string') keys = quotedSentences(list, sentences, at);
      else if (Array.isArray(list) && list.every((x) => Number.isInteger(x) || (typeof x === 'string' && /^\d+$/.test(x)))) keys = list.map(String);
      else throw inputError(`${at}: expected a list of sentence indices`);
      for (const key of keys)
        if (!Object.hasOwn(r.reviewTextJson, key)) throw inputError(`${at} names sentence ${key}, which the review does not have`);
      return [name, new Set(keys)];
    });
    if (options.level === 'review') {
      out.push({ id: review, text: r.reviewText, language: 'en', aspects: byName.map(([category]) => ({ category, polarity: undefined })) });
      return;
    }
    for (const [key, text] of sentences)
      out.push({
        id: `${review}:${key}`,
        text,
        language: 'en',
        aspects: byName.filter(([, keys]) => keys.has(key)).map(([category]) => ({ category, polarity: undefined })),
      });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Category maps

/** Polarities of labels that are merged into one: positive and negative (or conflict) together make `conflict`
 *  (SemEval-2014's meaning of it); otherwise the one non-neutral polarity; neutral if there is only neutral;
 *  undefined if none has a polarity. */
export function mergePolarity(polarities: readonly (AspectPolarity | undefined)[]): AspectPolarity | undefined {
  const pos = polarities.some((p) => p === 'positive' || p === 'conflict');
  const neg = polarities.some((p) => p === 'negative' || p === 'conflict');
  if (pos && neg) return 'conflict';
  if (pos) return 'positive';
  if (neg) return 'negative';
  return polarities.includes('neutral') ? 'neutral' : undefined;
}

/** One aspect per category, in order of first occurrence, polarities merged by `mergePolarity`; the target is
 *  kept only when every merged label has the same one. */
export function mergeAspects(aspects: readonly Aspect[]): Aspect[] {
  const groups = new Map<string, Aspect[]>();
  for (const a of aspects) groups.set(a.category, [...(groups.get(a.category) ?? []), a]);
  return [...groups].map(([category, group]) => {
    const merged: Aspect = { category, polarity: mergePolarity(group.map((a) => a.polarity)) };
    const target = group[0]!.target;
    if (target !== undefined && group.every((a) => a.target === target)) merged.target = target;
    return merged;
  });
}

/** The sentences with every category put through `map` (null or undefined: the label is dropped) and the result
 *  merged per sentence (`mergeAspects`). Sentences whose labels all drop stay, with no aspects. */
export const mapCategories = (sentences: readonly AspectSentence[], map: (category: string) => string | null | undefined): AspectSentence[] =>
  sentences.map((s) => ({
    ...s,
    aspects: mergeAspects(s.aspects.flatMap((a) => {
      const category = map(a.category);
      return category == null ? [] : [{ ...a, category }];
    })),
  }));

/** The entity of a SemEval-2015/16 `ENTITY#ATTRIBUTE` category (`FOOD#PRICES` → `FOOD`); a category without `#`
 *  (SemEval-2014, MAMS) is its own entity. With `mapCategories`, this gives the entity-level scoring. */
export const semEvalEntity = (category: string): string => category.split('#', 1)[0]!;

/** The attribute of an `ENTITY#ATTRIBUTE` category, undefined for one without `#`. */
export const semEvalAttribute = (category: string): string | undefined => {
  const k = category.indexOf('#');
  return k < 0 ? undefined : category.slice(k + 1);
};

/** The topic ids of lexicons/topics/restaurants.json. */
export const RESTAURANT_TOPICS = ['food', 'service', 'price', 'ambience', 'location', 'drinks'] as const;
export type RestaurantTopic = (typeof RESTAURANT_TOPICS)[number];

/** SemEval-2015/16 restaurant `ENTITY#ATTRIBUTE` → restaurant topic; null: no topic (the label is not scored).
 *  - FOOD#QUALITY, FOOD#STYLE_OPTIONS → food: taste and cooking; menu, choice and portions (restaurants.tsv food).
 *  - DRINKS#QUALITY, DRINKS#STYLE_OPTIONS → drinks.
 *  - FOOD#PRICES, DRINKS#PRICES, RESTAURANT#PRICES → price: the taxonomy has price as a topic of its own, so the
 *    attribute decides, not the entity (SemEval-2014 too had one `price` category for all prices).
 *  - SERVICE#GENERAL → service; AMBIENCE#GENERAL → ambience; LOCATION#GENERAL → location.
 *  - RESTAURANT#GENERAL → none: the verdict on the place as a whole ("Love Al Di La", "Can't wait to go back";
 *    about half have no target at all). It is not ambience — the ambience terms (decor, music, lighting, seating)
 *    are not about it, restaurants.tsv leaves `place`/`spot` out on purpose, and counting these 422 labels as
 *    ambience would swamp the 255 real ones. It is SemEval-2014's anecdotes/miscellaneous.
 *  - RESTAURANT#MISCELLANEOUS → none: anything else about the restaurant (reputation, how busy, good for groups,
 *    hard to find): no one topic. */
export const SEMEVAL2016_RESTAURANT_TOPICS: Readonly<Record<string, RestaurantTopic | null>> = {
  'FOOD#QUALITY': 'food',
  'FOOD#STYLE_OPTIONS': 'food',
  'FOOD#PRICES': 'price',
  'DRINKS#QUALITY': 'drinks',
  'DRINKS#STYLE_OPTIONS': 'drinks',
  'DRINKS#PRICES': 'price',
  'SERVICE#GENERAL': 'service',
  'AMBIENCE#GENERAL': 'ambience',
  'LOCATION#GENERAL': 'location',
  'RESTAURANT#PRICES': 'price',
  'RESTAURANT#GENERAL': null,
  'RESTAURANT#MISCELLANEOUS': null,
};

/** SemEval-2014 restaurant categories → restaurant topic. The four named ones are the topics of the same name
 *  (`food` there includes drinks: wine lists and cocktails are labelled food); anecdotes/miscellaneous is the
 *  catch-all every sentence without another category gets (visits, the place in general, where it is): no topic.
 *  2014 has no drinks or location category: see `comparableTopic`. */
export const SEMEVAL2014_RESTAURANT_TOPICS: Readonly<Record<string, RestaurantTopic | null>> = {
  food: 'food',
  service: 'service',
  price: 'price',
  ambience: 'ambience',
  'anecdotes/miscellaneous': null,
};

/** MAMS-ACSA categories → restaurant topic.
 *  - food, menu → food: restaurants.tsv's food covers the menu (mostly neutral mentions in MAMS).
 *  - staff, service → service: MAMS splits the people (waiters, hostess, manager) from the process (speed,
 *    waiting); restaurants.tsv's service covers both.
 *  - price → price; ambience → ambience.
 *  - place → ambience: in MAMS `place` is the premises (the bar, tables and seats, the room, the garden, how full
 *    it is), which restaurants.tsv puts under ambience (seating areas, crowd); it is rarely where the restaurant is.
 *    Two thirds of the place labels are neutral.
 *  - miscellaneous → none (the catch-all, as in SemEval-2014).
 *  MAMS has no drinks or location category: see `comparableTopic`. */
export const MAMS_RESTAURANT_TOPICS: Readonly<Record<string, RestaurantTopic | null>> = {
  food: 'food',
  menu: 'food',
  staff: 'service',
  service: 'service',
  price: 'price',
  ambience: 'ambience',
  place: 'ambience',
  miscellaneous: null,
};

export type RestaurantScheme = 'semeval2014' | 'semeval2016' | 'mams';

export const RESTAURANT_SCHEMES: Readonly<Record<RestaurantScheme, Readonly<Record<string, RestaurantTopic | null>>>> = {
  semeval2014: SEMEVAL2014_RESTAURANT_TOPICS,
  semeval2016: SEMEVAL2016_RESTAURANT_TOPICS,
  mams: MAMS_RESTAURANT_TOPICS,
};

/** The restaurant topic of a SemEval-2014, SemEval-2015/16 or MAMS restaurant category (the names do not clash:
 *  the 2015/16 ones are upper case with `#`, and the lower-case ones 2014 and MAMS share map alike); undefined for
 *  a category that has no topic. Throws for a category none of them has (a laptop category, a typo), so that a
 *  wrong file is not scored as if it had no topics. */
export function restaurantTopicOf(category: string): RestaurantTopic | undefined {
  for (const map of Object.values(RESTAURANT_SCHEMES)) if (Object.hasOwn(map, category)) return map[category] ?? undefined;
  throw inputError(`${JSON.stringify(category)} is not a SemEval or MAMS restaurant category`);
}

/** What a topic tilfreds finds counts as against a scheme's gold labels. SemEval-2014 and MAMS have no drinks
 *  category (drinks are labelled food) and no location one (where the place is goes to the catch-all): there drinks
 *  counts as food and location is not scored (undefined). SemEval-2015/16 has all six topics. */
export function comparableTopic(scheme: RestaurantScheme, topic: RestaurantTopic): RestaurantTopic | undefined {
  if (scheme === 'semeval2016') return topic;
  if (topic === 'drinks') return 'food';
  return topic === 'location' ? undefined : topic;
}
