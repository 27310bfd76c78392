// report.html: one self-contained page (no CDN, no request of any kind) that a CX lead can forward as a mail
// attachment. The aggregates go in as one JSON block (column arrays per product: 300 products × 24 months is a
// few hundred KB) and the page draws the chosen product's charts with uPlot (≈50 KB, inlined) in the browser,
// so per-product charts do not multiply the file size. Untrusted text (product names, quotes, file names) only
// ever reaches the page as escaped JSON or escaped HTML text and is put into the DOM with textContent; a strict
// Content-Security-Policy allows exactly the two inlined scripts (by hash), inline styles and nothing else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ALL_PERIODS } from '../aggregate/pain-points.js';
import { UNDATED } from '../aggregate/period.js';
import { PACKAGE_ROOT } from '../paths.js';
import { intlLocale, LABELS } from './html-labels.js';
import { languageOf } from './locale.js';
import type { ReportData } from './report-data.js';

const TEMPLATE_DIR = join(PACKAGE_ROOT, 'src/report/html-template');
const require = createRequire(import.meta.url);

/** Product names longer than this are cut in the page (the workbook and CSV keep them whole). */
export const MAX_NAME_CHARS = 200;

type Assets = { uplotJs: string; uplotCss: string; appJs: string; appCss: string };
let assets: Assets | undefined;
function loadAssets(): Assets {
  assets ??= {
    uplotJs: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    uplotCss: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    appJs: readFileSync(join(TEMPLATE_DIR, 'report.js'), 'utf8'),
    appCss: readFileSync(join(TEMPLATE_DIR, 'report.css'), 'utf8'),
  };
  return assets;
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that can sit inside a <script> element: no `</script>`, no `<!--`, no character that ends a line in
 *  older JavaScript parsers; JSON.parse reads the escapes back as the same characters. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
const round = (x: number | undefined, decimals: number): number | null => (x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(decimals)));

