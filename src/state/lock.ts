// One run at a time per state: a lock file created with O_EXCL beside the state, holding who took it. A lock
// whose process is gone (killed, crashed, the machine rebooted) is taken over; a live one stops the run with
// exit code 4. Liveness is checked on the same host only: a lock from another host (a shared disk) is never
// taken over automatically, since its process cannot be seen from here.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { TilfredsError } from '../errors.js';

export type LockOwner = {
  pid: number;
  host: string;
  startedAt: string;
  /** Linux: the boot and the process's start tick, so that a pid reused after a reboot or by another process
   *  does not pass for the owner. */
  bootId?: string;
  processStart?: string;
};

export type HeldLock = { readonly path: string; readonly owner: LockOwner; readonly tookOverFrom: LockOwner | undefined; release(): void };

const readOrUndefined = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (after the command name,
 *  which may itself hold spaces and parentheses). */
function processStart(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function currentOwner(): LockOwner {
  const bootId = readOrUndefined('/proc/sys/kernel/random/boot_id');
  const start = processStart(process.pid);
  return { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), ...(bootId ? { bootId } : {}), ...(start ? { processStart: start } : {}) };
}

/** Whether the owner of a lock is certainly gone. */
export function isStale(owner: LockOwner, here = currentOwner()): boolean {
  if (owner.host !== here.host) return false;
  if (owner.bootId && here.bootId && owner.bootId !== here.bootId) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  // The pid is alive: the owner only if it is the same process (pid reuse).
  const start = owner.processStart && processStart(owner.pid);
  return start !== undefined && start !== owner.processStart;
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  try {
    const o = JSON.parse(text ?? '') as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

export function acquireLock(path: string): HeldLock {
  const owner = currentOwner();
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(owner) + '\n');
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw e;
    }
    const text = readOrUndefined(path);
    const held = parseOwner(text);
    // An unreadable lock is one whose writer died between creating and writing it: stale too.
    if (held && !isStale(held, owner)) {
      throw new TilfredsError('locked', `another tilfreds run holds the lock ${path} (pid ${held.pid} on ${held.host}, since ${held.startedAt}); this run did nothing. Fix: wait for it to finish; if that process is gone (another host cannot be checked from here), delete the lock file`);
    }
    // Take it over by moving the stale file aside (atomic: of two runs doing this, one moves it, the other fails)
    // and checking that what moved is what was judged stale, not a lock a third run just took.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readOrUndefined(aside);
    if (moved !== text) {
      renameSync(aside, path);
      continue;
    }
    rmSync(aside, { force: true });
    tookOverFrom = held ?? { pid: 0, host: '?', startedAt: '?' };
  }
  return {
    path,
    owner,
    tookOverFrom,
    release() {
      // Only our own lock: never remove one another run took over from us after we were judged gone.
      if (parseOwner(readOrUndefined(path))?.pid === owner.pid) rmSync(path, { force: true });
    },
  };
}
