import { it } from 'vitest';
import { CsvCutter, type CutItem } from '../../src/ingest/csv-cutter.js';
const all = (t: string, o = {}) => { const c = new CsvCutter({ delimiter: ',', quote: '"', ...o }); return [...c.push(t), ...c.end()]; };
const chars = (t: string, o = {}) => { const c = new CsvCutter({ delimiter: ',', quote: '"', ...o }); const out: CutItem[] = []; for (const ch of t) out.push(...c.push(ch)); return [...out, ...c.end()]; };
it('explore', () => {
  const s1 = 'id,rating,review\n7781,4,"Took a while to get used to.\nHonestly, after a week, I can\'t go back.\nFive stars if they add dark mode."\n7782,1,Crashes\n';
  console.log(JSON.stringify(all(s1), null, 1));
  const s2 = 'a,b\n1,x"y,z\n2,ok\n';
  console.log(JSON.stringify(all(s2)), '\n', JSON.stringify(chars(s2)));
  const s3 = 'a,b\n1,"x"y,z\n2,ok\n';
  console.log(JSON.stringify(all(s3)), '\n', JSON.stringify(chars(s3)));
  const s4 = 'id,date,text\nR1,2024-01-02,Fine\nR2,2024-01-03,"Broken zipper\nR3,2024-01-04,Okay\nR4,2024-01-05,Great\nR5,2024-01-06,Bought the 15"\nR6,2024-01-07,Nice\n';
  console.log(JSON.stringify(all(s4), null, 1));
  console.log(JSON.stringify(chars(s4), null, 1));
});
