import { allHandlersFinished, condition, continueAsNew, patched, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { INSPECTION_OUTCOMES } from '../inspection-case/inspection-case.messages';
import { PROJECTION_ACTIVITY_OPTIONS } from '../shared/projection-options';
import { illegal, invalid, requireText } from '../shared/update-failures';
import {
  adjustWindow,
  ASSESSMENT_DECISIONS,
  ASSESSMENT_FACTORS,
  assessRisk,
  assessRiskCase,
  closeRiskCase,
  criterionApproved,
  getRiskCaseState,
  inspectionReported,
  linkCriterion,
  reportLinked,
  RISK_CASE_EVENTS_PER_RUN,
  TERMINAL_RISK_CASE_STATUSES,
  type AssessRiskCaseInput,
  type CriterionFeedback,
  type InspectionReport,
  type RiskCaseActivities,
  type RiskCaseEvent,
  type RiskCaseEventType,
  type RiskCaseInput,
  type RiskCaseState,
} from './risk-case.messages';

const { projectRiskCaseEvent } = proxyLocalActivities<RiskCaseActivities>(PROJECTION_ACTIVITY_OPTIONS);

/** Longest window one approval or extension may set: a year. */
const MAX_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * One risk case per piece of intelligence (workflow id `risk-case-<key>`), running for weeks.
 *
 * States: IDENTIFIED -> ASSESSED -> TARGETING -> ACTIVE -> FEEDBACK -> CLOSED, or DISMISSED.
 * Updates (validators refuse illegal moves before they touch history):
 * - `assessRiskCase` in IDENTIFIED: six factors 1-5 -> composite and risk level; DISMISS ends the
 *   case (DISMISSED), SHARE stays ASSESSED shared with offices, TARGET moves to TARGETING;
 * - `linkCriterion` in ASSESSED (shared), TARGETING, ACTIVE, FEEDBACK (a revision); ASSESSED -> TARGETING;
 * - `criterionApproved` for a linked, unapproved version: TARGETING / FEEDBACK -> ACTIVE, window (re)starts;
 *   for a retiring version (linked with `retires`, in ACTIVE or FEEDBACK) it only records CRITERION_RETIRED;
 * - `adjustWindow` in ACTIVE: EXTEND the window, or END it now (-> FEEDBACK);
 * - `closeRiskCase` in FEEDBACK.
 * Signals: `inspectionReported` (selections and results of linked criteria, once per inspection
 * case and kind), `reportLinked` (duplicate reports). Query: `getRiskCaseState`.
 * Timer: the validity window; when it runs out the case moves ACTIVE -> FEEDBACK.
 * Bounded history: after `eventsPerRun` events (default `RISK_CASE_EVENTS_PER_RUN`) a run waits
 * for its projections and handlers, then continues as new carrying its state and window end
 * (`resume`); the workflow id stays, so the API's updates, signals and queries reach the new run.
 * Every transition is projected by the idempotent local activity `projectRiskCaseEvent`.
 * Returns the final state (CLOSED or DISMISSED).
 *
 * Versioning: risk cases run for weeks, so code released while cases are open must replay their
 * histories unchanged. Any change to what this workflow does (commands, timers, local activity
 * calls, their order, handler effects) after release goes behind `patched('<change-id>')` from
 * `@temporalio/workflow` (old branch kept until no open case predates it, then
 * `deprecatePatch`); record a history of the new shape with `tools/histories/record-histories.ts`
 * and keep the old files: `workflows/src/replay.spec.ts` replays every one of them.
 */
export async function riskCaseWorkflow(input: RiskCaseInput): Promise<RiskCaseState> {
  const { resume, ...carried } = input;
  const state: RiskCaseState = resume ? (JSON.parse(JSON.stringify(resume.state)) as RiskCaseState) : {
    riskCaseId: input.riskCaseId,
    status: 'IDENTIFIED',
    riskArea: input.riskArea,
    smugglingSubtype: input.smugglingSubtype,
    routing: input.routing,
    reportIds: [input.reportId],
    subjectKeys: [...input.subjectKeys],
    assessment: null,
    sharedWith: [],
    criteria: [],
    windowEndsAt: null,
    inspections: [],
    feedback: [],
    closingNote: null,
    seq: 0,
  };
  /** Epoch ms the window ends while ACTIVE (workflow time). */
  let windowEndsMs = resume?.windowEndsMs ?? 0;
  const seqAtStart = state.seq;

  let projecting: Promise<void> = Promise.resolve();
  const emit = (type: RiskCaseEventType, actor: string, payload: Record<string, unknown>) => {
    state.seq += 1;
    const event: RiskCaseEvent = { riskCaseId: state.riskCaseId, seq: state.seq, type, actor, payload, state: snapshot() };
    projecting = projecting.then(() => projectRiskCaseEvent(event));
    return projecting;
  };
  const snapshot = (): RiskCaseState => JSON.parse(JSON.stringify(state));
  const terminal = () => TERMINAL_RISK_CASE_STATUSES.includes(state.status);
  const startWindow = (ms: number) => {
    windowEndsMs = Date.now() + ms;
    state.windowEndsAt = new Date(windowEndsMs).toISOString();
  };

  // IDENTIFIED must be seq 1. An update that reaches a new case before its first workflow task
  // completed (a worker killed mid-task) is dispatched as soon as its handler is set, so the
  // first event is emitted before any handler exists. (patched: histories recorded before this
  // change emitted it after the handlers.)
  const identifiedFirst = patched('opening-event-before-handlers');
  const identify = () => emit('IDENTIFIED', input.reportedBy, { reportId: input.reportId, routing: input.routing });
  // A continued run was identified by its first run.
  const identifying = resume ? Promise.resolve() : identifiedFirst ? identify() : undefined;
  // Bounded history (patched: histories recorded before it never continue as new).
  const bounded = patched('continue-as-new-bounded-history');
  const runIsFull = () => bounded && state.seq - seqAtStart >= (input.eventsPerRun ?? RISK_CASE_EVENTS_PER_RUN);

  setHandler(getRiskCaseState, () => state);

  setHandler(
    assessRiskCase,
    async (a: AssessRiskCaseInput) => {
      const { composite, riskLevel } = assessRisk(a.scores);
      state.assessment = { scores: { ...a.scores }, decision: a.decision, shareWith: a.shareWith ?? [], note: a.note ?? '', actor: a.actor, composite, riskLevel };
      state.status = a.decision === 'DISMISS' ? 'DISMISSED' : a.decision === 'TARGET' ? 'TARGETING' : 'ASSESSED';
      if (a.decision === 'SHARE') state.sharedWith = [...new Set(a.shareWith ?? [])].sort();
      const next = a.decision === 'DISMISS' ? 'DISMISSED' : a.decision === 'SHARE' ? 'SHARED' : 'TARGETING';
      await emit('ASSESSED', a.actor, { scores: a.scores, composite, riskLevel, decision: a.decision, note: a.note ?? '' });
      await emit(next, a.actor, a.decision === 'SHARE' ? { officeIds: state.sharedWith } : {});
      return snapshot();
    },
    {
      validator: (a: AssessRiskCaseInput) => {
        requireText('actor', a?.actor, 64);
        if (state.status !== 'IDENTIFIED') throw illegal(`cannot assess a risk case in status ${state.status}: it is assessed once, when IDENTIFIED`);
        for (const f of ASSESSMENT_FACTORS) {
          const v = a.scores?.[f];
          if (!Number.isInteger(v) || v < 1 || v > 5) throw invalid(`scores.${f} must be a whole number from 1 to 5`);
        }
        if (!ASSESSMENT_DECISIONS.includes(a.decision)) throw invalid(`decision must be one of ${ASSESSMENT_DECISIONS.join(', ')}`);
        if (a.decision === 'SHARE' && !(Array.isArray(a.shareWith) && a.shareWith.length > 0)) {
          throw invalid('shareWith must name at least one office when the decision is SHARE');
        }
        if (a.note !== undefined && (typeof a.note !== 'string' || a.note.length > 4000)) throw invalid('note must be a text of at most 4000 characters');
      },
    },
  );

  setHandler(
    linkCriterion,
    async (l) => {
      state.criteria.push({
        criterionId: l.criterionId, version: l.version, windowMs: l.windowMs ?? input.defaultWindowMs, approved: false, approvedBy: null,
        ...(l.retires ? { retires: true } : {}),
      });
      if (!state.feedback.some((f) => f.criterionId === l.criterionId)) state.feedback.push(emptyFeedback(l.criterionId));
      const wasAssessed = state.status === 'ASSESSED';
      if (wasAssessed) state.status = 'TARGETING';
      await emit('CRITERION_LINKED', l.actor, {
        criterionId: l.criterionId, version: l.version, windowMs: l.windowMs ?? input.defaultWindowMs, ...(l.retires ? { retires: true } : {}),
      });
      if (wasAssessed) await emit('TARGETING', l.actor, {});
      return snapshot();
    },
    {
      validator: (l) => {
        requireText('actor', l?.actor, 64);
        requireText('criterionId', l?.criterionId, 40);
        if (!['ASSESSED', 'TARGETING', 'ACTIVE', 'FEEDBACK'].includes(state.status)) {
          throw illegal(`cannot link a criterion to a risk case in status ${state.status}: assess it (TARGET or SHARE) first`);
        }
        if (!Number.isInteger(l.version) || l.version < 1) throw invalid('version must be a whole number >= 1');
        if (l.windowMs !== undefined && !(Number.isInteger(l.windowMs) && l.windowMs > 0 && l.windowMs <= MAX_WINDOW_MS)) {
          throw invalid('windowMs must be a positive whole number of milliseconds of at most a year');
        }
        if (l.retires && !['ACTIVE', 'FEEDBACK'].includes(state.status)) {
          throw illegal(`a criterion can be retired from an ACTIVE or FEEDBACK risk case, not ${state.status}`);
        }
        if (l.retires && !state.criteria.some((c) => c.criterionId === l.criterionId && c.approved && !c.retires)) {
          throw invalid(`${l.criterionId} is not a criterion in force from this risk case, so it cannot be retired here`);
        }
        if (state.criteria.some((c) => c.criterionId === l.criterionId && c.version === l.version)) {
          throw invalid(`${l.criterionId} v${l.version} is already linked to this risk case`);
        }
      },
    },
  );

  setHandler(
    criterionApproved,
    async (a) => {
      const link = state.criteria.find((c) => c.criterionId === a.criterionId && c.version === a.version)!;
      link.approved = true;
      link.approvedBy = a.actor;
      if (link.retires) {
        // A retiring version ends the criterion; the case keeps its status and window.
        await emit('CRITERION_RETIRED', a.actor, { criterionId: a.criterionId, version: a.version });
        return snapshot();
      }
      const activate = state.status !== 'ACTIVE';
      state.status = 'ACTIVE';
      startWindow(link.windowMs);
      await emit('CRITERION_APPROVED', a.actor, { criterionId: a.criterionId, version: a.version });
      await emit(activate ? 'ACTIVATED' : 'WINDOW_EXTENDED', a.actor, { windowEndsAt: state.windowEndsAt });
      return snapshot();
    },
    {
      validator: (a) => {
        requireText('actor', a?.actor, 64);
        if (!['TARGETING', 'ACTIVE', 'FEEDBACK'].includes(state.status)) throw illegal(`a risk case in status ${state.status} has no criterion awaiting approval`);
        const link = state.criteria.find((c) => c.criterionId === a.criterionId && c.version === a.version);
        if (!link) throw invalid(`${a.criterionId} v${a.version} is not linked to this risk case`);
        if (link.approved) throw illegal(`${a.criterionId} v${a.version} is already approved`);
      },
    },
  );

  setHandler(
    adjustWindow,
    async (w) => {
      if (w.action === 'END') {
        state.status = 'FEEDBACK';
        state.windowEndsAt = new Date(Date.now()).toISOString();
        await emit('WINDOW_ENDED', w.actor, { early: true });
      } else {
        windowEndsMs += w.extendMs!;
        state.windowEndsAt = new Date(windowEndsMs).toISOString();
        await emit('WINDOW_EXTENDED', w.actor, { extendMs: w.extendMs, windowEndsAt: state.windowEndsAt });
      }
      return snapshot();
    },
    {
      validator: (w) => {
        requireText('actor', w?.actor, 64);
        if (state.status !== 'ACTIVE') throw illegal(`cannot change the validity window of a risk case in status ${state.status}: only ACTIVE cases have one`);
        if (w.action !== 'END' && w.action !== 'EXTEND') throw invalid('action must be END or EXTEND');
        if (w.action === 'EXTEND' && !(Number.isInteger(w.extendMs) && w.extendMs! > 0 && w.extendMs! <= MAX_WINDOW_MS)) {
          throw invalid('extendMs must be a positive whole number of milliseconds of at most a year');
        }
      },
    },
  );

  setHandler(
    closeRiskCase,
    async (c) => {
      state.status = 'CLOSED';
      state.closingNote = c.note;
      await emit('CLOSED', c.actor, { note: c.note });
      return snapshot();
    },
    {
      validator: (c) => {
        requireText('actor', c?.actor, 64);
        if (state.status !== 'FEEDBACK') throw illegal(`cannot close a risk case in status ${state.status}: close it in FEEDBACK, after its validity window`);
        if (typeof c.note !== 'string' || c.note.length > 4000) throw invalid('note must be a text of at most 4000 characters');
      },
    },
  );

  setHandler(inspectionReported, (r: InspectionReport) => {
    if (terminal() || typeof r?.inspectionCaseId !== 'string' || !Array.isArray(r.criterionIds)) return;
    const linked = r.criterionIds.filter((id) => state.criteria.some((c) => c.criterionId === id));
    if (linked.length === 0) return;
    let inspection = state.inspections.find((i) => i.inspectionCaseId === r.inspectionCaseId);
    if (r.kind === 'SELECTED') {
      if (inspection) return; // already counted
      state.inspections.push({ inspectionCaseId: r.inspectionCaseId, declarationId: r.declarationId, criterionIds: linked, outcome: null });
      for (const id of linked) feedbackOf(id).selections += 1;
      void emit('INSPECTION_SELECTED', 'system', { inspectionCaseId: r.inspectionCaseId, declarationId: r.declarationId, criterionIds: linked, lane: r.lane ?? null });
      return;
    }
    if (r.kind !== 'RESULT' || !r.outcome || !INSPECTION_OUTCOMES.includes(r.outcome)) return;
    if (!inspection) {
      // The result overtook the opening (or the opening was missed): count the selection too.
      inspection = { inspectionCaseId: r.inspectionCaseId, declarationId: r.declarationId, criterionIds: linked, outcome: null };
      state.inspections.push(inspection);
      for (const id of linked) feedbackOf(id).selections += 1;
    }
    if (inspection.outcome !== null) return; // already counted
    inspection.outcome = r.outcome;
    for (const id of inspection.criterionIds) {
      const f = feedbackOf(id);
      f.results[r.outcome] += 1;
      if (r.outcome !== 'NO_FINDING') f.hits += 1;
      const done = f.results.NO_FINDING + f.results.DISCREPANCY + f.results.SEIZURE;
      f.hitRate = Math.round((f.hits / done) * 10_000) / 10_000;
      const verdict = (r.verdicts ?? []).find((v) => v.criterionId === id);
      if (verdict) {
        if (verdict.appropriate) f.appropriate += 1;
        else f.notAppropriate += 1;
        if (verdict.note) f.notes.push(verdict.note);
      }
    }
    void emit('INSPECTION_RESULT', 'system', { inspectionCaseId: r.inspectionCaseId, outcome: r.outcome, criterionIds: inspection.criterionIds });
  });

  setHandler(reportLinked, (l) => {
    if (terminal() || typeof l?.reportId !== 'string' || state.reportIds.includes(l.reportId)) return;
    state.reportIds.push(l.reportId);
    state.subjectKeys = [...new Set([...state.subjectKeys, ...(l.subjectKeys ?? [])])].sort();
    void emit('REPORT_LINKED', l.actor ?? 'system', { reportId: l.reportId });
  });

  const feedbackOf = (criterionId: string): CriterionFeedback => {
    let f = state.feedback.find((x) => x.criterionId === criterionId);
    if (!f) state.feedback.push((f = emptyFeedback(criterionId)));
    return f;
  };

  await (identifying ?? identify());

  while (!terminal()) {
    if (runIsFull()) {
      // Every projection done and no update half-way: the next run starts from this state.
      await projecting;
      await condition(allHandlersFinished);
      if (!terminal()) await continueAsNew<typeof riskCaseWorkflow>({ ...carried, resume: { state: snapshot(), windowEndsMs } });
      continue;
    }
    if (state.status !== 'ACTIVE') {
      await condition(() => state.status === 'ACTIVE' || terminal() || runIsFull());
      continue;
    }
    const endsAt = windowEndsMs;
    const changed = await condition(() => state.status !== 'ACTIVE' || windowEndsMs !== endsAt || runIsFull(), Math.max(1, endsAt - Date.now()));
    if (!changed) {
      state.status = 'FEEDBACK';
      await emit('WINDOW_ENDED', 'system', { early: false });
    }
  }
  await projecting;
  await condition(allHandlersFinished);
  return snapshot();
}

function emptyFeedback(criterionId: string): CriterionFeedback {
  return { criterionId, selections: 0, results: { NO_FINDING: 0, DISCREPANCY: 0, SEIZURE: 0 }, hits: 0, hitRate: null, appropriate: 0, notAppropriate: 0, notes: [] };
}
