import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** How a {@link ServiceProcess} runs. */
export interface ServiceProcessOptions {
  /** The program run with the args (default: this Node.js). */
  command?: string;
  /** Receives everything the process writes (stdout and stderr), e.g. to show it prefixed. */
  onOutput?: (chunk: string) => void;
}

/**
 * One service as a child process that can be crashed (`kill9`) and started again on the same
 * data, for the fault-injection stacks (`e2e/support/fault-stack.ts`) and the cluster topology
 * (`startClusterStack`). `pid` is the process that a crash kills: the API or worker process itself,
 * the postmaster, the `temporal` binary (the last two run under `tools/stack/services.mjs`), or
 * a program spawned directly (`command`: the Temporal server, HAProxy).
 */
export class ServiceProcess {
  private proc: ChildProcess | null = null;
  private servicePid = 0;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  private tail: string[] = [];
  /** Exits nobody asked for (a crash of its own, not a `kill9` or `stop`). */
  unplannedExits = 0;
  private expectingExit = false;

  constructor(
    readonly name: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    /**
     * Resolves with the pid a crash kills once the freshly spawned process serves. Gets its
     * output so far and `live()`, which turns false when the attempt is over (exit, timeout).
     */
    private readonly ready: (output: () => string, proc: ChildProcess, live: () => boolean) => Promise<number>,
    private readonly options: ServiceProcessOptions = {},
  ) {}

  /** The pid a crash kills (see the class doc); 0 when not running. */
  get pid(): number {
    return this.proc ? this.servicePid : 0;
  }

  /** The recent output of the process, for diagnostics. */
  output(): string {
    return this.tail.join('');
  }

  /**
   * Spawns the process and waits until it serves.
   * @throws when it exits first or does not become ready within `timeoutMs`.
   */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.proc) throw new Error(`${this.name} is already running`);
    const proc = spawn(this.options.command ?? process.execPath, this.args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    this.expectingExit = false;
    let output = '';
    const keep = (d: Buffer) => {
      const s = d.toString();
      this.options.onOutput?.(s);
      output += s;
      this.tail.push(s);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`))),
    );
    exited.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} not ready within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`)), timeoutMs);
    });
    let over = false;
    const live = () => !over && proc.exitCode === null && proc.signalCode === null;
    try {
      this.servicePid = await Promise.race([this.ready(() => output, proc, live), exited, timeout]);
    } catch (err) {
      proc.kill('SIGKILL');
      this.proc = null;
      throw err;
    } finally {
      over = true;
      clearTimeout(timer);
    }
    proc.once('exit', () => {
      if (this.proc === proc) {
        if (!this.expectingExit) this.unplannedExits += 1;
        this.proc = null;
      }
    });
  }

  /** Resolves when the running process exits (at once when none runs), with its exit code or signal. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const proc = this.proc;
    return new Promise((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) resolve({ code: proc?.exitCode ?? null, signal: proc?.signalCode ?? null });
      else proc.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  /** True while the process runs. */
  get running(): boolean {
    return this.proc !== null;
  }

  /** SIGKILL to the service process (see the class doc); resolves when the process has gone. */
  async kill9(): Promise<void> {
    const proc = this.proc;
    if (!proc) throw new Error(`${this.name} is not running`);
    this.expectingExit = true;
    const gone = new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
    process.kill(this.servicePid, 'SIGKILL');
    await gone;
    this.proc = null;
  }

  /** Clean stop (SIGTERM, SIGKILL after 15 s). No-op when not running. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.expectingExit = true;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
    this.proc = null;
  }
}


/** A free TCP port on 127.0.0.1 (the OS's choice; free when asked, not reserved). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The readiness of a `tools/stack/services.mjs` command: resolves with the JSON of its
 * `ready {...}` line (`pid` is the server's own process).
 * @throws when `live()` turns false first.
 */
export async function serviceReady(output: () => string, live: () => boolean): Promise<{ pid: number; url?: string; address?: string }> {
  while (live()) {
    const line = output().split('\n').find((l) => l.startsWith('ready {'));
    if (line) return JSON.parse(line.slice('ready '.length));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting for the ready line');
}
