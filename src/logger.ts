import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** The process-wide structured logger; requests log through a child carrying their request id. */
export function createLogger(config: Pick<Config, 'logLevel' | 'production'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'innozone' },
    // Tokens and cookies never reach a log line.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
export type { Logger };
