// pino to fd 2: stdout carries data only.
import { pino } from 'pino';

export type Logger = pino.Logger;

export const log: Logger = pino(
  { name: 'tilfreds', level: process.env.TILFREDS_LOG_LEVEL ?? 'info', base: { pid: process.pid } },
  pino.destination({ fd: 2, sync: true }),
);
