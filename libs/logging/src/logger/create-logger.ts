import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { maskPersonalIdentifiers } from '../masking/personal-identifiers';
import { currentLogContext } from './log-context';

/** `json`: one JSON object per line (production, tests); `pretty`: coloured text for a person (pino-pretty). */
export type LogFormat = 'json' | 'pretty';

/** Levels from most to least verbose; `silent` logs nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Value of the `service` field of every line, e.g. `api` or `worker`. */
  service: string;
  /** Least severe level written (default `info`). */
  level?: LogLevel;
  /** Line format (default `json`). */
  format?: LogFormat;
  /**
   * Where lines go (default stdout): anything with `write(line)`, e.g. an array collector in a
   * test. Receives masked JSON lines, or pretty text when `format` is `pretty`.
   */
  destination?: DestinationStream;
}

/**
 * A pino logger for one service. Every line has `time` (ISO 8601, UTC), `level` (its name,
 * e.g. `info`), `service`, `msg`, the fields of the current log context (`withLogContext`:
 * request id, user, declaration, case, workflow ...) and the line's own fields. Each serialised
 * line passes through {@link maskPersonalIdentifiers} before it is written, so a party id in a
 * message, a field or an error never reaches the output whole.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const format = options.format ?? 'json';
  const sink: DestinationStream = format === 'pretty'
    ? pretty({
      destination: options.destination ?? 1,
      colorize: options.destination === undefined && process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      // One line per entry: `[12:00:01.234] INFO: api | POST /api/declarations 201 {"requestId":...}`.
      singleLine: true,
      messageFormat: '{service} | {msg}',
      ignore: 'pid,hostname,service',
      sync: true,
    })
    : options.destination ?? pino.destination({ dest: 1, sync: true });
  const masked: DestinationStream = { write: (line: string) => sink.write(maskPersonalIdentifiers(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext() ?? {},
    },
    masked,
  );
}
