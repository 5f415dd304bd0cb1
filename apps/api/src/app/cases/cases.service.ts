import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  assignCase,
  closeCase,
  recordResult,
  type InspectionCaseState,
} from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { assertSameOffice, scopeToOffice } from '../../services/auth/office-scope';
import { UserDirectory } from '../../services/auth/user-directory';
import { sendCaseUpdate } from '../../services/temporal/send-update';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import type { AssignCaseDto } from './dto/assign-case.dto';
import type { ListCasesDto } from './dto/list-cases.dto';
import type { RecordResultDto } from './dto/record-result.dto';

/** What an action needs to know about a case before it is sent to the workflow. */
interface CaseHead {
  status: string;
  officeId: string;
  assigneeId: string | null;
}

/** A case as served by the queue (the Postgres read model). */
export interface CaseView {
  caseId: string;
  declarationId: string;
  officeId: string;
  lane: string;
  status: string;
  riskScore: number;
  controlSample: boolean;
  firedCriteria: Array<{ id: string; version: number }>;
  assigneeId: string | null;
  escalated: boolean;
  outcome: string | null;
  findings: string | null;
  verdicts: Array<Record<string, unknown>> | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

const CASE_COLUMNS = `case_id AS "caseId", declaration_id AS "declarationId", office_id AS "officeId", lane, status,
  risk_score AS "riskScore", control_sample AS "controlSample", fired_criteria AS "firedCriteria",
  assignee_id AS "assigneeId", escalated, outcome, findings, verdicts,
  opened_at AS "openedAt", updated_at AS "updatedAt", closed_at AS "closedAt"`;

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly directory: UserDirectory,
  ) {}

  /**
   * The queue: riskiest first, then oldest. An officer's or supervisor's queue is their office's.
   * @throws ForbiddenException when an officer or supervisor asks for another office.
   */
  async list(query: ListCasesDto, user: AuthUser): Promise<{ cases: CaseView[]; total: number }> {
    const q = { ...query, officeId: scopeToOffice(user, query.officeId) };
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, value: unknown) => {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    if (q.officeId) add('office_id', q.officeId);
    if (q.status) add('status', q.status);
    if (q.lane) add('lane', q.lane);
    if (q.assigneeId) add('assignee_id', q.assigneeId);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM inspection_case ${filter}`, params);
    const cases = await this.db.query(
      `SELECT ${CASE_COLUMNS} FROM inspection_case ${filter}
       ORDER BY risk_score DESC, opened_at ASC, case_id ASC LIMIT ${q.limit ?? 50} OFFSET ${q.offset ?? 0}`,
      params,
    );
    return { cases, total };
  }

  /** One case with its event history (who did what, when). @throws NotFoundException, ForbiddenException (another office) */
  async get(caseId: string, user: AuthUser): Promise<CaseView & { events: unknown[] }> {
    const [view] = await this.db.query(`SELECT ${CASE_COLUMNS} FROM inspection_case WHERE case_id = $1`, [caseId]);
    if (!view) throw new NotFoundException(`case ${caseId} is unknown`);
    assertSameOffice(user, view.officeId, `case ${caseId}`);
    const events = await this.db.query(
      `SELECT seq, type, actor, payload, occurred_at AS "occurredAt" FROM case_event WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return { ...view, events };
  }

  /**
   * Assigns the case to `body.officerId`, by the caller.
   * @throws ForbiddenException for another office or an officer assigning someone else;
   *   UnprocessableEntityException when the assignee is not a local officer of the office.
   */
  assign(caseId: string, body: AssignCaseDto, user: AuthUser): Promise<InspectionCaseState> {
    const authorize = (head: CaseHead) => {
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
  private assertWorksCase(caseId: string, head: CaseHead, user: AuthUser, action: string): void {
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
    authorize: (head: CaseHead) => void,
    send: () => Promise<InspectionCaseState>,
  ): Promise<InspectionCaseState> {
    const [known] = (await this.db.query(
      `SELECT status, office_id AS "officeId", assignee_id AS "assigneeId" FROM inspection_case WHERE case_id = $1`,
      [caseId],
    )) as CaseHead[];
    if (!known) throw new NotFoundException(`case ${caseId} is unknown`);
    assertSameOffice(user, known.officeId, `case ${caseId}`);
    authorize(known);
    if (known.status === 'CLOSED') throw new ConflictException(`case ${caseId} is closed; a closed case cannot change`);
    return sendCaseUpdate(send, `case ${caseId} is closed; a closed case cannot change`);
  }
}
