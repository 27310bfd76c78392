// run.json: what a run read, what it made of it, and with which config and lexicons, for the morning check
// and for a scheduler. Written last, under a temporary name, so its presence means the reports are complete.
import { writeFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { RunResult } from '../pipeline/run.js';
import { OUTPUT_FILES } from '../pipeline/run.js';
import { displayPath } from './tables.js';
import { loadTaxonomy } from '../analyze/topics.js';
import type { StateSummary } from '../state/run-state.js';

export type LexiconVersion = { lang: string; name: string; version: string };

/** `state` is absent for a stateless run. */
export function writeRunManifest(config: Config, result: RunResult, lexicons: LexiconVersion[], version: string, exitCode: number, state?: StateSummary): string {
  const manifest = {
    tool: 'tilfreds',
    version,
    config: { file: config.file, sha256: config.hash },
    lexicons,
    topics: loadTaxonomy(config.topics)?.label ?? 'none',
    period: config.output.period,
    locale: config.output.locale,
    totals: result.totals,
    exitCode,
    overRejectLimit: result.overRejectLimit,
    inputs: result.inputs.map((c) => ({
      ...c,
      files: c.files.map((f) => ({ ...f, file: displayPath(config, f.file) })),
    })),
    outputs: result.outputs.map((f) => basename(f)),
    state,
    timings: result.timings,
  };
  const target = join(config.output.dir, OUTPUT_FILES.manifest);
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, target);
  return target;
}
