/**
 * Supervision of one long-lived service of the stack (API, worker, Temporal, PostgreSQL):
 * restarts it when it exits without being asked to, with exponential back-off, and gives up
 * after too many crashes within a time window.
 *
 *   const s = supervise('worker', start, { log, onGiveUp });
 *   await s.started;          // the first start (its error is thrown here, not retried)
 *   ...
 *   await s.stop();           // intentional stop: no restart
 *
 * `start()` starts the service once and resolves to a handle
 * `{ pid, exited: Promise<{ code, signal, reason? }>, stop: () => Promise<void> }`; a rejected restart
 * counts as one more crash. Messages (through `log`, without the `stack: ` prefix):
 *   worker exited (signal SIGKILL); restarting in 1 s (2nd crash within 60 s)
 *   worker crashed 5 times within 60 s; stopping the stack
 * CommonJS so that both the launcher (ESM) and the Jest specs (TypeScript through SWC) load it.
 */

/** Why a process ended, in words: `code 1`, `signal SIGKILL`, or the handle's own `reason`. */
function exitReason({ code, signal, reason }) {
  if (reason) return reason;
  if (signal) return `signal ${signal}`;
  return `code ${code}`;
}

/** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st. */
function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** `500 ms`, `1 s`, `2.5 s`. */
function duration(ms) {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/**
 * The wait before the restart that follows the `crashes`-th crash within the window:
 * backoffMs, 2 x backoffMs, 4 x backoffMs, ... capped at maxBackoffMs.
 */
function backoff(crashes, backoffMs, maxBackoffMs) {
  return Math.min(backoffMs * 2 ** Math.max(0, crashes - 1), maxBackoffMs);
}

/**
 * Supervises one service.
 * @param name what the messages call it (`worker`, `api`, `temporal`, `postgres`).
 * @param start starts it once; resolves to `{ pid, exited, stop }` (see the top of the file).
 * @param options.backoffMs first wait before a restart (default 500); doubles per crash within the window.
 * @param options.maxBackoffMs cap of the wait (default 10 000).
 * @param options.maxCrashes crashes within `windowMs` that make it give up (default 5).
 * @param options.windowMs the window (default 60 000).
 * @param options.log one message per line, e.g. `(m) => console.error('stack: ' + m)`.
 * @param options.onStarted called with each handle once started (the first start and every restart), e.g. to record its pid.
 * @param options.onGiveUp called once with the message when it gives up (the caller stops the stack).
 * @param options.now clock, for tests.
 * @returns `{ started, halt, stop, current, crashes }`: the first start, no more restarts, the intentional
 *   stop, the running handle, the crash times within the window.
 */
function supervise(name, start, options = {}) {
  const {
    backoffMs = 500, maxBackoffMs = 10_000, maxCrashes = 5, windowMs = 60_000,
    log = () => {}, onStarted = () => {}, onGiveUp = () => {}, now = Date.now,
  } = options;
  let stopping = false;
  let current = null;
  let timer = null;
  let crashes = [];

  const watch = (handle) => {
    current = handle;
    onStarted(handle);
    handle.exited.then((how) => {
      if (stopping || current !== handle) return;
      crashed(exitReason(how ?? {}));
    });
  };

  const crashed = (why) => {
    current = null;
    const t = now();
    crashes = crashes.filter((c) => t - c < windowMs);
    crashes.push(t);
    if (crashes.length >= maxCrashes) {
      stopping = true;
      const message = `${name} crashed ${crashes.length} times within ${duration(windowMs)} (last: ${why}); stopping the stack`;
      log(message);
      onGiveUp(message);
      return;
    }
    const wait = backoff(crashes.length, backoffMs, maxBackoffMs);
    log(`${name} exited (${why}); restarting in ${duration(wait)} (${ordinal(crashes.length)} crash within ${duration(windowMs)})`);
    timer = setTimeout(restart, wait);
  };

  const restart = async () => {
    timer = null;
    if (stopping) return;
    let handle;
    try {
      handle = await start();
    } catch (err) {
      if (!stopping) crashed(`restart failed: ${err?.message ?? err}`);
      return;
    }
    if (stopping) {
      // stopped while it was starting: do not leave it behind
      await handle.stop().catch(() => {});
      return;
    }
    log(`${name} restarted (pid ${handle.pid})`);
    watch(handle);
  };

  const started = (async () => {
    const handle = await start();
    watch(handle);
    return handle;
  })();

  return {
    started,
    get current() { return current; },
    get crashes() { return [...crashes]; },
    /**
     * No restart from now on, without stopping the service: called on Ctrl-C before the ordered
     * stop, as the terminal's SIGINT also reaches the services themselves.
     */
    halt() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Intentional stop: no restart; stops the running service (if any) and resolves when it has exited. */
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (current) await current.stop();
    },
  };
}

/**
 * A handle for `supervise` from a ChildProcess: its pid, its exit, and `stop` (the given function,
 * e.g. SIGTERM then SIGKILL).
 */
function childHandle(child, stop) {
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { pid: child.pid, child, exited, stop };
}

module.exports = { supervise, childHandle, exitReason, ordinal, backoff, duration };
