import * as fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds of a process (from /proc/<pid>/stat) and of its children (Postgres's backends), live and reaped. */
export function cpuSeconds(pid: number): number {
  const ticks = (stat: string) => {
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  };
  let total = 0;
  try {
    const self = ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    total += self.own + self.reaped;
  } catch {
    return 0;
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const t = ticks(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (t.ppid === pid) total += t.own;
    } catch {
      // gone meanwhile
    }
  }
  return total / TICKS_PER_SECOND;
}

/**
 * Busy, total and stolen CPU seconds of the whole machine so far (from /proc/stat). `steal` is
 * time the hypervisor gave this virtual machine's CPUs to others (part of `busy`): on a shared
 * host it is what makes two runs of the same benchmark differ.
 */
export function machineCpuSeconds(): { busy: number; total: number; steal: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = f[3] + (f[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND, steal: (f[7] ?? 0) / TICKS_PER_SECOND };
}

/**
 * Parses `name=pid,name=pid` (as `npm run load` and `npm run bench` receive the stack's processes).
 * @throws Error naming an entry that is not `name=<positive integer>`.
 */
export function parsePidList(list: string): Array<{ name: string; pid: number }> {
  return list.split(',').filter((x) => x !== '').map((entry) => {
    const [name, pid] = entry.split('=');
    if (!name || !/^\d+$/.test(pid ?? '')) throw new Error(`process list entry "${entry}" is not name=pid`);
    return { name, pid: Number(pid) };
  });
}

/** CPU seconds spent since a {@link startCpuMeter} call. */
export interface CpuUsage {
  /** Each watched process (with its children, see {@link cpuSeconds}). */
  processes: Array<{ name: string; seconds: number }>;
  /** This process (user + system). */
  client: number;
  /** The whole machine: CPU seconds available (cores x seconds), busy, and stolen by the hypervisor. */
  machine: { total: number; busy: number; steal: number };
}

/**
 * Starts measuring the CPU time of the given processes, of this process and of the machine.
 * @returns a function that answers the CPU seconds spent since this call (callable more than once).
 */
export function startCpuMeter(processes: ReadonlyArray<{ name: string; pid: number }>): () => CpuUsage {
  const before = processes.map((p) => cpuSeconds(p.pid));
  const machineBefore = machineCpuSeconds();
  const clientBefore = process.cpuUsage();
  return () => {
    const machine = machineCpuSeconds();
    const client = process.cpuUsage(clientBefore);
    return {
      processes: processes.map((p, i) => ({ name: p.name, seconds: cpuSeconds(p.pid) - before[i] })),
      client: (client.user + client.system) / 1e6,
      machine: { total: machine.total - machineBefore.total, busy: machine.busy - machineBefore.busy, steal: machine.steal - machineBefore.steal },
    };
  };
}
