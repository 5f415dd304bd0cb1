/**
 * Criteria stage against the engines a customs IT team would pick instead (issue 16):
 * `npm run bench:peers` (tools/bench/peers/run.sh builds the harnesses, then runs this).
 * Not part of `npm test`. See tools/bench/peers/README.md.
 *
 * For each criteria count (1,000, 5,000, 10,000; env `PEERS_SIZES`), on the bundled 1,000 KCS
 * declarations and the criteria `npm run bench` generates (`generateCriteria(size, decls, 42)`):
 * 1. ours: `SelectivityEngine.evaluateNow` per declaration, measured as bench.ts does;
 * 2. OPA 1.22.4 (Go harness, prepared query) on the criteria translated to Rego (`to-rego.ts`);
 * 3. Drools 10.2.0 (Java harness, stateless session) on the criteria translated to DRL (`to-drl.ts`);
 * the peers read the facts our code extracts (`peer-facts.ts`), written once to a temp dir.
 * Differential check: each peer must fire exactly our criteria on every declaration; any
 * difference is printed (first few) and the run exits 1. The benchmark's sets fire rarely
 * (a few percent of declarations), so a translation check runs first: 300 random criteria
 * (`random-criteria.ts`: every operator, nested all/any/not, nulls, LOCAL scopes, validity
 * windows, DRAFT ones) that fire often, through the same translators and harnesses, untimed.
 *
 * Prints a table, then one JSON line (declarations per second):
 *   {"peers":{"1000":{"ours":A,"opa":B,"drools":C,"ratio":R},...},"identical":true}
 * where ratio = ours / the faster peer.
 * Environment: BENCH_SECONDS (minimum seconds per timed loop, default 2), PEERS_SIZES (comma
 * list), PEERS_CHECK (random criteria of the translation check, default 300, 0 skips it),
 * PEERS_WARMUP_SECONDS (minimum warm-up of each peer, default 10), PEERS_JAVA_OPTS (JVM options
 * of the Drools harness), PEERS_KEEP=1 keeps the temp dir.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Declaration } from '@customs/domain';
import { SelectivityCriterion } from '@customs/selectivity';
import { generateCriteria } from '../generate-criteria';
import { readLabelled, SAMPLE } from '../declarations';
import { describeDifference, FiredDifference, firedDifferences } from './differential';
import { assertHarnessesBuilt, PeerRun, runPeer } from './harnesses';
import { measureOurs, OursRun } from './ours';
import { randomCriteria } from './random-criteria';
import { peerFacts } from './peer-facts';
import { toDrl } from './to-drl';
import { toRego } from './to-rego';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
/**
 * Minimum warm-up of each peer harness, seconds (env `PEERS_WARMUP_SECONDS`, default 10, never
 * less than BENCH_SECONDS): the JVM needed about 5 s on 10,000 criteria here before Drools' rate
 * settled (2 s gave a quarter of it). Ours gets what bench.ts gives it: one pass.
 */
const WARMUP_SECONDS = Math.max(SECONDS, Number(process.env.PEERS_WARMUP_SECONDS ?? 10));
const SIZES = (process.env.PEERS_SIZES ?? '1000,5000,10000').split(',').map((s) => Number(s.trim()));
/** Minimum evaluations of each peer's timed loop. */
const MIN_EVALUATIONS = 1000;
/** Random criteria of the translation check run first (env `PEERS_CHECK`, 0 skips it). */
const CHECK = Number(process.env.PEERS_CHECK ?? 300);
/** Differences printed per engine and size. */
const SHOWN_DIFFERENCES = 10;

/** The figures of one criteria set. */
interface SetFigures {
  /** Criteria count (the random check's too). */
  size: number;
  ours: OursRun;
  opa: PeerRun;
  drools: PeerRun;
  regoRules: number;
  drlRules: number;
  /** Criteria fired per declaration (ours). */
  firedPerDecl: number;
  differences: FiredDifference[];
}

const round = (x: number) => Math.round(x);

/**
 * Runs the three engines on one criteria set, one after the other, and compares the fired keys.
 * @param name file-name stem of the translated policy and rules in `dir`
 */
async function measureSet(name: string, criteria: SelectivityCriterion[], dir: string, factsFile: string, declarations: Declaration[], seconds: number, warmupSeconds: number): Promise<SetFigures> {
  const ours = measureOurs(criteria, declarations, seconds);
  process.stderr.write(`peers: ${name}: ours ${round(ours.declPerSec)} decl/s\n`);

  const rego = toRego(criteria);
  const drl = toDrl(criteria);
  const policyFile = join(dir, `policy-${name}.rego`);
  const drlFile = join(dir, `rules-${name}.drl`);
  writeFileSync(policyFile, rego.module);
  writeFileSync(drlFile, drl.drl);

  const minEvaluations = seconds > 0 ? MIN_EVALUATIONS : 1;
  const opa = await runPeer('opa', { policyFile, factsFile, seconds, minEvaluations, warmupSeconds });
  const drools = await runPeer('drools', { policyFile: drlFile, factsFile, seconds, minEvaluations, warmupSeconds });

  const ids = declarations.map((d) => d.declarationId);
  const differences = [...firedDifferences('opa', ours.fired, opa.fired, ids), ...firedDifferences('drools', ours.fired, drools.fired, ids)];
  const firedPerDecl = ours.fired.reduce((s, f) => s + f.length, 0) / declarations.length;
  return { size: criteria.length, ours, opa, drools, regoRules: rego.rules, drlRules: drl.rules, firedPerDecl, differences };
}

