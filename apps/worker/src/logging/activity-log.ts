import { Context } from '@temporalio/activity';
import type { LogMetadata } from '@temporalio/common';

/**
 * Logs through the running activity's context logger, whose lines carry the SDK's activity
 * metadata (`workflowId`, `workflowType`, `activityType`, `taskQueue`, `attempt`) and go to the
 * worker's JSON-line logger (`temporalRuntimeLogging`). Outside an activity (a unit test calling
 * the function directly) it does nothing.
 */
export function activityLog(level: 'debug' | 'info' | 'warn', message: string, meta: LogMetadata): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return;
  }
  context.log[level](message, meta);
}
