// The column order of the survey reports, survey_questions.csv and drivers.csv: fixed, like every report's.
import type { ColumnRef, Config } from '../config/schema.js';
import type { DriverRow } from '../aggregate/drivers.js';
import type { QuestionRow } from '../aggregate/questions.js';
import type { Column } from './csv-writer.js';

/** The column a question's score comes from, as the config names it (a header or a 0-based number). */
function scoreColumn(config: Pick<Config, 'inputs'>): (r: QuestionRow) => string | undefined {
  const known = new Map<string, ColumnRef | undefined>();
  return (r) => {
    const k = `${r.input}\u0000${r.question}\u0000${r.measure}`;
    if (!known.has(k)) {
      const input = config.inputs.find((i) => i.name === r.input);
      const fields = r.question === '' ? input : input?.records?.find((g) => g.key === r.question);
      known.set(k, fields?.[r.measure]?.column);
    }
    const c = known.get(k);
    return c === undefined ? undefined : String(c);
  };
}

export const questionColumns = (config: Pick<Config, 'inputs'>, column = scoreColumn(config)): readonly Column<QuestionRow>[] => [
  { name: 'source', kind: 'text', get: (r) => r.input, repeats: true },
  { name: 'question', kind: 'text', get: (r) => r.question || undefined, repeats: true },
  { name: 'product', kind: 'text', get: (r) => r.product, repeats: true },
  { name: 'period', kind: 'text', get: (r) => r.period, repeats: true },
  { name: 'measure', kind: 'text', get: (r) => r.measure, repeats: true },
  { name: 'column', kind: 'text', get: column, repeats: true },
  { name: 'n', kind: 'int', get: (r) => r.n },
  { name: 'promoters', kind: 'int', get: (r) => r.promoters },
  { name: 'passives', kind: 'int', get: (r) => r.passives },
  { name: 'detractors', kind: 'int', get: (r) => r.detractors },
  { name: 'nps', kind: 'num', decimals: 1, get: (r) => r.nps?.nps },
  { name: 'nps_margin_95', kind: 'num', decimals: 1, get: (r) => r.nps?.margin },
  { name: 'top2', kind: 'int', get: (r) => r.top2 },
  { name: 'csat_pct', kind: 'num', decimals: 1, get: (r) => r.csat?.pct },
  { name: 'csat_low_95', kind: 'num', decimals: 1, get: (r) => r.csat?.low },
  { name: 'csat_high_95', kind: 'num', decimals: 1, get: (r) => r.csat?.high },
  { name: 'note', kind: 'text', get: (r) => r.nps?.note ?? r.csat?.note, repeats: true },
];

export const DRIVER_COLUMNS: readonly Column<DriverRow>[] = [
  { name: 'product', kind: 'text', get: (r) => r.product, repeats: true },
  { name: 'rank', kind: 'int', get: (r) => r.rank },
  { name: 'topic', kind: 'text', get: (r) => r.topic, repeats: true },
  { name: 'topic_name', kind: 'text', get: (r) => r.topicName, repeats: true },
  { name: 'respondents', kind: 'int', get: (r) => r.respondents },
  { name: 'mentioned_negatively', kind: 'int', get: (r) => r.mentionedNegatively },
  { name: 'nps_mentioned_negatively', kind: 'num', decimals: 1, get: (r) => r.npsMentioned },
  { name: 'nps_others', kind: 'num', decimals: 1, get: (r) => r.npsOthers },
  { name: 'nps_difference', kind: 'num', decimals: 1, get: (r) => r.difference },
  { name: 'margin_95', kind: 'num', decimals: 1, get: (r) => r.margin },
  { name: 'difference_low_95', kind: 'num', decimals: 1, get: (r) => (r.difference === undefined ? undefined : r.difference - r.margin!) },
  { name: 'difference_high_95', kind: 'num', decimals: 1, get: (r) => (r.difference === undefined ? undefined : r.difference + r.margin!) },
  { name: 'note', kind: 'text', get: (r) => r.note, repeats: true },
];
