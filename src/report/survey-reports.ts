// survey_questions.csv and drivers.csv from the merged sums, and the disagreement alerts alerts.csv lists after
// the emerging pain points.
import type { Config } from '../config/schema.js';
import type { Accumulator } from '../aggregate/accumulator.js';
import { driverRows } from '../aggregate/drivers.js';
import { questionRows } from '../aggregate/questions.js';
import { CsvTableWriter, type TableOptions } from './csv-writer.js';
import { DRIVER_COLUMNS, questionColumns } from './survey-tables.js';
import type { DisagreementAlertRow } from './tables.js';

export const SURVEY_FILES = { questions: 'survey_questions.csv', drivers: 'drivers.csv' } as const;

export async function writeSurveyReports(
  config: Config,
  total: Accumulator,
  staged: (name: string) => string,
  table: TableOptions,
  topicName: (topic: string) => string,
): Promise<void> {
  const minN = config.output.minN;
  const questionsOut = new CsvTableWriter(staged(SURVEY_FILES.questions), questionColumns(config), table);
  for (const row of questionRows(total.questionEntries(), minN)) await questionsOut.write(row);
  await questionsOut.close();
  const driversOut = new CsvTableWriter(staged(SURVEY_FILES.drivers), DRIVER_COLUMNS, table);
  for (const row of driverRows(total.topicEntries(), total.questionEntries(), topicName, minN)) await driversOut.write(row);
  await driversOut.close();
}

/** The records whose text and score disagree, strongest first per product and flag (capped: survey-accumulator.ts). */
export function disagreementAlerts(total: Accumulator, topicName: (topic: string) => string): DisagreementAlertRow[] {
  return total.flaggedRecords().map(({ record: f, of }) => ({
    kind: f.flag,
    product: f.product,
    period: f.period,
    topic: f.topic,
    topicName: f.topic === undefined ? undefined : topicName(f.topic),
    exampleId: f.id,
    score: f.flag === 'promoter_complaint' || f.flag === 'detractor_praise' ? `nps ${f.nps}` : `csat ${f.csat}`,
    sentiment: f.sentiment / 1e6,
    flaggedInProduct: of,
  }));
}
