// A range's new and changed records, staged by the thread that scored them as JSON lines in the parts folder,
// for the main thread to import in file order (store.ts importPart). Plain files rather than records posted
// between threads: a range of a million records must not be held in memory twice.
import { open, type FileHandle } from 'node:fs/promises';
import type { StagedRecord } from './record-row.js';

const FLUSH_AT = 1 << 20;

export class StatePartWriter {
  private readonly out: Promise<FileHandle>;
  private buffer = '';

  constructor(readonly path: string) {
    this.out = open(path, 'w');
  }

  /** Returns a promise only when the buffer was flushed: the caller awaits it then (backpressure). */
  add(record: StagedRecord): Promise<void> | undefined {
    this.buffer += JSON.stringify(record) + '\n';
    return this.buffer.length >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    await (await this.out).write(chunk);
  }

  async close(): Promise<void> {
    if (this.buffer) await this.flush();
    await (await this.out).close();
  }
}
