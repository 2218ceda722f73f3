import { LogFormat, LogLevel } from '@itsm/config';
import { hostname } from 'node:os';
import { Writable } from 'node:stream';
import pino, { DestinationStream, Level, Logger } from 'pino';
import pretty from 'pino-pretty';

/** What an app's root logger is made of: the app's name and the validated ITSM_LOG_LEVEL and ITSM_LOG_FORMAT. */
export interface AppLogOptions {
  /** Written as `service` on every line: gateway, operation, audit, design, strategy, transition. */
  service: string;
  level: LogLevel;
  format: LogFormat;
}

/** ITSM_LOG_LEVEL uses Nest's names (the config predates pino); pino's are these. */
const PINO_LEVELS: Record<LogLevel, Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Headers that carry credentials: the caller's bearer token, the gateway's signed internal token, cookies.
 * No code logs a request's headers, but a logged request object or error that carries them is censored.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'x-itsm-principal',
  'headers.authorization',
  'headers.cookie',
  'headers["x-itsm-principal"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-itsm-principal"]',
];

let current: Logger | undefined;

/**
 * The app's root logger: pino writing one line per entry to stdout (or `destination`), as JSON with `level`
 * (label), `time` (ISO 8601), `service`, `pid`, `hostname` and `msg`, or pretty-printed for a terminal.
 * Writes to stdout are synchronous, so a line logged just before `process.exit` is not lost. The last one
 * created is the parent of message-handling contexts (withLogContext).
 */
export function createAppLogger(options: AppLogOptions, destination?: Writable): Logger {
  const logger = pino(
    {
      level: PINO_LEVELS[options.level],
      base: { service: options.service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.format === 'pretty' ? prettyPrinter(destination) : (destination ?? pino.destination({ fd: 1, sync: true })),
  );
  current = logger;
  return logger;
}

/** The logger createAppLogger made last, if any. */
export function appLogger(): Logger | undefined {
  return current;
}

/** `[12:00:00.123] INFO: gateway [Context] message {fields}`, one line per entry. */
function prettyPrinter(destination: Writable | undefined): DestinationStream {
  return pretty({
    destination: destination ?? 1,
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{service} {if context}[{context}] {end}{msg}',
  });
}
