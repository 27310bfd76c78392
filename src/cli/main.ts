#!/usr/bin/env node
// argv → command. Maps errors to exit codes: 0 ok, 2 a user mistake (config, arguments, missing input),
// 3 the run finished but rejected more than allowed, 1 a crash. stdout carries data; logs go to stderr.
import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf, TilfredsError } from '../errors.js';
import { log } from '../log.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check-command.js';
import { evalCommand } from './eval-command.js';
import { rescoreCommand } from './rescore-command.js';
import { runCommand } from './run-command.js';
import { statusCommand } from './status-command.js';

const HELP = `tilfreds ${VERSION}: satisfaction trends and pain points per product from review dumps and survey exports

Usage
  tilfreds run   --config FILE [--out DIR] [--workers N] [--locale L] [--period P]
                                                          the nightly job: read, score, aggregate, write reports
  tilfreds status --config FILE [--json]                   the state: last run, records per input, input files seen
                                                          with their checksums, size
  tilfreds rescore --config FILE                           score the stored records again after a lexicon change and
                                                          rewrite the aggregate CSV tables (a run does it by itself)
  tilfreds check --config FILE                             validate the config, print the resolved config (JSON)
  tilfreds eval  --config FILE [--input NAME] [--label COLUMN [--label-scale LO,HI|classes]] [--neutral LO,HI]
                 [--scorer tilfreds|afinn-baseline|lexicon --lexicon FILE[:POLARITY]... [--lexicon-rules]]
                 [--calibrate] [--detect] [--json]
                                                          agreement of the scores with human labels (the rating, or
                                                          --label): Pearson, Spearman, 3-class accuracy and macro-F1,
                                                          binary accuracy, recall per class, confusion, texts/s;
                                                          --scorer lexicon: a plain sum over a public lexicon file
                                                          (word lists: FILE:+1 / FILE:-1), --lexicon-rules adds ours;
                                                          --calibrate: fit each language's negativity weight and
                                                          neutral band to the labels (mean macro-F1 over inputs);
                                                          --detect: the language detector against the declared one
  tilfreds eval  --aspects FILE [--taxonomy default|restaurants|FILE.json] [--category-map FILE.json] [--json]
                                                          topics against human aspect labels (SemEval 2014-16, MAMS
                                                          XML): category precision/recall/F1 and polarity accuracy,
                                                          beside a keyword + sentence-AFINN baseline
  tilfreds --help | --version

Options
  -c, --config FILE   the config file (JSON; see README.md and DESIGN.md section 2)
      --out DIR       override output.dir (relative to the current folder)
  -w, --workers N     worker threads (default: config "workers", else one per core; 1 = no threads)
      --locale L      override output.locale: en, nb-NO, nn-NO, da-DK, sv-SE (Scandinavian = ';' and decimal comma)
      --period P      override output.period: day, week, month, quarter
      --state FILE    override state.path (default: OUT/tilfreds-state.sqlite)
      --stateless     keep no state: the reports cover this run's inputs alone

Outputs (in output.dir): scored_reviews.csv, product_trends.csv, pain_points.csv, alerts.csv, survey_questions.csv,
  drivers.csv, report.xlsx, report.html (after output.formats), rejects.csv, run.json, tilfreds-state.sqlite
Exit codes: 0 ok; 1 crash; 2 config or input mistake; 3 more rejects than maxRejectRate; 4 another run holds the lock
Logs: JSON lines on stderr (TILFREDS_LOG_LEVEL=debug|info|warn|error). stdout: the run summary / data only.
`;

export type CliOptions = { config?: string; out?: string; locale?: string; period?: string; workers?: string; state?: string; stateless?: boolean };

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      out: { type: 'string', short: 'o' },
      workers: { type: 'string', short: 'w' },
      input: { type: 'string' },
      label: { type: 'string' },
      'label-scale': { type: 'string' },
      neutral: { type: 'string' },
      scorer: { type: 'string' },
      calibrate: { type: 'boolean' },
      detect: { type: 'boolean' },
      lexicon: { type: 'string', multiple: true },
      'lexicon-rules': { type: 'boolean' },
      aspects: { type: 'string' },
      taxonomy: { type: 'string' },
      'category-map': { type: 'string' },
      json: { type: 'boolean' },
      locale: { type: 'string' },
      period: { type: 'string' },
      state: { type: 'string' },
      stateless: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (rest.length) throw new TilfredsError('usage', `unexpected argument "${rest[0]}" (try --help)`);
  const options: CliOptions = { config: values.config, out: values.out, locale: values.locale, period: values.period, workers: values.workers, state: values.state, stateless: values.stateless };
  switch (command) {
    case 'run':
      return runCommand(options);
    case 'check':
      return checkCommand(options);
    case 'status':
      return statusCommand({ ...options, json: values.json });
    case 'rescore':
      return rescoreCommand(options);
    case 'eval':
      return evalCommand({ ...options, input: values.input, label: values.label, labelScale: values['label-scale'], neutral: values.neutral, scorer: values.scorer, lexicon: values.lexicon, lexiconRules: values['lexicon-rules'], calibrate: values.calibrate, detect: values.detect, json: values.json, aspects: values.aspects, taxonomy: values.taxonomy, categoryMap: values['category-map'] });
    default:
      throw new TilfredsError('usage', `unknown command "${command}": use run, status, rescore, eval or check (try --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof TilfredsError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`tilfreds: ${(err as Error).message}\n`);
      process.exitCode = err instanceof TilfredsError ? exitCodeOf(err) : EXIT.usage;
      return;
    }
    log.fatal({ err }, 'crash');
    process.stderr.write(`tilfreds: crashed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = EXIT.crash;
  },
);
