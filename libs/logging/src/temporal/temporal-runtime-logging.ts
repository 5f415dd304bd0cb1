import type { LogLevel as TemporalLogLevel } from '@temporalio/common';
import type { RuntimeOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import { PinoTemporalLogger } from './temporal-logger';

/**
 * The logging part of the Temporal SDK's `Runtime.install` options: the SDK's TypeScript-side
 * lines and the workflow and activity context loggers go to `logger` (see
 * {@link PinoTemporalLogger}), and the native core's lines are forwarded to it too instead of
 * being printed to the console apart. The core's filter follows the logger's level, but never
 * below `WARN` unless the level is `debug` or `trace` (its INFO lines are internal detail).
 * Spread it into the options: `Runtime.install({ ...temporalRuntimeLogging(logger), ... })`.
 */
export function temporalRuntimeLogging(logger: Logger): Pick<RuntimeOptions, 'logger' | 'telemetryOptions'> {
  const core: TemporalLogLevel = logger.level === 'trace' ? 'TRACE'
    : logger.level === 'debug' ? 'DEBUG'
    : logger.level === 'error' || logger.level === 'fatal' || logger.level === 'silent' ? 'ERROR'
    : 'WARN';
  return {
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: { logging: { filter: { core, other: 'ERROR' }, forward: {} } },
  };
}
