import { createHash } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import type { Declaration } from '@customs/domain';
import { getCaseState, inspectionCaseId, type InspectionCaseState } from '@customs/workflows/messages';
import { startFaultStack, type FaultStack } from './fault-stack';
import { RetryingClient } from './retrying-client';

/** What the fault-injection scenario is asked to do. */
export interface FaultScenarioOptions {
  /** The declarations to ingest (distinct ids). */
  declarations: readonly Declaration[];
  /** Kill rounds; each round kills the stack's kill targets in turn (kill -9, then restart): the worker, the API, Temporal and Postgres. */
  rounds: number;
  /** Starts the stack to run against (default `startFaultStack`, the development topology). */
  startStack?: () => Promise<FaultStack>;
  /** How long a killed service stays down before it is started again, ms (default 1000). */
  downtimeMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One kill -9 and restart. */
export interface KillRecord {
  service: string;
  /** Declarations acknowledged when the kill happened. */
  atDeclaration: number;
  /** From the kill until the restarted process served again, ms. */
  restartMs: number;
  /** From the kill until `GET /api/health` answered 200 again, ms. */
  healthyAfterMs: number;
}

/** The scenario's counts and every broken invariant (empty when all held). */
export interface FaultReport {
  counts: Record<string, number>;
  kills: KillRecord[];
  violations: string[];
}

/** The state the scripted officer drives a case to, chosen from its id so runs vary but are reproducible. */
type Target = 'ASSIGNED' | 'RESULT_RECORDED' | 'CLOSED';
const TARGETS: readonly Target[] = ['ASSIGNED', 'RESULT_RECORDED', 'CLOSED'];
const STEPS = ['assign', 'result', 'close'] as const;
type Step = (typeof STEPS)[number];
const EVENT_OF: Record<Step, string> = { assign: 'ASSIGNED', result: 'RESULT_RECORDED', close: 'CLOSED' };
/** Offices with demo officers, and the officer who works each one's queue. */
const OFFICERS: ReadonlyArray<{ officeId: string; officer: string }> = [
  { officeId: '40', officer: 'officer-40-01' },
  { officeId: '20', officer: 'officer-20-01' },
];
/** An officer's pause after each action (people are slower than scripts), so work queues up across the faults. */
const OFFICER_PAUSE_MS = 150;

interface CaseView {
  caseId: string;
  status: string;
  assigneeId: string | null;
  firedCriteria: Array<{ id: string; version: number }>;
}

interface Acted {
  officer: string;
  target: Target;
  /** Actions re-sent after a transient failure whose first attempt may have taken effect (the API has no idempotency key yet). */
  resentAssigns: number;
}

function targetOf(caseId: string): Target {
  return TARGETS[createHash('sha256').update(caseId).digest()[0] % TARGETS.length];
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fault-injection scenario (issue 7): on a stack of its own (`startFaultStack`), ingests
 * `declarations` in singles and batches through the API while a scripted officer per office
 * assigns, records results and closes the cases that appear (each case driven to a target
 * state derived from its id), and meanwhile kills -9 and restarts, in turn, the worker, the
 * API, the Temporal server and Postgres, `rounds` times. Every client retries transient
 * failures (connection refused, 5xx) with back-off; re-sending is safe because ingest is
 * idempotent on the declaration id. A case action re-sent after an ambiguous failure first
 * reads the case, and a 409 on a re-send counts as success when the case shows the action
 * happened (until case actions take an `Idempotency-Key`).
 *
 * Then checks: exactly one decision record per declaration, one case workflow (Temporal
 * visibility and a query per case) and one queue row per YELLOW/RED decision, every case in
 * the state it was driven to (workflow and projection agree, untouched cases QUEUED), and per
 * case the events 1..n without gaps in the expected order, the last one the workflow's own
 * sequence number.
 * @returns counts, kills, and the violations (empty when every invariant held).
 * @throws when the stack cannot start or a client gives up (a service never came back).
 */
export async function runFaultScenario(options: FaultScenarioOptions): Promise<FaultReport> {
  const log = options.log ?? (() => undefined);
  const downtimeMs = options.downtimeMs ?? 1000;
  const declarations = options.declarations;
  const violations: string[] = [];
  const t0 = Date.now();
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const stack = await (options.startStack ?? startFaultStack)();
  const KILL_ORDER = stack.killOrder;
  const ALL = Object.keys(stack.services);
  log(`${stamp()} stack up: API ${stack.baseUrl}, Temporal ${stack.temporalAddress}`);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  db.on('error', () => undefined); // idle clients die with Postgres; the pool reconnects
  // Loop flags and the loops themselves, outside the try so a failed run stops and awaits them
  // before it stops the stack (nothing restarts a service after that).
  let supervising = true;
  let officersStop = false;
  let aborted = false;
  const background: Array<Promise<unknown>> = [];
  try {
    const client = new RetryingClient(stack.baseUrl);
    const kills: KillRecord[] = [];
    const killCount = options.rounds * KILL_ORDER.length;
    const thresholds = Array.from({ length: killCount }, (_, i) => Math.floor(((i + 1) * declarations.length) / (killCount + 1)));
    const killDone = Array.from({ length: killCount }, deferred);
    const restarting = new Set<string>();
    let acknowledged = 0;
    let ingestDone = false;
    let casesStartedByResend = 0;
    const lanes = new Map<string, string>();

    // Ingest: singles and batches of 5-20, one request in flight, never past the next kill's
    // threshold before the previous kill's service is back (so every kill meets traffic).
    const ingest = async () => {
      let i = 0;
      let n = 0;
      while (i < declarations.length) {
        const triggered = thresholds.filter((t) => acknowledged >= t).length;
        for (let j = 0; j < triggered - 1; j++) await killDone[j].promise;
        const size = n % 4 === 0 ? 1 : 5 + ((n * 7) % 16);
        const chunk = declarations.slice(i, i + size);
        n += 1;
        const single = chunk.length === 1;
        type Outcome = { declarationId: string; lane: string; duplicate: boolean; caseStarted: boolean };
        const res = await client.send<Outcome & { results?: Outcome[] }>(
          'svc-ingest',
          'POST',
          single ? '/api/declarations' : '/api/declarations/batch',
          single ? chunk[0] : { declarations: chunk },
        );
        if (res.status !== 200 && res.status !== 201) {
          throw new Error(`ingest refused at declaration ${i}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
        }
        for (const r of single ? [res.body] : res.body.results!) {
          lanes.set(r.declarationId, r.lane);
          // Decided by an attempt that failed before its case start: only the re-send opened the case.
          if (r.duplicate && r.caseStarted) casesStartedByResend += 1;
        }
        i += chunk.length;
        acknowledged = i;
      }
      ingestDone = true;
      log(`${stamp()} ingest done: ${declarations.length} declarations acknowledged`);
    };

    const healthy = async () => fetch(`${stack.baseUrl}/api/health`, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);

    // Faults: kill -9 in turn, restart on the same data, wait until the API is healthy again.
    const inject = async () => {
      for (let k = 0; k < killCount; k++) {
        while (acknowledged < thresholds[k] && !ingestDone && !aborted) await sleep(20);
        if (aborted) return;
        const service = KILL_ORDER[k % KILL_ORDER.length];
        const proc = stack.services[service];
        // Kill while a case action is in flight too (when the officers have work), not only ingest.
        const busyBy = Date.now() + 5000;
        while (actionsInFlight === 0 && Date.now() < busyBy) await sleep(5);
        restarting.add(service);
        const killedAt = Date.now();
        const atDeclaration = acknowledged;
        log(`${stamp()} kill -9 ${service} (pid ${proc.pid}) at declaration ${atDeclaration}`);
        await proc.kill9();
        await sleep(downtimeMs);
        await proc.start();
        const restartMs = Date.now() - killedAt;
        restarting.delete(service);
        const healthyBy = Date.now() + 180_000;
        while (!(await healthy())) {
          if (Date.now() > healthyBy || aborted) throw new Error(`the API did not become healthy within 180 s of the ${service} kill`);
          await sleep(200);
        }
        const healthyAfterMs = Date.now() - killedAt;
        kills.push({ service, atDeclaration, restartMs, healthyAfterMs });
        log(`${stamp()} ${service} back: serving after ${restartMs} ms, API healthy after ${healthyAfterMs} ms`);
        killDone[k].resolve();
      }
    };

    // A supervisor, as a real deployment has: restarts a process that exits on its own.
    const supervise = async () => {
      while (supervising) {
        for (const service of ALL) {
          const proc = stack.services[service];
          if (!proc.running && !restarting.has(service)) {
            log(`${stamp()} ${service} exited on its own; restarting it:\n${proc.output().slice(-1500)}`);
            restarting.add(service);
            await proc.start().catch((err) => log(`${stamp()} restarting ${service} failed: ${(err as Error).message}`));
            restarting.delete(service);
          }
        }
        await sleep(250);
      }
    };

    // The scripted officers.
    const acted = new Map<string, Acted>();
    let actionsInFlight = 0;
    const actionCounts = { actions: 0, retried: 0, conflictAsSuccess: 0, settledOnRead: 0 };
    const readCase = async (officer: string, caseId: string) => {
      const r = await client.send<CaseView>(officer, 'GET', `/api/cases/${caseId}`, undefined, { kind: 'GET /api/cases/:id' });
      return r.status === 200 ? r.body : undefined;
    };
    const reached = (step: Step, officer: string, v: CaseView | undefined) =>
      !!v &&
      (step === 'assign'
        ? v.status !== 'QUEUED' && v.assigneeId === officer
        : step === 'result'
          ? v.status === 'RESULT_RECORDED' || v.status === 'CLOSED'
          : v.status === 'CLOSED');
    const act = async (officer: string, view: CaseView, step: Step, record: Acted) => {
      const caseId = view.caseId;
      const body =
        step === 'assign'
          ? { officerId: officer }
          : step === 'result'
            ? { outcome: 'NO_FINDING', findings: '', verdicts: view.firedCriteria.map((c) => ({ criterionId: c.id, appropriate: true })) }
            : {};
      actionCounts.actions += 1;
      let settledOnRead = false;
      const onRetry = async () => {
        // The earlier attempt may have taken effect: look before re-sending (twice, a moment
        // apart, so an update accepted just before the fault has time to reach the read model).
        for (let look = 0; look < 2; look++) {
          const v = await readCase(officer, caseId);
          if (reached(step, officer, v)) {
            settledOnRead = true;
            return { status: 200, body: {} as { message?: string } };
          }
          await sleep(500);
        }
        if (step === 'assign') record.resentAssigns += 1;
        return undefined;
      };
      actionsInFlight += 1;
      const res = await client
        .send<{ message?: string }>(officer, 'POST', `/api/cases/${caseId}/${step}`, body, { kind: `POST /api/cases/:id/${step}`, onRetry })
        .finally(() => (actionsInFlight -= 1));
      if (res.attempts > 1) actionCounts.retried += 1;
      if (settledOnRead) actionCounts.settledOnRead += 1;
      if (res.status === 200) return;
      if (res.status === 409 && res.attempts > 1 && reached(step, officer, await readCase(officer, caseId))) {
        actionCounts.conflictAsSuccess += 1;
        return;
      }
      violations.push(`${step} ${caseId} by ${officer}: HTTP ${res.status} after ${res.attempts} attempt(s): ${res.body?.message ?? ''}`);
    };
    const drive = async (officer: string, view: CaseView) => {
      const record: Acted = { officer, target: targetOf(view.caseId), resentAssigns: 0 };
      acted.set(view.caseId, record);
      for (const step of STEPS.slice(0, TARGETS.indexOf(record.target) + 1)) {
        await act(officer, view, step, record);
        await sleep(OFFICER_PAUSE_MS);
      }
    };
    const sweep = async ({ officer }: (typeof OFFICERS)[number]) => {
      const r = await client.send<{ cases: CaseView[] }>(officer, 'GET', '/api/cases?status=QUEUED&limit=50', undefined, { kind: 'GET /api/cases' });
      if (r.status !== 200) throw new Error(`queue of ${officer}: HTTP ${r.status}`);
      const fresh = r.body.cases.filter((c) => !acted.has(c.caseId));
      for (const c of fresh) await drive(officer, c);
      return fresh.length;
    };
    const officerLoop = async (o: (typeof OFFICERS)[number]) => {
      while (!officersStop) if ((await sweep(o)) === 0) await sleep(300);
      if (!aborted) while ((await sweep(o)) > 0); // final sweep once every case is projected
    };

    const supervisor = supervise();
    let officerError: Error | undefined;
    const officers = Promise.all(OFFICERS.map(officerLoop)).catch((err: Error) => {
      officerError = err;
    });
    const injecting = inject();
    background.push(supervisor, officers, injecting);
    await Promise.all([ingest(), injecting]);
    if (officerError) throw officerError;
    log(`${stamp()} ingest and faults done; waiting for every case to be projected`);

    const expectedCases = [...lanes].filter(([, lane]) => lane !== 'GREEN').map(([id]) => inspectionCaseId(id));
    await waitUntil('every YELLOW/RED case projected', 240_000, async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM inspection_case`);
      return rows[0].n >= expectedCases.length;
    }).catch((err) => violations.push((err as Error).message));
    officersStop = true;
    await officers;
    if (officerError) throw officerError;
    supervising = false;
    await supervisor;
    log(`${stamp()} officers done: ${acted.size} cases acted on; checking`);

    // ---- The checks ----
    const counts: Record<string, number> = {};
    counts.declarationsSent = declarations.length;
    counts.killRounds = options.rounds;
    counts.kills = kills.length;
    const decisions = (await db.query(`SELECT declaration_id, lane FROM decision_record`)).rows as Array<{ declaration_id: string; lane: string }>;
    counts.decisionRecords = decisions.length;
    const decisionIds = new Map<string, number>();
    for (const d of decisions) decisionIds.set(d.declaration_id, (decisionIds.get(d.declaration_id) ?? 0) + 1);
    counts.declarationsWithoutDecision = declarations.filter((d) => !decisionIds.has(d.declarationId)).length;
    counts.declarationsWithSeveralDecisions = [...decisionIds.values()].filter((n) => n > 1).length;
    counts.laneChangedOnResend = decisions.filter((d) => lanes.get(d.declaration_id) !== d.lane).length;
    const yellowRed = decisions.filter((d) => d.lane !== 'GREEN').map((d) => inspectionCaseId(d.declaration_id));
    counts.yellowRedDecisions = yellowRed.length;
    if (counts.decisionRecords !== declarations.length) violations.push(`${counts.decisionRecords} decision records for ${declarations.length} declarations`);
    if (counts.declarationsWithoutDecision) violations.push(`${counts.declarationsWithoutDecision} declarations without a decision record`);
    if (counts.declarationsWithSeveralDecisions) violations.push(`${counts.declarationsWithSeveralDecisions} declarations with several decision records`);
    if (counts.laneChangedOnResend) violations.push(`${counts.laneChangedOnResend} decisions whose stored lane differs from the one answered`);

    // Case workflows, from Temporal's visibility store (eventually consistent: wait for it).
    const query = `WorkflowType = 'inspectionCaseWorkflow'`;
    let executions: Array<{ workflowId: string; status: string }> = [];
    await waitUntil('Temporal visibility to list every case workflow', 60_000, async () => {
      executions = [];
      for await (const wf of temporal.workflow.list({ query })) executions.push({ workflowId: wf.workflowId, status: wf.status.name });
      return executions.length >= yellowRed.length;
    }).catch(() => undefined);
    counts.caseWorkflowsCounted = (await temporal.workflow.count(query)).count;
    counts.caseWorkflowsListed = executions.length;
    const runsPerCase = new Map<string, number>();
    for (const e of executions) runsPerCase.set(e.workflowId, (runsPerCase.get(e.workflowId) ?? 0) + 1);
    counts.casesWithSeveralWorkflows = [...runsPerCase.values()].filter((n) => n > 1).length;
    counts.yellowRedWithoutWorkflow = yellowRed.filter((id) => !runsPerCase.has(id)).length;
    counts.workflowsWithoutYellowRedDecision = [...runsPerCase.keys()].filter((id) => !yellowRed.includes(id)).length;
    if (counts.caseWorkflowsCounted !== yellowRed.length) violations.push(`${counts.caseWorkflowsCounted} case workflows counted for ${yellowRed.length} YELLOW/RED decisions`);
    for (const k of ['casesWithSeveralWorkflows', 'yellowRedWithoutWorkflow', 'workflowsWithoutYellowRedDecision']) {
      if (counts[k]) violations.push(`${k}: ${counts[k]}`);
    }

    // Queue rows (the read model).
    const rows = (await db.query(`SELECT case_id, status, assignee_id, last_seq FROM inspection_case`)).rows as Array<{ case_id: string; status: string; assignee_id: string | null; last_seq: number }>;
    counts.queueRows = rows.length;
    const rowOf = new Map(rows.map((r) => [r.case_id, r]));
    counts.yellowRedWithoutQueueRow = yellowRed.filter((id) => !rowOf.has(id)).length;
    counts.queueRowsWithoutYellowRedDecision = rows.filter((r) => !yellowRed.includes(r.case_id)).length;
    if (counts.queueRows !== yellowRed.length) violations.push(`${counts.queueRows} queue rows for ${yellowRed.length} YELLOW/RED decisions`);
    for (const k of ['yellowRedWithoutQueueRow', 'queueRowsWithoutYellowRedDecision']) if (counts[k]) violations.push(`${k}: ${counts[k]}`);

    // Every case where it was driven (or QUEUED when untouched), in the workflow and the read model.
    const events = (await db.query(`SELECT case_id, seq, type FROM case_event ORDER BY case_id, seq`)).rows as Array<{ case_id: string; seq: number; type: string }>;
    const eventsOf = new Map<string, Array<{ seq: number; type: string }>>();
    for (const e of events) eventsOf.set(e.case_id, [...(eventsOf.get(e.case_id) ?? []), { seq: e.seq, type: e.type }]);
    counts.caseEvents = events.length;
    counts.casesActedOn = acted.size;
    for (const t of TARGETS) counts[`drivenTo${t}`] = [...acted.values()].filter((a) => a.target === t).length;
    counts.casesAtTarget = 0;
    counts.casesStuck = 0;
    counts.untouchedCasesQueued = 0;
    counts.casesWithEventGaps = 0;
    counts.casesWithUnexpectedEvents = 0;
    counts.extraAssignedFromResentAssign = 0;
    for (const caseId of yellowRed) {
      const record = acted.get(caseId);
      const expected = record ? record.target : 'QUEUED';
      let state: InspectionCaseState | undefined;
      try {
        state = await temporal.workflow.getHandle(caseId).query(getCaseState);
      } catch (err) {
        violations.push(`${caseId}: workflow query failed: ${(err as Error).message}`);
      }
      const row = rowOf.get(caseId);
      const ok = state?.status === expected && row?.status === expected && (!record || (state?.assigneeId === record.officer && row?.assignee_id === record.officer));
      if (ok && record) counts.casesAtTarget += 1;
      if (ok && !record) counts.untouchedCasesQueued += 1;
      if (!ok) {
        counts.casesStuck += 1;
        violations.push(`${caseId}: expected ${expected}${record ? ` (driven by ${record.officer})` : ''}, workflow ${state?.status}/${state?.assigneeId}, queue row ${row?.status}/${row?.assignee_id}`);
      }
      const evs = eventsOf.get(caseId) ?? [];
      if (evs.some((e, i) => e.seq !== i + 1) || evs.length !== state?.seq || row?.last_seq !== evs.length) {
        counts.casesWithEventGaps += 1;
        violations.push(`${caseId}: event seqs [${evs.map((e) => e.seq)}], workflow seq ${state?.seq}, queue row last_seq ${row?.last_seq}`);
      }
      const wanted = ['OPENED', ...STEPS.slice(0, record ? TARGETS.indexOf(record.target) + 1 : 0).map((s) => EVENT_OF[s])];
      let types = evs.map((e) => e.type);
      if (record && record.resentAssigns > 0) {
        // An assign re-sent after an ambiguous failure may legitimately have been applied twice
        // (a reassignment to the same officer) until case actions take an Idempotency-Key.
        const collapsed = types.filter((t, i) => !(t === 'ASSIGNED' && types[i - 1] === 'ASSIGNED'));
        counts.extraAssignedFromResentAssign += types.length - collapsed.length;
        types = collapsed;
      }
      if (types.join(',') !== wanted.join(',')) {
        counts.casesWithUnexpectedEvents += 1;
        violations.push(`${caseId}: events ${types.join(',')}, expected ${wanted.join(',')}`);
      }
    }
    counts.caseActions = actionCounts.actions;
    counts.caseActionsRetried = actionCounts.retried;
    counts.caseActionsSettledByReadingBeforeResend = actionCounts.settledOnRead;
    counts.caseActions409OnResendTreatedAsSuccess = actionCounts.conflictAsSuccess;
    counts.casesOpenedOnlyByResend = casesStartedByResend;
    counts.ingestRetries = (client.retries.get('POST /api/declarations') ?? 0) + (client.retries.get('POST /api/declarations/batch') ?? 0);
    counts.clientRetriesTotal = client.totalRetries;
    counts.unplannedExits = ALL.reduce((n, s) => n + stack.services[s].unplannedExits, 0);
    for (const s of ALL) counts[`unplannedExits_${s}`] = stack.services[s].unplannedExits;
    counts.seconds = Math.round((Date.now() - t0) / 1000);
    return { counts, kills, violations };
  } finally {
    supervising = false;
    officersStop = true;
    aborted = true;
    await Promise.allSettled(background);
    await connection.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await stack.stop();
  }
}

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

/** The report as printable lines: the counts, then the kills, then the violations. */
export function formatFaultReport(report: FaultReport): string {
  const lines = ['fault injection: counts'];
  for (const [k, v] of Object.entries(report.counts)) lines.push(`  ${k.padEnd(44)} ${v}`);
  lines.push('fault injection: kills (kill -9, restart on the same data)');
  for (const k of report.kills) {
    lines.push(`  ${k.service.padEnd(9)} at declaration ${String(k.atDeclaration).padStart(5)}: serving again after ${k.restartMs} ms, API healthy after ${k.healthyAfterMs} ms`);
  }
  lines.push(`fault injection: ${report.violations.length} violation(s)`);
  for (const v of report.violations.slice(0, 50)) lines.push(`  ${v}`);
  return lines.join('\n');
}

