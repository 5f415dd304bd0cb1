import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** The OPA harness binary (built by `build.sh` from tools/bench/peers/opa). */
export const OPA_BINARY = join(ROOT, 'tmp/bench-peers/peers-opa');
/** The Drools harness fat jar (built by `build.sh` from tools/bench/peers/drools). */
export const DROOLS_JAR = join(ROOT, 'tools/bench/peers/drools/target/peers-drools.jar');
/** JVM options of the Drools harness (env `PEERS_JAVA_OPTS` replaces them): heap for 10,000+ rules. */
export const JAVA_OPTS = (process.env.PEERS_JAVA_OPTS ?? '-Xms2g -Xmx4g').split(/\s+/).filter((x) => x !== '');

/** What a peer harness prints (one JSON line on stdout). */
export interface PeerRun {
  /** Declarations per second of the timed loop. */
  declPerSec: number;
  /** Evaluations in the timed loop. */
  evaluations: number;
  /** Milliseconds to compile the policy / rules (not part of the rate). */
  compileMs: number;
  /** Per declaration (facts file order), the fired criterion keys, sorted. */
  fired: string[][];
}

/** The files one peer run reads. */
export interface PeerInputs {
  /** The translated policy: a Rego module for OPA, a DRL file for Drools. */
  policyFile: string;
  /** JSON array of per-declaration facts (see `peer-facts.ts`). */
  factsFile: string;
  /** Minimum seconds of the timed loop. */
  seconds: number;
  /** Minimum seconds of the warm-up (untimed; at least two passes over the declarations too). */
  warmupSeconds: number;
  /** Minimum evaluations of the timed loop. */
  minEvaluations: number;
}

/** The command line of a peer harness. */
export function peerCommand(engine: 'opa' | 'drools', p: PeerInputs): { cmd: string; args: string[] } {
  if (engine === 'opa') {
    return { cmd: OPA_BINARY, args: ['-policy', p.policyFile, '-facts', p.factsFile, '-seconds', String(p.seconds), '-min', String(p.minEvaluations), '-warmup', String(p.warmupSeconds)] };
  }
  return { cmd: 'java', args: [...JAVA_OPTS, '-jar', DROOLS_JAR, p.policyFile, p.factsFile, String(p.seconds), String(p.minEvaluations), String(p.warmupSeconds)] };
}

/** Throws unless both harnesses are built (`build.sh` builds them; `npm run bench:peers` runs it first). */
export function assertHarnessesBuilt(): void {
  for (const f of [OPA_BINARY, DROOLS_JAR]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run bench:peers\` (tools/bench/peers/run.sh builds the harnesses)`);
  }
}

/**
 * Runs one peer harness as a child process (its progress goes to our stderr) and parses the
 * JSON line it prints last.
 * @throws Error when it exits non-zero or prints no JSON line
 */
export function runPeer(engine: 'opa' | 'drools', inputs: PeerInputs): Promise<PeerRun> {
  const { cmd, args } = peerCommand(engine, inputs);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`${engine} harness exited with status ${code}`));
      const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
      try {
        resolve(JSON.parse(lines[lines.length - 1]) as PeerRun);
      } catch (e) {
        reject(new Error(`${engine} harness printed no JSON line: ${(e as Error).message}`));
      }
    });
  });
}
