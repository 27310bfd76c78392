// A fixed pool of worker threads that each process one range at a time. A worker that dies fails its task,
// and so the run (exit 1): partial results are never merged.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { TilfredsError, type TilfredsErrorCode } from '../errors.js';
import type { RangeResult, RangeTask } from './process-range.js';

/** Each worker's heap. A young generation of 32 MB lets a batch of records die young instead of being copied to
 *  the old generation (with 6 MB the workers spent a third of their time collecting: 15.2 s against 10.4 s on the
 *  1M bench). Any cap on the old generation makes V8 collect it sooner (peak RSS of the run ~315 MB without, ~265
 *  MB with, no slower); 512 MB leaves room for a range with a million product × period groups. */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 512 } as const;

type Reply = { ok: true; result: RangeResult } | { ok: false; message: string; stack?: string; userError?: TilfredsErrorCode };
type Slot = { worker: Worker; busy?: { resolve: (r: RangeResult) => void; reject: (e: Error) => void; task: RangeTask } };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private failure: Error | undefined;
  private closing = false;

  constructor(size: number, config: Config) {
    const script = new URL('./range-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(script, { workerData: { config }, resourceLimits: WORKER_HEAP }) };
      slot.worker.on('message', (reply: Reply) => {
        const busy = slot.busy!;
        slot.busy = undefined;
        this.release(slot);
        if (reply.ok) busy.resolve(reply.result);
        else if (reply.userError) busy.reject(new TilfredsError(reply.userError, reply.message));
        else busy.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
      const died = (why: string) => {
        if (this.closing) return;
        this.failure ??= new Error(`a worker thread died (${why})${slot.busy ? ` while reading ${slot.busy.task.file} from line ${slot.busy.task.range.startLine}` : ''}`);
        slot.busy?.reject(this.failure);
        slot.busy = undefined;
      };
      slot.worker.on('error', (e) => died(e.message));
      slot.worker.on('exit', (code) => {
        if (code !== 0 || slot.busy) died(`exit code ${code}`);
      });
      this.slots.push(slot);
    }
  }

  run(task: RangeTask): Promise<RangeResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const start = (slot: Slot) => {
        if (this.failure) return reject(this.failure);
        slot.busy = { resolve, reject, task };
        slot.worker.postMessage(task);
      };
      const idle = this.slots.find((s) => !s.busy && !this.waiting.length);
      if (idle) start(idle);
      else this.waiting.push(start);
    });
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
