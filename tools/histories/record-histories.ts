/**
 * Records the Temporal histories that the replay test (`workflows/src/replay.spec.ts`) runs
 * against the current workflow code, into `e2e/histories/<name>.json` (`historyToJSON`).
 *
 *   node -r @swc-node/register tools/histories/record-histories.ts [name ...]
 *
 * Starts its own Temporal dev server (the project's `temporal` binary) and a worker with the
 * projection activities replaced by no-ops, drives each scenario below to its end (timers
 * shortened to seconds), and writes the history. Needs no PostgreSQL. Takes about 15 s.
 *
 * When to run it: after releasing a workflow change, record the new shape *in addition* to the
 * old files (commit new names; never overwrite a history of released code, it is what proves
 * that running cases still replay). Histories are named `<workflow>-<scenario>[-<release>].json`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { inspectionCaseWorkflow, riskCaseWorkflow } from '@customs/workflows';
import { WORKFLOWS_PATH } from '@customs/workflows/path';
import {
  adjustWindow, assessRiskCase, assignCase, closeCase, closeRiskCase, criterionApproved, getCaseState, getRiskCaseState,
  inspectionReported, linkCriterion, recordResult, reportLinked, type InspectionCaseInput, type RiskCaseInput,
} from '@customs/workflows/messages';
import { temporalBin } from '../stack/temporal-bin.cjs';

const OUT_DIR = path.resolve(__dirname, '../../e2e/histories');
const TASK_QUEUE = 'record-histories';
const scores = { timeliness: 5, importance: 5, applicability: 4, accuracy: 4, reliability: 4, influence: 5 };

const riskInput = (id: string): RiskCaseInput => ({
  riskCaseId: id,
  reportId: `${id}-r1`,
  riskArea: 'SMUGGLING',
  smugglingSubtype: 'WEAPONS',
  subjectKeys: ['importerId:IMP001'],
  routing: { route: 'CBTC', officeIds: [], ruleId: 'RT-CBTC-SECURITY', reason: 'national security and weapons go to the CBTC desk' },
  reportedBy: 'analyst-kim',
  defaultWindowMs: 15 * 24 * 60 * 60 * 1000,
});

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Scenarios: each drives one workflow to its end and returns its handle, or the handles of each
 * of its runs (continue-as-new), recorded as `<name>-run<k>.json`.
 */
