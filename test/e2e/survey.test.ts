// End to end on survey exports: the shared R community survey (two products per row, US dates, headers that are
// whole questions) checked against an independent count of the same file, and a Norwegian export shaped
// differently (test/data/nb-survey.csv: shared NPS, inverted 1–5 scales with a "don't know" code and answers
// outside the scale, day-first dates, placeholders) against figures counted by hand from its rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, readCsv, readTable, ROOT, runCli, SHARED, tempDir } from '../support/cli.js';

const CONFIGS = join(ROOT, 'test/e2e/configs');

function run(config: string, extra: string[] = []) {
  const out = tempDir('e2e-survey');
  const result = runCli(['run', '--config', join(CONFIGS, config), '--out', out, ...extra]);
  const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { totals: { read: number; scored: number; rejected: number }; timings: { ranges: number; workers: number } };
  const header = readFileSync(join(out, 'product_trends.csv'), 'utf8').split('\n', 1)[0]!;
  const delimiter = header.includes(';') ? ';' : ',';
  const table = (file: string) => readTable(readFileSync(join(out, file), 'utf8'), delimiter);
  const bytes = (file: string) => readFileSync(join(out, file));
  return { out, result, manifest, table, bytes };
}

/** The survey_questions.csv row of a question group and measure over all periods. */
const allPeriods = (rows: Record<string, string>[], question: string, measure: string) =>
  rows.find((r) => r.question === question && r.measure === measure && r.period === 'all')!;

describe.skipIf(!hasShared)('the R community survey 2019 (shared dump)', () => {
  const r = run('r-community-survey.config.json');

  it('runs, with read = scored + rejected counting records (up to two per row)', () => {
    expect(r.result.code, r.result.stderr).toBe(0);
    const { read, scored, rejected } = r.manifest.totals;
    expect(read).toBe(scored + rejected);
    expect(r.table('scored_reviews.csv')).toHaveLength(scored);
    expect(r.table('rejects.csv')).toHaveLength(rejected);
    // 36 rows answer nothing in either block: one reject each; the other rows give one record per answered block.
    const rejects = r.table('rejects.csv');
    expect(rejects.every((x) => x.code === 'nothing-to-score')).toBe(true);
    expect(rejected).toBe(36);
    const ids = r.table('scored_reviews.csv').map((x) => x.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.endsWith('#R')).length + ids.filter((id) => id.endsWith('#Python')).length).toBe(ids.length);
  });

  it('gives NPS and CSAT per product equal to an independent count of the file', () => {
    // Counted here with the test's own CSV reader, not the pipeline's.
    const file = join(SHARED, 'data/dumps/r-community-survey-2019/2019 English R Community Survey Responses.csv');
    const [, ...rows] = readCsv(readFileSync(file, 'utf8').replace(/(?<!\r)$/, '\r\n'));
    const answered = (col: number) => rows.map((row) => row[col]!.trim()).filter((v) => v !== '').map(Number);
    const questions = r.table('survey_questions.csv');
    for (const [product, npsCol, csatCol] of [['R', 18, 17], ['Python', 37, 36]] as const) {
      const nps = answered(npsCol);
      const promoters = nps.filter((x) => x >= 9).length;
      const detractors = nps.filter((x) => x <= 6).length;
      const row = allPeriods(questions, product, 'nps');
      expect(row).toMatchObject({ n: String(nps.length), promoters: String(promoters), detractors: String(detractors), column: String(npsCol) });
      expect(Number(row.nps)).toBeCloseTo((100 * (promoters - detractors)) / nps.length, 1);
      const csat = answered(csatCol);
      const c = allPeriods(questions, product, 'csat');
      expect(c).toMatchObject({ n: String(csat.length), top2: String(csat.filter((x) => x >= 4).length) });
    }
    // Pinned to the hand check (python csv module, textbook formulas): NPS ± margin, CSAT top-2 [Wilson 95 %].
    expect(allPeriods(questions, 'R', 'nps')).toMatchObject({ n: '1795', nps: '74.0', nps_margin_95: '2.3' });
    expect(allPeriods(questions, 'R', 'csat')).toMatchObject({ n: '1798', csat_pct: '95.3', csat_low_95: '94.2', csat_high_95: '96.2' });
    expect(allPeriods(questions, 'Python', 'nps')).toMatchObject({ n: '1015', nps: '2.7', nps_margin_95: '4.9' });
    expect(allPeriods(questions, 'Python', 'csat')).toMatchObject({ n: '1019', csat_pct: '40.5', csat_low_95: '37.6', csat_high_95: '43.6' });
  });

  it('blanks a week with fewer answers than minN, with a note, in the trends and per question', () => {
    const week2 = r.table('product_trends.csv').find((x) => x.product === 'R' && x.period === '2020-W02')!;
    expect(week2).toMatchObject({ nps_n: '24', nps: '', nps_margin_95: '', nps_note: 'n<30', csat_pct: '', csat_note: 'n<30' });
    const q = r.table('survey_questions.csv').find((x) => x.question === 'R' && x.period === '2020-W02' && x.measure === 'nps')!;
    expect(q).toMatchObject({ n: '24', nps: '', note: 'n<30' });
  });

  it('ranks drivers per product and overall; Python has no comment box, so no Python drivers', () => {
    const drivers = r.table('drivers.csv');
    expect(new Set(drivers.map((d) => d.product))).toEqual(new Set(['all', 'R']));
    const ranked = drivers.filter((d) => d.product === 'R' && d.rank !== '');
    expect(ranked.map((d) => Number(d.rank))).toEqual(ranked.map((_, i) => i + 1));
    for (const d of ranked) {
      expect(Number(d.mentioned_negatively)).toBeGreaterThanOrEqual(30);
      expect(Number(d.difference_high_95)).toBeCloseTo(Number(d.nps_difference) + Number(d.margin_95), 0);
    }
    // Ranked by the end of the interval nearest zero: what the complaint costs at least.
    const highs = ranked.map((d) => Number(d.difference_high_95));
    expect(highs).toEqual([...highs].sort((a, b) => a - b));
  });

  it('gives the same bytes with 1 and 3 workers and ranges of a few KB', () => {
    const one = run('r-community-survey.config.json', ['--workers', '1']);
    const env = process.env.TILFREDS_RANGE_BYTES;
    process.env.TILFREDS_RANGE_BYTES = '65536';
    try {
      const many = run('r-community-survey.config.json', ['--workers', '3']);
      expect(many.manifest.timings.ranges).toBeGreaterThan(10);
      expect(many.manifest.timings.workers).toBe(3);
      for (const file of ['scored_reviews.csv', 'product_trends.csv', 'survey_questions.csv', 'drivers.csv', 'alerts.csv', 'rejects.csv']) {
        expect(many.bytes(file).equals(one.bytes(file)), file).toBe(true);
      }
    } finally {
      if (env === undefined) delete process.env.TILFREDS_RANGE_BYTES;
      else process.env.TILFREDS_RANGE_BYTES = env;
    }
  });
});

