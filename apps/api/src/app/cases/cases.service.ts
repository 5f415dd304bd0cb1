import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  assignCase,
  closeCase,
  ILLEGAL_TRANSITION,
  recordResult,
  type AssignCaseInput,
  type CloseCaseInput,
  type InspectionCaseState,
  type RecordResultInput,
} from '@customs/workflows/messages';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import type { ListCasesDto } from './dto/list-cases.dto';

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
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /** The queue: riskiest first, then oldest. */
  async list(q: ListCasesDto): Promise<{ cases: CaseView[]; total: number }> {
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

  /** One case with its event history (who did what, when). @throws NotFoundException */
  async get(caseId: string): Promise<CaseView & { events: unknown[] }> {
    const [view] = await this.db.query(`SELECT ${CASE_COLUMNS} FROM inspection_case WHERE case_id = $1`, [caseId]);
    if (!view) throw new NotFoundException(`case ${caseId} is unknown`);
    const events = await this.db.query(
      `SELECT seq, type, actor, payload, occurred_at AS "occurredAt" FROM case_event WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return { ...view, events };
  }

  assign(caseId: string, input: AssignCaseInput): Promise<InspectionCaseState> {
    return this.update(caseId, () => this.client.workflow.getHandle(caseId).executeUpdate(assignCase, { args: [input] }));
  }

  recordResult(caseId: string, input: RecordResultInput): Promise<InspectionCaseState> {
    return this.update(caseId, () => this.client.workflow.getHandle(caseId).executeUpdate(recordResult, { args: [input] }));
  }

  close(caseId: string, input: CloseCaseInput): Promise<InspectionCaseState> {
    return this.update(caseId, () => this.client.workflow.getHandle(caseId).executeUpdate(closeCase, { args: [input] }));
  }

  private async update(caseId: string, send: () => Promise<InspectionCaseState>): Promise<InspectionCaseState> {
    const [known] = await this.db.query(`SELECT status FROM inspection_case WHERE case_id = $1`, [caseId]);
    if (!known) throw new NotFoundException(`case ${caseId} is unknown`);
    if (known.status === 'CLOSED') throw new ConflictException(`case ${caseId} is closed; a closed case cannot change`);
    try {
      return await send();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new ConflictException(`case ${caseId} is closed; a closed case cannot change`);
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        if (err.cause.type === ILLEGAL_TRANSITION) throw new ConflictException(err.cause.message);
        throw new UnprocessableEntityException(err.cause.message);
      }
      throw err;
    }
  }
}
