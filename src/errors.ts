// Errors the CLI maps to exit codes. Anything else that escapes is a crash (exit 1).

export const EXIT = { ok: 0, crash: 1, usage: 2, tooManyRejects: 3 } as const;

export type TilfredsErrorCode = 'config' | 'usage' | 'input';

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

export const configError = (message: string) => new TilfredsError('config', message);