describe('a Norwegian survey export shaped differently (test/data/nb-survey.csv), with only a config of its own', () => {
  const r = run('nb-survey.config.json');

  it('reads 28 rows as 36 records and 5 rejects: blank groups are no record, bad answers reject their group only', () => {
    expect(r.result.code, r.result.stderr).toBe(0);
    expect(r.manifest.totals).toEqual({ read: 41, scored: 36, unchanged: 0, rejected: 5 });
    const rejects = r.table('rejects.csv').map((x) => [x.line, x.code, x.field, x.raw_value]);
    expect(rejects).toEqual([
      ['9', 'nothing-to-score', '', ''], // a blank row
      ['14', 'bad-date', 'date', '31.02.2025 10:00'], // once for the row, not once per group
      ['15', 'bad-csat', 'nettbutikk.csat', '0'], // outside 1–5 and not a declared code
      ['22', 'nothing-to-score', '', ''], // only "don't know" (8) and the shared NPS: no group has an answer of its own
      ['26', 'bad-csat', 'kundeservice.csat', '6'],
    ]);
    const scored = r.table('scored_reviews.csv');
    // R-1007: customer service "8" (don't know) and no comment: only the web shop group is a record.
    expect(scored.filter((x) => x.id!.startsWith('R-1007')).map((x) => x.id)).toEqual(['R-1007#nettbutikk']);
    // Placeholders (Ingen kommentar, Nei, -, ingenting) are not scored as text.
    for (const id of ['R-1004#nettbutikk', 'R-1006#nettbutikk', 'R-1006#kundeservice', 'R-1017#nettbutikk']) {
      expect(scored.find((x) => x.id === id), id).toMatchObject({ sentiment: '', label: '' });
    }
    // Day-first dates, in months.
    expect(scored.find((x) => x.id === 'R-1016#nettbutikk')).toMatchObject({ date: '2025-02-03', period: '2025-02' });
  });

  it('gives NPS and CSAT (inverted scale: 1 and 2 are the top-2 box) as counted by hand', () => {
    const q = r.table('survey_questions.csv');
    // Web shop: NPS answers 22 (12 promoters, 3 passives, 7 detractors); CSAT answers 23, 13 of them 1 or 2.
    expect(allPeriods(q, 'nettbutikk', 'nps')).toMatchObject({ n: '22', promoters: '12', passives: '3', detractors: '7', nps: '22,7', nps_margin_95: '37,7' });
    expect(allPeriods(q, 'nettbutikk', 'csat')).toMatchObject({ n: '23', top2: '13', csat_pct: '56,5', csat_low_95: '36,8', csat_high_95: '74,4' });
    // Customer service: 13 records; 7 promoters, 6 detractors; 8 of 13 satisfied.
    expect(allPeriods(q, 'kundeservice', 'nps')).toMatchObject({ n: '13', promoters: '7', passives: '0', detractors: '6', nps: '7,7', nps_margin_95: '54,2' });
    expect(allPeriods(q, 'kundeservice', 'csat')).toMatchObject({ n: '13', top2: '8', csat_pct: '61,5', csat_low_95: '35,5', csat_high_95: '82,3' });
    const trends = r.table('product_trends.csv');
    expect(trends.find((x) => x.product === 'Kundeservice' && x.period === '2025-02')).toMatchObject({ nps_n: '5', nps: '20,0', csat_n: '5', csat_pct: '60,0' });
  });

  it('flags a promoter who complains and a detractor who praises, and lists them in alerts.csv', () => {
    const scored = r.table('scored_reviews.csv');
    expect(scored.find((x) => x.id === 'R-1009#nettbutikk')!.flags).toBe('promoter_complaint satisfied_complaint');
    expect(scored.find((x) => x.id === 'R-1010#kundeservice')!.flags).toBe('detractor_praise');
    expect(scored.filter((x) => x.flags !== '')).toHaveLength(2);
    const alerts = r.table('alerts.csv').map((a) => [a.alert, a.product, a.example_review_id, a.score, a.topic]);
    expect(alerts).toEqual([
      ['detractor_praise', 'Kundeservice', 'R-1010#kundeservice', 'nps 2', ''],
      ['promoter_complaint', 'Nettbutikken', 'R-1009#nettbutikk', 'nps 10', 'delivery'],
      ['satisfied_complaint', 'Nettbutikken', 'R-1009#nettbutikk', 'csat 1', 'delivery'],
    ]);
  });

  it('says what delivery complaints cost the web shop in NPS points', () => {
    // Seven commenters name delivery negatively (NPS 6, 3, 7, 10, 6, 0, 3: NPS −57.1; among them "Pakken kom skadet"
    // and "dyr frakt", shipping's price); the other 12 who commented (10, 9, 9, 5, 10, 4, 10, 9, 10, 7, 9, 10): NPS 58.3.
    const d = r.table('drivers.csv').find((x) => x.product === 'Nettbutikken' && x.topic === 'delivery')!;
    expect(d).toMatchObject({ rank: '1', respondents: '19', mentioned_negatively: '7', nps_mentioned_negatively: '-57,1', nps_others: '58,3', nps_difference: '-115,5' });
  });
});

describe('survey answers from the nightly state', () => {
  // The second night reads the same export: nothing is scored again, and the survey tables, the drivers and the
  // disagreement alerts are rebuilt from what the state keeps (question group, CSAT, text roles) byte for byte.
  const out = tempDir('e2e-survey-state');
  const config = join(CONFIGS, 'nb-survey.config.json');
  const first = runCli(['run', '--config', config, '--out', out]);
  const reports = ['product_trends.csv', 'survey_questions.csv', 'drivers.csv', 'alerts.csv', 'pain_points.csv'];
  const before = Object.fromEntries(reports.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  const second = runCli(['run', '--config', config, '--out', out]);

  it('scores nothing on the second night and rebuilds the same survey reports from the state', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const totals = (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { totals: { scored: number; unchanged: number } }).totals;
    expect(totals).toMatchObject({ scored: 0, unchanged: 36 });
    expect(before['alerts.csv']).toMatch(/promoter_complaint|detractor_praise|satisfied_complaint|dissatisfied_praise/);
    for (const f of reports) expect(readFileSync(join(out, f), 'utf8'), f).toBe(before[f]);
  });
});
