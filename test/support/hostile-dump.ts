// A dump full of hostile text, written by the tests: formula starts, HTML and script, a javascript: link,
// right-to-left overrides, control characters and a 100 KB review, in product names and review texts. Seven
// months of one product's calm reviews, then a month of delivery complaints carrying the hostile text, so that
// an emerging pain point (with a hostile example quote) is found.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every text the report must show literally (product names here; quotes carry the review texts). */
export const HOSTILE_PRODUCTS = [
  '=HYPERLINK("http://evil.example/x","click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)',
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=1</script>',
  '<a href="javascript:window.__pwned=1">link</a>',
  'Normal \u202Eesrever\u202C name',
] as const;

export const HOSTILE_TEXTS = [
  'Terrible delivery, the parcel was late <script>window.__pwned=1</script>',
  'Awful delivery, never arrived <img src=x onerror="window.__pwned=1">',
  '=HYPERLINK("http://evil.example","terrible delivery, late again")',
  'Horrible delivery \u202Eetal yrev\u202C, arrived broken <a href="javascript:window.__pwned=1">x</a>',
  '@cmd terrible delivery, late and damaged',
] as const;

/** The 100 KB review: negative about delivery, then script and filler with no spaces. */
export const HUGE_TEXT = 'Terrible delivery, awful and late! <script>window.__pwned=1</script>' + 'x'.repeat(100_000);

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Writes hostile.csv and hostile.config.json into `dir` (output to `out`); returns the config's path. */
export function writeHostileDump(dir: string, out: string): string {
  const rows = ['id,product,date,rating,text'];
  let n = 0;
  const add = (product: string, date: string, rating: number, text: string) => rows.push([`r${String(++n).padStart(5, '0')}`, csvField(product), date, String(rating), csvField(text)].join(','));
  HOSTILE_PRODUCTS.forEach((product, p) => {
    for (let month = 1; month <= 7; month++) {
      const date = `2025-${String(month).padStart(2, '0')}-1${p % 10}`;
      for (let k = 0; k < 20; k++) add(product, date, 5, k % 2 ? 'Great product, fast delivery and nice packaging' : 'Lovely quality, works well');
    }
    // The eighth month: complaints about delivery, with the hostile texts.
    for (let k = 0; k < 30; k++) add(product, `2025-08-1${p % 10}`, 1, HOSTILE_TEXTS[k % HOSTILE_TEXTS.length]!);
    add(product, '2025-08-20', 1, p === 0 ? HUGE_TEXT : HOSTILE_TEXTS[0]);
  });
  writeFileSync(join(dir, 'hostile.csv'), rows.join('\n') + '\n');
  const config = {
    output: { dir: out, period: 'month', locale: 'en' },
    inputs: [{
      name: '<b>hostile</b>', path: 'hostile.csv', id: { column: 'id' }, product: { column: 'product' }, date: { column: 'date', format: 'iso' },
      rating: { column: 'rating', scale: [1, 5] }, text: [{ column: 'text', role: 'review' }], language: 'en', maxTextLength: 200_000,
    }],
  };
  const file = join(dir, 'hostile.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
