// The Rejects sheet's "first few lines": read back from the assembled rejects.csv (rejects are few and already
// on disk; nothing is added to the per-record path), stopping once every input × reason has its sample.
import { createReadStream } from 'node:fs';
import { parse } from '@fast-csv/parse';
import type { InputCounts } from '../pipeline/run.js';
import type { SheetDialect } from './locale.js';
import type { RejectGroup } from './report-data.js';

export const REJECT_SAMPLES = 5;

type RejectCsvRow = { source: string; file: string; line: string; code: string; field: string; reason: string; raw_value: string };

export async function rejectGroups(rejectsCsv: string, inputs: readonly InputCounts[], dialect: SheetDialect, samples = REJECT_SAMPLES): Promise<RejectGroup[]> {
  const groups = new Map<string, RejectGroup>();
  let wanted = 0;
  for (const c of inputs) {
    for (const [code, count] of Object.entries(c.byReason).sort(([a], [b]) => (a < b ? -1 : 1))) {
      groups.set(`${c.input}\u0000${code}`, { input: c.input, code, count: count ?? 0, first: [] });
      wanted += Math.min(samples, count ?? 0);
    }
  }
  if (wanted === 0) return [...groups.values()];
  // start: 3 skips the byte-order mark every report starts with.
  const stream = createReadStream(rejectsCsv, { start: 3 });
  const rows = stream.pipe(parse<RejectCsvRow, RejectCsvRow>({ headers: true, delimiter: dialect.delimiter }));
  try {
    for await (const row of rows as AsyncIterable<RejectCsvRow>) {
      const g = groups.get(`${row.source}\u0000${row.code}`);
      if (g === undefined || g.first.length >= samples) continue;
      g.first.push({ file: row.file, line: Number(row.line), field: row.field, reason: row.reason, raw: row.raw_value });
      if (--wanted === 0) break;
    }
  } finally {
    stream.destroy();
  }
  return [...groups.values()];
}
