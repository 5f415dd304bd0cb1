import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fields every log line made while handling one unit of work carries: the request id and user
 * of an HTTP request, the declaration being screened, the case or workflow at hand. Values are
 * plain identifiers (never party ids: those are masked anyway, but need not be logged at all).
 */
export type LogContext = Record<string, string | number | null | undefined>;

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `fn` with `fields` added to the current log context (an inner context keeps the outer
 * fields): every line logged through a `createLogger` logger until `fn` settles carries them.
 * @returns what `fn` returns.
 */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

/**
 * Runs `fn` in exactly the context `context` (the same object, so fields added to it later, such
 * as the user once authenticated, reach lines logged afterwards). Used by the HTTP middleware.
 */
export function runInLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The log context of the running code, or undefined outside any. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
