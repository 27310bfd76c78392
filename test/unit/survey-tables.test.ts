// The survey reports' text cells go through the same formula neutralising as every report (OWASP CSV injection):
// product names, question keys and config column names come from users and data.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriverRow } from '../../src/aggregate/drivers.js';
import type { QuestionRow } from '../../src/aggregate/questions.js';
import { CsvTableWriter } from '../../src/report/csv-writer.js';
import { DRIVER_COLUMNS, questionColumns } from '../../src/report/survey-tables.js';
import { ALERT_COLUMNS, type AlertRow } from '../../src/report/tables.js';

const dialect = { delimiter: ',', decimalComma: false };

async function written<T>(columns: ConstructorParameters<typeof CsvTableWriter<T>>[1], row: T): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'tilfreds-st-')), 't.csv');
  const w = new CsvTableWriter<T>(file, columns, { dialect, header: false, bom: false });
  await w.write(row);
  await w.close();
  return readFileSync(file, 'utf8');
}

describe('survey report cells', () => {
  it('neutralise formulas in survey_questions.csv, drivers.csv and the disagreement alerts', async () => {
    const inputs = [{ name: '=in', records: [{ key: '@q', nps: { column: '-col' } }] }] as never;
    const q: QuestionRow = { input: '=in', question: '@q', product: '+p', period: 'all', measure: 'nps', n: 40, promoters: 20, passives: 10, detractors: 10, nps: { nps: 25, margin: 20.1, note: undefined }, top2: undefined, csat: undefined };
    expect(await written(questionColumns({ inputs }), q)).toBe("'=in,'@q,'+p,all,nps,'-col,40,20,10,10,25.0,20.1,,,,,\r\n");
    const d: DriverRow = { product: '=p', topic: 't', topicName: '-T', rank: undefined, respondents: 5, mentionedNegatively: 1, npsMentioned: undefined, npsOthers: undefined, difference: undefined, margin: undefined, note: 'n<30' };
    expect(await written(DRIVER_COLUMNS, d)).toBe("'=p,,t,'-T,5,1,,,,,,,n<30\r\n");
    const a: AlertRow = { kind: 'promoter_complaint', product: '=p', period: '2025-01', topic: undefined, topicName: undefined, exampleId: '+id', score: 'nps 10', sentiment: -0.5, flaggedInProduct: 3 };
    expect(await written(ALERT_COLUMNS, a)).toBe("promoter_complaint,'=p,2025-01,,,,,,,,,,,,,'+id,nps 10,-0.500,3\r\n");
  });
});
