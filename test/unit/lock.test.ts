import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TilfredsError } from '../../src/errors.js';
import { acquireLock, isStale, type LockOwner } from '../../src/state/lock.js';
import { tempDir } from '../support/cli.js';

const lockPath = () => join(tempDir('lock'), 'state.sqlite.lock');
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const onLinux = existsSync('/proc/self/stat');

function lockedError(f: () => unknown): TilfredsError {
  try {
    f();
  } catch (e) {
    return e as TilfredsError;
  }
  throw new Error('expected the lock to be refused');
}

describe('acquireLock', () => {
  it('takes a free lock, refuses it to a second taker while held, and frees it on release', () => {
    const path = lockPath();
    const held = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(held.tookOverFrom).toBeUndefined();
    const e = lockedError(() => acquireLock(path));
    expect(e).toBeInstanceOf(TilfredsError);
    expect(e.code).toBe('locked');
    expect(e.message).toContain(`pid ${process.pid} on ${hostname()}`);
    held.release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path).release();
  });

  it('takes over the lock of a process that is gone, and of a half-written lock file', () => {
    const path = lockPath();
    const pid = deadPid();
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const held = acquireLock(path);
    expect(held.tookOverFrom).toMatchObject({ pid });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    held.release();
    writeFileSync(path, '{"pid": 12');
    acquireLock(path).release();
  });

  it('never takes over a lock from another host, which it cannot check', () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, startedAt: 'x' }));
    expect(lockedError(() => acquireLock(path)).code).toBe('locked');
  });

  it('does not remove a lock that another run took over after this one was judged gone', () => {
    const path = lockPath();
    const held = acquireLock(path);
    writeFileSync(path, JSON.stringify({ pid: process.pid + 1, host: hostname(), startedAt: 'x' }));
    held.release();
    expect(existsSync(path)).toBe(true);
  });
});

describe.skipIf(!onLinux)('isStale on Linux', () => {
  const here = (): LockOwner => ({ pid: 1, host: hostname(), startedAt: 'x', bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() });

  it('sees a live pid with another start time as reused, and a lock from before a reboot as stale', () => {
    const me = { pid: process.pid, host: hostname(), startedAt: 'x', bootId: here().bootId };
    expect(isStale(me, here())).toBe(false);
    expect(isStale({ ...me, processStart: '1' }, here())).toBe(true);
    expect(isStale({ ...me, bootId: 'another-boot' }, here())).toBe(true);
  });
});
