import { ConflictException, ForbiddenException, HttpException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { InspectionCaseRepository, type CaseEventView, type InspectionCaseHead, type InspectionCaseView } from '@customs/persistence';
import type { Lane } from '@customs/domain';
import {
  assignCase,
  closeCase,
  recordResult,
  type CaseStatus,
  type CriterionVerdict,
  type InspectionCaseState,
  type InspectionOutcome,
} from '@customs/workflows/messages';
import type { RuntimeConfig } from '@customs/config';
import type { AuthUser } from '../../services/auth/auth-user';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { assertSameOffice, scopeToOffice } from '../../services/auth/office-scope';
import { UserDirectory } from '../../services/auth/user-directory';
import { sendCaseUpdate } from '../../services/temporal/send-update';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import type { BulkAssignment, BulkAssignResult, OfficeOfficers } from './cases.responses';
import type { AssignCaseDto } from './dto/assign-case.dto';
import type { BulkAssignDto } from './dto/bulk-assign.dto';
import type { ListCasesDto } from './dto/list-cases.dto';
import type { RecordResultDto } from './dto/record-result.dto';

/**
 * A case as served by the queue (the Postgres read model), its codes typed as the table's check
 * constraints and the case workflow allow them.
 */
export interface CaseView extends Omit<InspectionCaseView, 'lane' | 'status' | 'outcome' | 'verdicts'> {
  lane: Exclude<Lane, 'GREEN'>;
  status: CaseStatus;
  outcome: InspectionOutcome | null;
  /** One verdict per fired criterion, once the result is recorded. */
  verdicts: CriterionVerdict[] | null;
  /**
   * ISO timestamp the case must be taken up by (its inspection SLA): opened + CASE_ESCALATE_AFTER_MS
   * as configured now; a case still QUEUED after it is escalated by its workflow's timer.
   */
  slaDueAt: string;
}

/** `GET /api/cases`: one page of the queue and the number of cases matching the filters. */
export interface CaseList {
  cases: CaseView[];
  total: number;
}

/** `GET /api/cases/:id`: the case and its history, oldest event first. */
export interface CaseDetail extends CaseView {
  events: CaseEventView[];
  /** The case's workflow in the Temporal web UI (`TEMPORAL_UI_URL`); null when no UI is configured. */
  workflowUrl: string | null;
}

/**
 * The page of a workflow in the Temporal web UI, e.g.
 * `http://127.0.0.1:8233/namespaces/default/workflows/inspection-case-56839011`; null without `TEMPORAL_UI_URL`.
 */
export function workflowUrl(config: Pick<RuntimeConfig, 'temporalUiUrl' | 'temporalNamespace'>, workflowId: string): string | null {
  if (!config.temporalUiUrl) return null;
  return `${config.temporalUiUrl}/namespaces/${encodeURIComponent(config.temporalNamespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * Inspection cases: queues and history from the Postgres read model; actions as Temporal
 * Updates on the case workflow, whose validators refuse illegal moves
 * (409 for a wrong state, 422 for input that does not fit the case).
 *
 * Authorisation by data (the roles are checked by the guard): officers and supervisors only
 * their office (403); an officer assigns only themself, a supervisor any officer of the
 * office; a result or close only by the assigned officer or a supervisor of the office.
 * The actor recorded in the case history is always the caller.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: InspectionCaseRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly directory: UserDirectory,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * The queue: riskiest first, then oldest (or by age or SLA due date, `sort`), optionally only the
   * escalated cases. An officer's or supervisor's queue is their office's.
   * @throws ForbiddenException when an officer or supervisor asks for another office.
   */
  async list(query: ListCasesDto, user: AuthUser): Promise<CaseList> {
    const escalated = query.escalated === undefined ? undefined : query.escalated === 'true';
    const open = query.open === undefined ? undefined : query.open === 'true';
    const q = { ...query, escalated, open, officeId: scopeToOffice(user, query.officeId) };
    const page = await this.cases.page(q, q.limit ?? 50, q.offset ?? 0);
    return { cases: page.cases.map((c) => this.withSla(c)), total: page.total };
  }

  /** One case with its event history (who did what, when). @throws NotFoundException, ForbiddenException (another office) */
  async get(caseId: string, user: AuthUser): Promise<CaseDetail> {
    const view = await this.cases.findView(caseId);
    if (!view) throw new NotFoundException(`case ${caseId} is unknown`);
    assertSameOffice(user, view.officeId, `case ${caseId}`);
    return { ...this.withSla(view), events: await this.cases.history(caseId), workflowUrl: workflowUrl(this.config, caseId) };
  }

  /** The read model's row as served, with its SLA due date (the row's codes are those the table's check constraints allow). */
  private withSla(view: InspectionCaseView): CaseView {
    return { ...(view as Omit<CaseView, 'slaDueAt'>), slaDueAt: new Date(Date.parse(view.openedAt) + this.config.caseEscalateAfterMs).toISOString() };
  }

  /**
   * Assigns the case to `body.officerId`, by the caller.
   * @throws ForbiddenException for another office or an officer assigning someone else;
   *   UnprocessableEntityException when the assignee is not a local officer of the office.
   */
  assign(caseId: string, body: AssignCaseDto, user: AuthUser): Promise<InspectionCaseState> {
    const authorize = (head: InspectionCaseHead) => {
      if (user.role === 'local_officer' && body.officerId !== user.id) {
        throw new ForbiddenException(`a local officer may assign a case only to themself (${user.id}), not to ${body.officerId}; ask a supervisor of office ${head.officeId}`);
      }
      const assignee = this.directory.lookup(body.officerId);
      if (assignee !== undefined && !(assignee?.role === 'local_officer' && assignee.officeId === head.officeId)) {
        throw new UnprocessableEntityException(`${body.officerId} is not a local officer of office ${head.officeId}`);
      }
    };
    return this.update(caseId, user, authorize, () =>
      this.client.workflow.getHandle(caseId).executeUpdate(assignCase, { args: [{ officerId: body.officerId, actor: user.id }] }),
    );
  }

  /**
   * Assigns several cases to one officer, each as {@link assign} would (same checks, same
   * history), one after another; a refused case does not stop the others.
   * @returns every case in the order given: assigned, or refused with its status code and reason.
   */
  async assignMany(body: BulkAssignDto, user: AuthUser): Promise<BulkAssignment> {
    const results: BulkAssignResult[] = [];
    for (const caseId of body.caseIds) {
      try {
        const state = await this.assign(caseId, { officerId: body.officerId }, user);
        results.push({ caseId, assigned: true, status: state.status, refusal: null });
      } catch (err) {
        if (!(err instanceof HttpException)) throw err;
        const answer = err.getResponse();
        const message = typeof answer === 'string' ? answer : String((answer as { message?: unknown }).message ?? err.message);
        results.push({ caseId, assigned: false, status: null, refusal: { statusCode: err.getStatus(), message } });
      }
    }
    const assigned = results.filter((r) => r.assigned).length;
    return { results, assigned, refused: results.length - assigned };
  }

  /**
   * The officers who may be assigned an office's cases: the directory's local officers of the
   * office, or without a directory (an external IdP) those its cases have been assigned to.
   * @throws ForbiddenException when an officer or supervisor asks for another office.
   */
  async officers(officeId: string, user: AuthUser): Promise<OfficeOfficers> {
    assertSameOffice(user, officeId, 'the officers');
    const known = this.directory.officersOf(officeId);
    if (known) return { officeId, source: 'DIRECTORY', officers: known.map((u) => ({ id: u.id, name: u.name })) };
    return { officeId, source: 'SEEN', officers: (await this.cases.assigneesOf(officeId)).map((id) => ({ id, name: null })) };
  }

  /** Records the inspection result, by the caller. @throws ForbiddenException unless the assigned officer or a supervisor of the office */
  recordResult(caseId: string, body: RecordResultDto, user: AuthUser): Promise<InspectionCaseState> {
    const input = { outcome: body.outcome, findings: body.findings, verdicts: body.verdicts, actor: user.id };
    return this.update(caseId, user, (head) => this.assertWorksCase(caseId, head, user, 'record the result of'), () =>
      this.client.workflow.getHandle(caseId).executeUpdate(recordResult, { args: [input] }),
    );
  }

  /** Closes the case, by the caller. @throws ForbiddenException unless the assigned officer or a supervisor of the office */
  close(caseId: string, user: AuthUser): Promise<InspectionCaseState> {
    return this.update(caseId, user, (head) => this.assertWorksCase(caseId, head, user, 'close'), () =>
      this.client.workflow.getHandle(caseId).executeUpdate(closeCase, { args: [{ actor: user.id }] }),
    );
  }

  /** Results and closing belong to the assigned officer, or a supervisor of the office. */
  private assertWorksCase(caseId: string, head: InspectionCaseHead, user: AuthUser, action: string): void {
    if (user.role === 'supervisor') return;
    if (head.assigneeId !== user.id) {
      const who = head.assigneeId ? `it is assigned to ${head.assigneeId}` : 'it is not assigned to anyone';
      throw new ForbiddenException(`${user.id} may not ${action} case ${caseId}: ${who}; only the assigned officer or a supervisor of office ${head.officeId} may`);
    }
  }

  /**
   * Common path of every action: 404 unknown case, 403 another office, the action's own
   * authorisation (`authorize`), 409 closed; then its Temporal Update, whose failures map to 409 / 422.
   */
  private async update(
    caseId: string,
    user: AuthUser,
    authorize: (head: InspectionCaseHead) => void,
    send: () => Promise<InspectionCaseState>,
  ): Promise<InspectionCaseState> {
    const known = await this.cases.head(caseId);
    if (!known) throw new NotFoundException(`case ${caseId} is unknown`);
    assertSameOffice(user, known.officeId, `case ${caseId}`);
    authorize(known);
    if (known.status === 'CLOSED') throw new ConflictException(`case ${caseId} is closed; a closed case cannot change`);
    return sendCaseUpdate(send, `case ${caseId} is closed; a closed case cannot change`);
  }
}
