// The worker side of the state: which records are already counted, looked up by input and id in the committed
// state through a read-only connection of the thread's own (better-sqlite3 connections cannot cross threads).
// One connection per range, closed when the range is done (opening one takes well under a millisecond): a
// connection left open in a worker would keep the main thread's close from checkpointing and removing the WAL.
// A record whose stored hash equals tonight's is skipped before scoring: that is what makes a rerun cheap.
import Database from 'better-sqlite3';

export class KnownRecords {
  private readonly db: Database.Database;
  private readonly lookup: Database.Statement<[string, string], Buffer>;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.lookup = this.db.prepare<[string, string], Buffer>('SELECT hash FROM records WHERE input = ? AND id = ?').pluck();
  }

  /** The stored content hash, or undefined for a record not in the state. */
  hashOf(input: string, id: string): Buffer | undefined {
    return this.lookup.get(input, id);
  }

  close(): void {
    this.db.close();
  }
}
