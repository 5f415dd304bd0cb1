import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Declaration } from '@customs/domain';

/** What {@link startPacedLoad} gives the thread. */
export interface PacedLoadOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:41234`. */
  api: string;
  /** Bearer token of the ingest service account. */
  token: string;
  /** Declarations to send, cycled, each with a fresh id (`HL<k>X<j>X<source id>`). */
  sample: readonly Declaration[];
  /** Declarations per second aimed at. */
  declPerSec: number;
  /** Declarations per `POST /api/declarations/batch`. */
  batchSize: number;
}

/** A running background load: stop it to learn how many declarations it sent. */
export interface PacedLoad {
  /** Stops after the batch in flight; resolves with the declarations answered and the seconds it ran. */
  stop(): Promise<{ sent: number; seconds: number }>;
}

/**
 * The half-load background of `npm run bench` (issue 16): paced batches sent from a worker
 * thread, so that preparing, sending and reading them never delays the measuring client's own
 * round trips (a real ingest client is another process). Batch k leaves at `k * batchSize /
 * declPerSec` seconds, or at once when late.
 * @throws (from `stop`) Error naming the request that failed.
 */
export function startPacedLoad(options: PacedLoadOptions): PacedLoad {
  const worker = new Worker(__filename, { workerData: options });
  const done = new Promise<{ sent: number; seconds: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the paced-load thread exited with ${code} before answering`)));
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** The thread's loop (runs when this file is loaded as a worker). */
async function run(o: PacedLoadOptions): Promise<void> {
  let stop = false;
  parentPort!.on('message', () => (stop = true));
  const start = performance.now();
  let sent = 0;
  for (let k = 0; !stop; k++) {
    const wait = start + ((k * o.batchSize) / o.declPerSec) * 1000 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (stop) break;
    const declarations = Array.from({ length: o.batchSize }, (_, j) => {
      const source = o.sample[(k * o.batchSize + j) % o.sample.length];
      return { ...source, declarationId: `HL${k}X${j}X${source.declarationId}`.slice(0, 20) };
    });
    const res = await fetch(`${o.api}/api/declarations/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ declarations }),
    });
    if (res.status >= 300) throw new Error(`POST /api/declarations/batch: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    sent += o.batchSize;
  }
  parentPort!.postMessage({ sent, seconds: (performance.now() - start) / 1000 });
}

// In the thread: a failed request rejects here, and Node reports it to startPacedLoad as the thread's 'error'.
if (parentPort && workerData && (workerData as PacedLoadOptions).batchSize) void run(workerData as PacedLoadOptions);
