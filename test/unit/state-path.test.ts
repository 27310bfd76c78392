import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_FILE, statePathOf } from '../../src/state/run-state.js';

describe('statePathOf', () => {
  const output = { dir: '/srv/out', period: 'month', locale: 'en', minN: 30, formats: ['csv'] } as const;
  it('puts the state beside the reports by default, at the configured path, or nowhere when stateless', () => {
    expect(statePathOf({ output, state: undefined })).toBe(join('/srv/out', STATE_FILE));
    expect(statePathOf({ output, state: { path: '/var/lib/tilfreds/s.sqlite' } })).toBe('/var/lib/tilfreds/s.sqlite');
    expect(statePathOf({ output, state: false })).toBeUndefined();
  });
});
