// Runs a job on a p-queue and hands its result back through a promise of our own.
//
// Not `return queue.add(job)`: while jobs wait in a p-queue (9.3), every finished job's promise stays reachable
// from the waiting ones' closures, and with it every value it resolved. The runner queues all ranges up front, so
// returning range results through p-queue kept the aggregates of every finished range alive in the main thread
// (40 MB at 10⁶ records, growing with the input). The result travels through a holder that is emptied once used,
// so only the caller's promise holds it.
import type PQueue from 'p-queue';

export function schedule<T>(queue: PQueue, job: () => Promise<T>): Promise<T> {
  const handoff: { resolve?: (value: T) => void; reject?: (error: unknown) => void } = {};
  const result = new Promise<T>((resolve, reject) => Object.assign(handoff, { resolve, reject }));
  void queue.add(async () => {
    try {
      handoff.resolve!(await job());
    } catch (e) {
      handoff.reject!(e);
    } finally {
      handoff.resolve = handoff.reject = undefined;
    }
  });
  return result;
}
