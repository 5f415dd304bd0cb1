import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger interface over a pino logger, so Nest's own lines (module and route setup,
 * exceptions) and every `new Logger(Context)` of the application become JSON lines: `log` ->
 * `info`, `verbose` -> `trace`, the others by name. A trailing string argument is Nest's context
 * (the `context` field); `error(message, stack, context)` gives `stack`; an Error is logged as
 * `err`; a plain object's members become fields, its `message` the line's message (so
 * `logger.debug({ message: 'declaration screened', declarationId })` logs `declarationId` as a
 * field); other objects go to `data`. Level filtering is pino's (`LOG_LEVEL`).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: PinoLevel, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const params = rest.filter((p) => p !== undefined);
    const fields: Record<string, unknown> = {};
    if (params.length > 0 && typeof params[params.length - 1] === 'string') fields.context = params.pop();
    if ((level === 'error' || level === 'fatal') && typeof params[0] === 'string' && params[0].includes('\n    at ')) fields.stack = params.shift();
    if (params.length > 0) fields.params = params;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (isPlainObject(message)) {
      const { message: text, ...members } = message;
      if (typeof text === 'string') this.logger[level]({ ...members, ...fields }, text);
      else this.logger[level]({ ...message, ...fields });
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