/** ours / the faster peer. */
function ratio(r: SetFigures): number {
  return r.ours.declPerSec / Math.max(r.opa.declPerSec, r.drools.declPerSec);
}

function printTable(rows: SetFigures[], check: SetFigures | null, declarations: number): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`Criteria stage against OPA and Drools (declarations/s, one core each, KCS sample of ${declarations.toLocaleString('en')} declarations)`);
  console.log(`${pad('criteria', 9)} ${pad('ours decl/s', 12)} ${pad('OPA decl/s', 11)} ${pad('Drools decl/s', 14)} ${pad('ours / faster peer', 19)}`);
  for (const r of rows) {
    console.log(`${pad(r.size, 9)} ${pad(round(r.ours.declPerSec), 12)} ${pad(round(r.opa.declPerSec), 11)} ${pad(round(r.drools.declPerSec), 14)} ${pad(`${ratio(r).toFixed(2)}x`, 19)}`);
  }
  console.log('');
  console.log('Details (compile times are not part of the rates; evaluations = timed calls of ours / OPA / Drools)');
  for (const r of rows) {
    console.log(
      `${pad(r.size, 9)} criteria: ${r.firedPerDecl.toFixed(3)} fired/decl, ${r.differences.length} differences; ` +
        `ours from precomputed facts (evaluateFacts, as the peers get them) ${round(r.ours.fromFactsPerSec)} decl/s; ` +
        `ours compiled in ${r.ours.compileMs.toFixed(0)} ms; OPA ${r.regoRules} rule bodies prepared in ${r.opa.compileMs.toFixed(0)} ms; ` +
        `Drools ${r.drlRules} rules compiled in ${r.drools.compileMs.toFixed(0)} ms; evaluations ${r.ours.evaluations} / ${r.opa.evaluations} / ${r.drools.evaluations}`,
    );
  }
  if (check) {
    console.log(
      `Translation check: ${check.size} random criteria (every operator, nested all/any/not, nulls, LOCAL, validity windows, DRAFT), ` +
        `${check.firedPerDecl.toFixed(2)} fired/decl (ours), ${check.regoRules} Rego bodies, ${check.drlRules} DRL rules: ${check.differences.length} differences`,
    );
  }
  console.log('');
}

function printDifferences(label: string, r: SetFigures): void {
  for (const engine of ['opa', 'drools']) {
    const diffs = r.differences.filter((d) => d.engine === engine);
    if (diffs.length === 0) continue;
    console.log(`${label}: ${diffs.length} differences between ${engine} and ours; the first ${Math.min(diffs.length, SHOWN_DIFFERENCES)}:`);
    for (const d of diffs.slice(0, SHOWN_DIFFERENCES)) console.log(`  ${describeDifference(d)}`);
  }
}

async function main(): Promise<void> {
  assertHarnessesBuilt();
  const declarations = (await readLabelled(SAMPLE)).map((r) => r.declaration);
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  const factsFile = join(dir, 'facts.json');
  writeFileSync(factsFile, JSON.stringify(declarations.map(peerFacts)));
  process.stderr.write(`peers: ${declarations.length} declarations' facts, policies and rules in ${dir}\n`);

  const rows: SetFigures[] = [];
  let check: SetFigures | null = null;
  try {
    if (CHECK > 0) check = await measureSet(`check-${CHECK}`, randomCriteria(CHECK, declarations, 7), dir, factsFile, declarations, 0, 0);
    for (const size of SIZES) rows.push(await measureSet(String(size), generateCriteria(size, declarations, 42), dir, factsFile, declarations, SECONDS, WARMUP_SECONDS));
  } finally {
    if (process.env.PEERS_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }

  printTable(rows, check, declarations.length);
  if (check) printDifferences('translation check', check);
  for (const r of rows) printDifferences(`${r.size} criteria`, r);
  const identical = [...rows, ...(check ? [check] : [])].every((r) => r.differences.length === 0);
  const peers = Object.fromEntries(
    rows.map((r) => [
      String(r.size),
      { ours: round(r.ours.declPerSec), opa: round(r.opa.declPerSec), drools: round(r.drools.declPerSec), ratio: Math.round(ratio(r) * 100) / 100 },
    ]),
  );
  console.log(JSON.stringify({ peers, identical }));
  if (!identical) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
