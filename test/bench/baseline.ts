// The "obvious" pipeline of issue 9 (DESIGN.md section 6, "What was measured"): the yardstick `npm run bench`
// measures `tilfreds run` against. fast-csv rows → `new Sentiment().analyze(title + ' ' + text)` → a `Map` per
// product and month → fast-csv out. Deliberately plain, one thread, no tuning (English AFINN only: the language
// column is ignored), with the fast-csv and sentiment versions the project depends on. Keep it that way: it is
// the figure the speed-up is quoted against, not something to optimise.
//
// node dist/test/bench/baseline.js DUMP.csv OUT_DIR  → writes OUT_DIR/trends.csv, prints one JSON line on stdout:
// { records, seconds (since process start), peakRssMB (process.resourceUsage().maxRSS) }
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format, parseFile } from 'fast-csv';

// sentiment ships no type declarations.
const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(text: string): { score: number } };
type Row = Record<string, string>;
type Group = { product: string; month: string; n: number; ratingSum: number; sentimentSum: number };

const [dump, outDir] = process.argv.slice(2);
if (!dump || !outDir) throw new Error('usage: baseline.js DUMP.csv OUT_DIR');
const sentiment = new Sentiment();
const groups = new Map<string, Group>();
let records = 0;

parseFile<Row, Row>(dump, { headers: true })
  .on('data', (row: Row) => {
    records++;
    const product = row.product_name ?? '';
    const month = (row.created_at ?? '').slice(0, 7);
    const key = `${product}\u0000${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { product, month, n: 0, ratingSum: 0, sentimentSum: 0 }));
    g.n++;
    g.ratingSum += Number(row.rating);
    g.sentimentSum += sentiment.analyze(`${row.title ?? ''} ${row.text ?? ''}`).score;
  })
  .on('error', (e: Error) => { throw e; })
  .on('end', () => {
    mkdirSync(outDir, { recursive: true });
    const out = format({ headers: ['product', 'month', 'n', 'mean_rating', 'mean_sentiment'] });
    out.pipe(createWriteStream(join(outDir, 'trends.csv'))).on('finish', () => {
      const seconds = performance.now() / 1000;
      console.log(JSON.stringify({ records, seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
    });
    for (const g of groups.values()) out.write([g.product, g.month, g.n, g.ratingSum / g.n, g.sentimentSum / g.n]);
    out.end();
  });