const SCENARIOS: Record<string, (client: Client) => Promise<WorkflowHandle | WorkflowHandle[]>> = {
  /** Every state, the duplicate-report signal, both inspection signals (re-delivered), the window timer firing. */
  'risk-case-full-lifecycle': async (client) => {
    const i = riskInput('risk-case-replay-full');
    const h = await client.workflow.start(riskCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.riskCaseId, args: [i] });
    await h.signal(reportLinked, { reportId: `${i.riskCaseId}-r2`, subjectKeys: ['declarantId:DCL9'], actor: 'analyst-lee' });
    await h.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'TARGET', note: 'credible', actor: 'analyst-kim' }] });
    await h.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-WPN-900', version: 1, windowMs: 3000, actor: 'analyst-kim' }] });
    await h.executeUpdate(criterionApproved, { args: [{ criterionId: 'CEN-WPN-900', version: 1, actor: 'analyst-lee' }] });
    const sel = { kind: 'SELECTED' as const, inspectionCaseId: 'inspection-case-D1', declarationId: 'D1', criterionIds: ['CEN-WPN-900'], lane: 'RED' };
    await h.signal(inspectionReported, sel);
    await h.signal(inspectionReported, sel);
    await h.signal(inspectionReported, { ...sel, kind: 'RESULT', outcome: 'SEIZURE', verdicts: [{ criterionId: 'CEN-WPN-900', appropriate: true, note: 'pistols' }] });
    await until('FEEDBACK after the window timer', () => h.query(getRiskCaseState), (s) => s.status === 'FEEDBACK');
    await h.executeUpdate(closeRiskCase, { args: [{ note: 'criterion worked; retire', actor: 'analyst-kim' }] });
    await h.result();
    return h;
  },
  /** SHARE, a local criterion, EXTEND, END early, a revision re-activating from FEEDBACK, END, close. */
  'risk-case-share-revise': async (client) => {
    const i = riskInput('risk-case-replay-share');
    const h = await client.workflow.start(riskCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.riskCaseId, args: [i] });
    await h.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'SHARE', shareWith: ['40', '20'], actor: 'analyst-kim' }] });
    await h.executeUpdate(linkCriterion, { args: [{ criterionId: 'LOC-40-900', version: 1, actor: 'supervisor-40' }] });
    await h.executeUpdate(criterionApproved, { args: [{ criterionId: 'LOC-40-900', version: 1, actor: 'analyst-kim' }] });
    await h.executeUpdate(adjustWindow, { args: [{ action: 'EXTEND', extendMs: 86_400_000, actor: 'analyst-kim' }] });
    await h.executeUpdate(adjustWindow, { args: [{ action: 'END', actor: 'analyst-kim' }] });
    await h.executeUpdate(linkCriterion, { args: [{ criterionId: 'LOC-40-900', version: 2, windowMs: 60_000, actor: 'supervisor-40' }] });
    await h.executeUpdate(criterionApproved, { args: [{ criterionId: 'LOC-40-900', version: 2, actor: 'analyst-kim' }] });
    await h.executeUpdate(adjustWindow, { args: [{ action: 'END', actor: 'analyst-kim' }] });
    await h.executeUpdate(closeRiskCase, { args: [{ note: 'revised once; retire', actor: 'analyst-kim' }] });
    await h.result();
    return h;
  },
  /**
   * Bounded history: 4 events per run, so the case continues as new twice (after CRITERION_LINKED,
   * after INSPECTION_RESULT) and its window timer, carried into the third run, moves it to FEEDBACK.
   */
  'risk-case-continued-as-new': async (client) => {
    const i = { ...riskInput('risk-case-replay-continued'), eventsPerRun: 4 };
    const h = await client.workflow.start(riskCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.riskCaseId, args: [i] });
    await h.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'TARGET', actor: 'analyst-kim' }] });
    await h.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-WPN-903', version: 1, windowMs: 3000, actor: 'analyst-kim' }] });
    await until('the first continue-as-new', () => h.query(getRiskCaseState), (s) => s.seq === 4);
    await h.executeUpdate(criterionApproved, { args: [{ criterionId: 'CEN-WPN-903', version: 1, actor: 'analyst-lee' }] });
    const sel = { kind: 'SELECTED' as const, inspectionCaseId: 'inspection-case-D3', declarationId: 'D3', criterionIds: ['CEN-WPN-903'], lane: 'RED' };
    await h.signal(inspectionReported, sel);
    await h.signal(inspectionReported, { ...sel, kind: 'RESULT', outcome: 'NO_FINDING', verdicts: [] });
    await until('FEEDBACK after the carried window timer', () => h.query(getRiskCaseState), (s) => s.status === 'FEEDBACK');
    await h.executeUpdate(closeRiskCase, { args: [{ note: 'no finding; retire', actor: 'analyst-kim' }] });
    await h.result();
    const runs: string[] = [];
    for await (const w of client.workflow.list({ query: `WorkflowId = '${i.riskCaseId}'` })) runs.push(w.runId);
    const handles = [];
    for (const runId of runs.reverse()) handles.push(client.workflow.getHandle(i.riskCaseId, runId));
    return handles;
  },
  /** Assessed and dismissed. */
  'risk-case-dismissed': async (client) => {
    const i = riskInput('risk-case-replay-dismissed');
    const h = await client.workflow.start(riskCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.riskCaseId, args: [i] });
    await h.executeUpdate(assessRiskCase, { args: [{ scores: { ...scores, importance: 1, influence: 1 }, decision: 'DISMISS', actor: 'analyst-kim' }] });
    await h.result();
    return h;
  },
  /** QUEUED -> (escalation timer) -> ASSIGNED -> reassigned -> RESULT_RECORDED -> CLOSED. */
  'inspection-case-full-lifecycle': async (client) => {
    const i: InspectionCaseInput = {
      caseId: 'inspection-case-REPLAY0001', declarationId: 'REPLAY0001', officeId: '40', lane: 'RED', riskScore: 0.97,
      controlSample: false, firedCriteria: [{ id: 'CEN-WPN-001', version: 1 }], escalateAfterMs: 1500,
    };
    const h = await client.workflow.start(inspectionCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.caseId, args: [i] });
    await until('the escalation', () => h.query(getCaseState), (s) => s.escalated);
    await h.executeUpdate(assignCase, { args: [{ officerId: 'officer-40-01', actor: 'supervisor-40' }] });
    await h.executeUpdate(assignCase, { args: [{ officerId: 'officer-40-02', actor: 'supervisor-40' }] });
    await h.executeUpdate(recordResult, {
      args: [{ outcome: 'SEIZURE', findings: '2 pistols', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true, note: 'right call' }], actor: 'officer-40-02' }],
    });
    await h.executeUpdate(closeCase, { args: [{ actor: 'officer-40-02' }] });
    await h.result();
    return h;
  },
  /** Assigned, assigned again to the same officer (a no-op since the `no-op-reassignment` patch), result, closed. */
  'inspection-case-reassign-same-officer': async (client) => {
    const i: InspectionCaseInput = {
      caseId: 'inspection-case-REPLAY0002', declarationId: 'REPLAY0002', officeId: '40', lane: 'YELLOW', riskScore: 0.61,
      controlSample: false, firedCriteria: [], escalateAfterMs: 3_600_000,
    };
    const h = await client.workflow.start(inspectionCaseWorkflow, { taskQueue: TASK_QUEUE, workflowId: i.caseId, args: [i] });
    await h.executeUpdate(assignCase, { args: [{ officerId: 'officer-40-01', actor: 'supervisor-40' }] });
    await h.executeUpdate(assignCase, { args: [{ officerId: 'officer-40-01', actor: 'officer-40-01' }] });
    await h.executeUpdate(recordResult, { args: [{ outcome: 'NO_FINDING', findings: '', verdicts: [], actor: 'officer-40-01' }] });
    await h.executeUpdate(closeCase, { args: [{ actor: 'officer-40-01' }] });
    await h.result();
    return h;
  },
};

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const chosen = names.length > 0 ? names : Object.keys(SCENARIOS);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: temporalBin() }, ip: '127.0.0.1' } });
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      activities: { projectCaseEvent: async () => undefined, projectRiskCaseEvent: async () => undefined },
    });
    await worker.runUntil(async () => {
      for (const name of chosen) {
        const t0 = Date.now();
        const result = await SCENARIOS[name](env.client);
        const runs = Array.isArray(result) ? result.map((h, k) => [`${name}-run${k + 1}`, h] as const) : [[name, result] as const];
        for (const [file, handle] of runs) {
          const history = await handle.fetchHistory();
          const out = path.join(OUT_DIR, `${file}.json`);
          fs.writeFileSync(out, historyToJSON(history) + '\n');
          console.log(`${path.relative(process.cwd(), out)}: ${history.events?.length ?? 0} events, ${Date.now() - t0} ms`);
        }
      }
    });
  } finally {
    await env.teardown();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