/** The page's data: indexes into shared period and product lists, numbers rounded to what is shown. */
export function reportPayload(data: ReportData) {
  const { trends, painPoints, alerts } = data.tables;
  const lang = languageOf(data.run.locale);
  const periods = [...new Set(trends.map((r) => r.period))].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const productIndex = new Map<string, number>();
  const series: {
    p: number[]; n: number[]; r: (number | null)[]; s: (number | null)[]; nps: (number | null)[]; m: (number | null)[]; c: (number | null)[];
    cl: (number | null)[]; ch95: (number | null)[]; cr: (number | null)[]; cs: (number | null)[]; latest: number; prev: number | null; ch: (number | null)[]; top: string | null;
  }[] = [];
  for (const r of trends) {
    let i = productIndex.get(r.product);
    if (i === undefined) {
      productIndex.set(r.product, (i = series.length));
      series.push({ p: [], n: [], r: [], s: [], nps: [], m: [], c: [], cl: [], ch95: [], cr: [], cs: [], latest: 0, prev: null, ch: [], top: null });
    }
    const s = series[i]!;
    s.p.push(periodIndex.get(r.period)!);
    s.n.push(r.reviews);
    s.r.push(round(r.meanRating, 2));
    s.s.push(round(r.meanSentiment, 3));
    s.nps.push(round(r.nps, 1));
    s.m.push(round(r.npsMargin, 1));
    s.c.push(round(r.csatPct, 1));
    s.cl.push(round(r.csatLow, 1));
    s.ch95.push(round(r.csatHigh, 1));
    s.cr.push(round(r.changeRating, 2));
    s.cs.push(round(r.changeSentiment, 3));
    // Rows come in period order with `undated` last: the latest dated row wins, else the undated one.
    if (r.period !== UNDATED || s.p.length === 1) {
      s.latest = s.p.length - 1;
      s.prev = r.prevPeriod === undefined ? null : periodIndex.get(r.prevPeriod) ?? null;
      s.ch = [round(r.changeRating, 2), round(r.changeSentiment, 3), round(r.changeNps, 1), round(r.changeCsat, 1)];
      s.top = r.topPainPoints ?? null;
    }
  }
  const topicIds: string[] = [];
  const topicNames = new Map<string, string>();
  for (const r of painPoints) {
    if (r.period !== ALL_PERIODS || topicNames.has(r.topic)) continue;
    topicNames.set(r.topic, r.topicName);
    topicIds.push(r.topic);
  }
  topicIds.sort();
  const topicIndex = new Map(topicIds.map((t, i) => [t, i]));
  const heat: ([number, number] | null)[][] = series.map(() => topicIds.map(() => null));
  for (const r of painPoints) {
    const i = productIndex.get(r.product);
    if (r.period !== ALL_PERIODS || i === undefined) continue;
    heat[i]![topicIndex.get(r.topic)!] = [round(r.negativeSharePct, 1)!, r.mentions];
  }
  return {
    lang,
    locale: intlLocale(data.run.locale),
    labels: LABELS[lang],
    startedAt: data.run.startedAt,
    totals: data.run.totals,
    periods,
    products: [...productIndex.keys()].map((p) => cut(p, MAX_NAME_CHARS)),
    series,
    topics: topicIds.map((t) => topicNames.get(t)!),
    heat,
    alerts: alerts.flatMap((a) => {
      const pr = productIndex.get(a.product);
      const p = periodIndex.get(a.period);
      if (pr === undefined || p === undefined) return [];
      const quote = a.exampleId === undefined ? undefined : data.quotes.get(a.exampleId);
      return [{
        pr, p, topic: a.topicName, neg: a.negative, rev: a.reviews, rate: round(100 * a.rate, 2), base: round(100 * a.baselineRate, 2),
        ratio: round(a.ratio, 2), quote: quote?.text ?? null,
      }];
    }),
  };
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

function aboutList(data: ReportData): string {
  const run = data.run;
  const items: [string, string][] = [
    ['tilfreds', run.version],
    ['config', `${run.configFile} (sha256 ${run.configHash})`],
    ['period', run.period],
    ['locale', run.locale],
    ['topics', run.topics],
    ...run.lexicons.map((l): [string, string] => [`lexicon ${l.lang}`, `${l.name}@${l.version}`]),
    ...run.inputs.flatMap((c) => [
      [`input ${c.input}`, `read ${c.read}, scored ${c.scored}, rejected ${c.rejected}`] as [string, string],
      ...c.files.map((f): [string, string] => [`file ${f.file}`, `${f.bytes} bytes, sha256 ${f.sha256}`]),
    ]),
  ];
  return items.map(([k, v]) => `<dt class="t">${escapeHtml(k)}</dt><dd class="t">${escapeHtml(v)}</dd>`).join('\n');
}

function chartFigure(id: string, title: string, note: string, tableLabel: string, extra = ''): string {
  return `<figure>
<figcaption>${escapeHtml(title)}: <span class="product-name t"></span></figcaption>
<p class="note">${escapeHtml(note)}</p>${extra}
<div class="chart" id="chart-${id}"></div>
<details><summary>${escapeHtml(tableLabel)}</summary><div class="scroll" id="table-${id}"></div></details>
</figure>`;
}

export function renderHtmlReport(data: ReportData): string {
  const a = loadAssets();
  const payload = reportPayload(data);
  const L = payload.labels;
  const csp = `default-src 'none'; script-src ${sha256(a.uplotJs)} ${sha256(a.appJs)}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(payload.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(L.title)}</title>
<style>${a.uplotCss}</style>
<style>${a.appCss}</style>
</head>
<body>
<header>
<h1>${escapeHtml(L.title)}</h1>
<p class="sub">${escapeHtml(L.subtitle)}</p>
<p id="generated"></p>
</header>
<div class="controls">
<label>${escapeHtml(L.chooseProduct)} <select id="product"></select></label>
<label><input type="checkbox" id="only-product"> ${escapeHtml(L.onlyThisProduct)}</label>
</div>
<main>
<section><h2>${escapeHtml(L.overview)}</h2><div class="scroll" id="overview"></div></section>
<section><h2>${escapeHtml(L.satisfactionTitle)}</h2>
${chartFigure('satisfaction', L.satisfactionTitle, L.satisfactionNote, L.dataTable, '\n<p class="note" id="change-note"></p>')}
${chartFigure('nps', L.npsTitle, L.npsNote, L.dataTable)}
${chartFigure('volume', L.volumeTitle, '', L.dataTable)}
</section>
<section><h2>${escapeHtml(L.heatTitle)}</h2><p class="note">${escapeHtml(L.heatNote)}</p><div class="scroll" id="heat"></div></section>
<section><h2>${escapeHtml(L.emergingTitle)}</h2><p class="note">${escapeHtml(L.emergingNote)}</p><div id="emerging"></div></section>
<section><h2>${escapeHtml(L.about)}</h2><p class="note">${escapeHtml(L.aboutNote)}</p><dl class="about">
${aboutList(data)}
</dl></section>
</main>
<script type="application/json" id="report-data">${scriptSafeJson(payload)}</script>
<script>${a.uplotJs}</script>
<script>${a.appJs}</script>
</body>
</html>
`;
}

export async function writeHtmlReport(path: string, data: ReportData): Promise<void> {
  await writeFile(path, renderHtmlReport(data));
}
