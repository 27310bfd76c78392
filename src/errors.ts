// Errors the CLI maps to exit codes. Anything else that escapes is a crash (exit 1).

export const EXIT = { ok: 0, crash: 1, usage: 2, tooManyRejects: 3, locked: 4 } as const;

/** `locked`: another run holds the state's lock (exit 4): nothing was read or written, try again later. */
export type TilfredsErrorCode = 'config' | 'usage' | 'input' | 'locked';

/** A mistake the user can fix (config, arguments, missing input): exit 2 with the message, no stack. */
export class TilfredsError extends Error {
  constructor(
    readonly code: TilfredsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TilfredsError';
  }
}

/** The exit code for a user-fixable error: 4 when another run holds the lock, else 2. */
export const exitCodeOf = (err: TilfredsError): number => (err.code === 'locked' ? EXIT.locked : EXIT.usage);

export const configError = (message: string) => new TilfredsError('config', message);
