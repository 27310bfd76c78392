// Worker thread entry: processes the byte ranges it is sent, one at a time, with the config it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { TilfredsError } from '../errors.js';
import { processRange, type RangeTask } from './process-range.js';

const config = (workerData as { config: Config }).config;

/** Test hook (TILFREDS_FAULT=crash-worker:<file name>:<range or *>): the worker dies as a crashed one would. */
const fault = process.env.TILFREDS_FAULT?.match(/^crash-worker:(.+):(\d+|\*)$/);

parentPort!.on('message', (task: RangeTask) => {
  if (fault && task.file.endsWith(fault[1]!) && (fault[2] === '*' || task.range.index === Number(fault[2]))) process.exit(70);
  processRange(config, task).then(
    (result) => parentPort!.postMessage({ ok: true, result }, [result.ids.buffer as ArrayBuffer, result.acc.sums.buffer as ArrayBuffer]),
    (err: unknown) => {
      const e = err as Error;
      parentPort!.postMessage({ ok: false, message: e.message, stack: e.stack, userError: err instanceof TilfredsError ? err.code : undefined });
    },
  );
});
