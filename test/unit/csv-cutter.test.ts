import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CsvCutter } from '../../src/ingest/csv-cutter.js';
it('explore', () => {
  const text = readFileSync('/work/shared/data/dumps/chatgpt-ios-app-reviews/chatgpt_reviews.csv', 'utf8');
  const c = new CsvCutter({ delimiter: ',', quote: '"' });
  const items = [...c.push(text), ...c.end()];
  const bad = items.filter((i) => i.kind !== 'record');
  console.log(items.length, bad.length, JSON.stringify(bad.slice(0, 5)).slice(0, 2000));
});
