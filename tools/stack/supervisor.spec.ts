import { spawn } from 'node:child_process';
const { supervise, childHandle, exitReason, ordinal, backoff } = require('./supervisor.cjs');

/** A real child process: `node -e <script>`; its handle for `supervise`. */
function nodeChild(script: string) {
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  return childHandle(child, () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  }));
}

const LONG = 'setInterval(() => {}, 1000)';
const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('supervise', () => {
  it('restarts a child killed with SIGKILL, with a new pid, and says which and why', async () => {
    const messages: string[] = [];
    const pids: number[] = [];
    const s = supervise('worker', async () => nodeChild(LONG), { backoffMs: 50, log: (m: string) => messages.push(m), onStarted: (h: { pid: number }) => pids.push(h.pid) });
    const first = await s.started;
    process.kill(first.pid, 'SIGKILL');
    await until(() => pids.length === 2);
    expect(pids[1]).not.toBe(pids[0]);
    expect(messages[0]).toBe('worker exited (signal SIGKILL); restarting in 50 ms (1st crash within 60 s)');
    expect(messages[1]).toBe(`worker restarted (pid ${pids[1]})`);
    await s.stop();
    expect(s.current.child.signalCode).toBe('SIGTERM');
  });

  it('doubles the wait per crash and gives up after maxCrashes within the window', async () => {
    const messages: string[] = [];
    const gaveUp: string[] = [];
    let starts = 0;
    const s = supervise('api', async () => { starts++; return nodeChild('process.exit(3)'); }, {
      backoffMs: 20, maxCrashes: 4, windowMs: 60_000, log: (m: string) => messages.push(m), onGiveUp: (m: string) => gaveUp.push(m),
    });
    await s.started;
    await until(() => gaveUp.length === 1);
    expect(starts).toBe(4);
    expect(messages.filter((m) => m.includes('restarting in'))).toEqual([
      'api exited (code 3); restarting in 20 ms (1st crash within 60 s)',
      'api exited (code 3); restarting in 40 ms (2nd crash within 60 s)',
      'api exited (code 3); restarting in 80 ms (3rd crash within 60 s)',
    ]);
    expect(gaveUp[0]).toBe('api crashed 4 times within 60 s (last: code 3); stopping the stack');
    await new Promise((r) => setTimeout(r, 300));
    expect(starts).toBe(4); // no restart after giving up
  });

  it('forgets crashes older than the window', async () => {
    let t = 0;
    const gaveUp: string[] = [];
    const exits: Array<() => void> = [];
    const fake = async () => ({ pid: 1, exited: new Promise((resolve) => exits.push(() => resolve({ code: 1, signal: null }))), stop: async () => {} });
    const s = supervise('temporal', fake, { backoffMs: 1, maxCrashes: 2, windowMs: 1000, now: () => t, onGiveUp: (m: string) => gaveUp.push(m) });
    await s.started;
    exits[0]();
    await until(() => exits.length === 2);
    t = 5000; // the first crash is now outside the window
    exits[1]();
    await until(() => exits.length === 3);
    expect(gaveUp).toEqual([]);
    exits[2]();
    await until(() => gaveUp.length === 1);
    expect(gaveUp[0]).toMatch(/^temporal crashed 2 times within 1 s/);
  });

  it('does not restart what it was asked to stop, nor after halt()', async () => {
    let starts = 0;
    const s = supervise('postgres', async () => { starts++; return nodeChild(LONG); }, { backoffMs: 10 });
    await s.started;
    await s.stop();
    const h = supervise('postgres', async () => { starts++; return nodeChild(LONG); }, { backoffMs: 10 });
    const child = await h.started;
    h.halt();
    process.kill(child.pid, 'SIGINT'); // as Ctrl-C reaches the services too
    await child.exited;
    await new Promise((r) => setTimeout(r, 200));
    expect(starts).toBe(2);
  });

  it('counts a failed restart as a crash and throws a failed first start', async () => {
    let n = 0;
    const messages: string[] = [];
    const s = supervise('worker', async () => {
      n++;
      if (n === 2) throw new Error('port in use');
      return nodeChild(n === 1 ? 'process.exit(1)' : LONG);
    }, { backoffMs: 10, log: (m: string) => messages.push(m) });
    await s.started;
    await until(() => n === 3 && s.current !== null);
    expect(messages).toContain('worker exited (restart failed: port in use); restarting in 20 ms (2nd crash within 60 s)');
    await s.stop();
    await expect(supervise('api', async () => { throw new Error('no binary'); }).started).rejects.toThrow('no binary');
  });
});

describe('wording', () => {
  it('names exits, ordinals and back-off', () => {
    expect(exitReason({ code: 137, signal: null })).toBe('code 137');
    expect(exitReason({ code: null, signal: 'SIGKILL' })).toBe('signal SIGKILL');
    expect(exitReason({ code: 1, signal: null, reason: 'the server died' })).toBe('the server died');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoff(n, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
