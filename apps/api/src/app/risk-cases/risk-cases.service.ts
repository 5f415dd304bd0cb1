import {
  BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException,
} from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { IntelligenceRepository, RiskCaseRepository, type RiskCaseRow } from '@customs/persistence';
import { CriterionValidationError } from '@customs/selectivity';
import {
  adjustWindow, assessRiskCase, closeRiskCase, linkCriterion, RISK_CASE_STATUSES, type RiskCaseState,
} from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { isOfficeBound } from '../../services/auth/office-scope';
import { sendCaseUpdate } from '../../services/temporal/send-update';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import { CriteriaService } from '../criteria/criteria.service';
import type { AdjustWindowDto, AssessRiskCaseDto, CloseRiskCaseDto, DraftCriterionDto, ListRiskCasesDto } from './risk-case-actions.dto';
import type {
  IntelligenceReport, RiskCaseCriterionDraft, RiskCaseDetail, RiskCaseHistoryEvent, RiskCaseList, RiskCaseListItem, RiskCaseReport, RiskCaseStatusCounts,
} from './risk-cases.responses';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an action needs to know about a risk case before it is sent to the workflow: its row and projected state. */
type RiskCaseHead = RiskCaseRow<RiskCaseState>;

/** Declaration facts a subject identifier can be matched on. */
const MATCHABLE_IDS = ['importerId', 'declarantId', 'sellerId', 'courierId'];

/**
 * Risk cases: lists and history from the Postgres read model; actions as Temporal Updates on
 * the risk-case workflow (409 wrong state, 422 input that does not fit the case).
 * Who: CBTC analysts read and act on every case; auditors read every case; officers and
 * supervisors read the cases routed to or shared with their office, and supervisors act on
 * the cases routed to their office (LOCAL route).
 */
@Injectable()
export class RiskCasesService {
  constructor(
    private readonly riskCases: RiskCaseRepository,
    private readonly intelligence: IntelligenceRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly criteria: CriteriaService,
  ) {}

  /**
   * Newest first, filtered by status, risk area, desk and age, with the count of each status
   * under the other filters (all seven, 0 when none); an office-bound user sees the cases
   * routed to or shared with their office.
   */
  async list(q: ListRiskCasesDto, user: AuthUser): Promise<RiskCaseList> {
    const { riskCases, total, counts } = await this.riskCases.page(
      { officeId: isOfficeBound(user) ? user.officeId : undefined, status: q.status, riskArea: q.riskArea, desk: q.desk, maxAgeDays: q.maxAgeDays },
      q.limit ?? 50,
      q.offset ?? 0,
    );
    const byStatus = Object.fromEntries(RISK_CASE_STATUSES.map((s) => [s, counts[s] ?? 0])) as RiskCaseStatusCounts;
    // The read model's columns hold what the workflow projected from its typed state.
    return { riskCases: riskCases as RiskCaseListItem[], total, counts: byStatus };
  }

  /** One risk case: its state (assessment, criteria, feedback), reports and history. @throws NotFoundException, ForbiddenException */
  async get(id: string, user: AuthUser): Promise<RiskCaseDetail> {
    const row = await this.riskCases.findWithState<RiskCaseState>(id);
    if (!row) throw new NotFoundException(`risk case ${id} is unknown`);
    this.assertMayRead(user, id, row.officeIds);
    // Reports as validated at intake and events as the workflow emitted them (see risk-cases.responses.ts).
    const reports = (await this.intelligence.reportsOfCase<IntelligenceReport>(id)) as RiskCaseReport[];
    const events = (await this.riskCases.history(id)) as RiskCaseHistoryEvent[];
    const { state, ...view } = row;
    return { ...(view as RiskCaseListItem), ...state, reports, events };
  }

  /** Records the assessment (IDENTIFIED only). */
  assess(id: string, dto: AssessRiskCaseDto, user: AuthUser): Promise<RiskCaseState> {
    return this.update(id, user, () =>
      this.client.workflow.getHandle(id).executeUpdate(assessRiskCase, {
        // null (allowed for an optional field) is sent as absent: the workflow takes only a text or nothing.
        args: [{ scores: { ...dto.scores }, decision: dto.decision, shareWith: dto.shareWith ?? undefined, note: dto.note ?? undefined, actor: user.id }],
      }),
    );
  }

  /**
   * Drafts a criterion version from the case (prefilled from its reports), stores it awaiting
   * approval by another user, and links it to the case. The approval (`POST /api/criteria/:id/versions/:v/approve`)
   * activates the case.
   * @throws 400 invalid criterion (every problem named), 403 (scope), 409 the case cannot target now.
   */
  async draftCriterion(id: string, dto: DraftCriterionDto, user: AuthUser): Promise<RiskCaseCriterionDraft> {
    const head = await this.head(id, user);
    if (!['ASSESSED', 'TARGETING', 'ACTIVE', 'FEEDBACK'].includes(head.status)) {
      throw new ConflictException(`cannot draft a criterion from a risk case in status ${head.status}: assess it (TARGET or SHARE) first`);
    }
    const reports = await this.intelligence.reportsOfCase<ReportBody>(id);
    const { validityDays, ...given } = dto;
    const draft = { ...prefill(id, head.state, reports.map((r) => r.report), user), ...stripUndefined(given) };
    let created;
    try {
      created = await this.criteria.createVersion(draft, user);
    } catch (err) {
      if (err instanceof CriterionValidationError) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: err.message, errors: err.problems });
      }
      throw err;
    }
    const version = created.definition.version;
    const state = await this.send(id, () =>
      this.client.workflow.getHandle(id).executeUpdate(linkCriterion, {
        args: [{ criterionId: created.definition.id, version, windowMs: validityDays == null ? undefined : validityDays * DAY_MS, actor: user.id }],
      }),
    );
    return { criterion: { ...created.definition, createdBy: created.createdBy, approved: false }, riskCase: state };
  }

  /**
   * Retires a criterion drafted from this case (feedback step): stores a new version with
   * status RETIRED, awaiting approval by another user like any version, and links it to the
   * case. Once approved, screening stops using the criterion and the case records
   * CRITERION_RETIRED without changing its status.
   * @throws 404 unknown case or criterion, 409 the case is not ACTIVE or FEEDBACK,
   *   422 the criterion is not in force from this case.
   */
  async retireCriterion(id: string, criterionId: string, user: AuthUser): Promise<RiskCaseCriterionDraft> {
    const head = await this.head(id, user);
    if (!['ACTIVE', 'FEEDBACK'].includes(head.status)) {
      throw new ConflictException(`a criterion can be retired from an ACTIVE or FEEDBACK risk case, not ${head.status}`);
    }
    const [newest] = await this.criteria.versions(criterionId);
    if (!newest) throw new NotFoundException(`criterion ${criterionId} is unknown`);
    if (!head.state.criteria.some((c) => c.criterionId === criterionId && c.approved && !c.retires)) {
      throw new UnprocessableEntityException(`${criterionId} is not a criterion in force from risk case ${id}`);
    }
    const { version: _previous, ...definition } = newest.definition;
    const created = await this.criteria.createVersion({ ...definition, status: 'RETIRED' }, user);
    const state = await this.send(id, () =>
      this.client.workflow.getHandle(id).executeUpdate(linkCriterion, {
        args: [{ criterionId, version: created.definition.version, retires: true, actor: user.id }],
      }),
    );
    return { criterion: { ...created.definition, createdBy: created.createdBy, approved: false }, riskCase: state };
  }

  /** Extends the validity window by `days`, or ends it now (ACTIVE only). */
  adjustWindow(id: string, dto: AdjustWindowDto, user: AuthUser): Promise<RiskCaseState> {
    if (dto.action === 'EXTEND' && dto.days == null) throw new BadRequestException('days is required to EXTEND the window');
    return this.update(id, user, () =>
      this.client.workflow.getHandle(id).executeUpdate(adjustWindow, {
        args: [{ action: dto.action, extendMs: dto.days == null ? undefined : dto.days * DAY_MS, actor: user.id }],
      }),
    );
  }

  /** Closes the case (FEEDBACK only). */
  close(id: string, dto: CloseRiskCaseDto, user: AuthUser): Promise<RiskCaseState> {
    return this.update(id, user, () => this.client.workflow.getHandle(id).executeUpdate(closeRiskCase, { args: [{ note: dto.note, actor: user.id }] }));
  }

  private assertMayRead(user: AuthUser, id: string, officeIds: string[]): void {
    if (isOfficeBound(user) && !officeIds.includes(user.officeId ?? '')) {
      throw new ForbiddenException(`${user.role} ${user.id} of office ${user.officeId} may not see risk case ${id}: it is neither routed to nor shared with that office`);
    }
  }

  /** 404 unknown, 403 unless an analyst or a supervisor of the office the case is routed to. */
  private async head(id: string, user: AuthUser): Promise<RiskCaseHead> {
    const row = await this.riskCases.findWithState<RiskCaseState>(id);
    if (!row) throw new NotFoundException(`risk case ${id} is unknown`);
    if (user.role !== 'cbtc_analyst' && !(user.role === 'supervisor' && row.route === 'LOCAL' && row.state.routing.officeIds.includes(user.officeId ?? ''))) {
      throw new ForbiddenException(`${user.id} may not act on risk case ${id}: only CBTC analysts, or supervisors of the office it is routed to`);
    }
    return row;
  }

  private async update(id: string, user: AuthUser, send: () => Promise<RiskCaseState>): Promise<RiskCaseState> {
    await this.head(id, user);
    return this.send(id, send);
  }

  /** Sends an Update; refusals map to 409 (wrong state, or the case has ended) and 422 (input). */
  private send<T>(id: string, send: () => Promise<T>): Promise<T> {
    return sendCaseUpdate(send, `risk case ${id} has ended; it cannot change`);
  }
}

/** The stored body of an intelligence report (see `CreateIntelligenceDto`). */
interface ReportBody {
  subjects: Array<{ kind: string; name?: string; idType?: string; value?: string }>;
  goods: Array<{ hsCode?: string; description?: string }>;
  routes: Array<{ originCountry?: string; departureCountry?: string }>;
  text: string;
  source: { organisation: string; type: string };
}

/** The fields given: an optional field sent as null counts as not given (the prefilled value stays). */
function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

/**
 * A criterion draft from the case: the subjects' matchable identifiers (any of them), narrowed
 * by the goods' HS prefixes and the routes' origin countries when the reports name them.
 */
export function prefill(riskCaseId: string, state: RiskCaseState, reports: ReportBody[], user: AuthUser): Record<string, unknown> {
  const ids = new Map<string, Set<string>>();
  const hs = new Set<string>();
  const origins = new Set<string>();
  for (const r of reports) {
    for (const s of r.subjects ?? []) {
      if (s.kind === 'IDENTIFIER' && s.idType && s.value && MATCHABLE_IDS.includes(s.idType)) {
        if (!ids.has(s.idType)) ids.set(s.idType, new Set());
        ids.get(s.idType)!.add(s.value);
      }
    }
    for (const g of r.goods ?? []) if (g.hsCode) hs.add(g.hsCode.slice(0, 6));
    for (const route of r.routes ?? []) if (route.originCountry) origins.add(route.originCountry);
  }
  const all: unknown[] = [];
  const subjectConditions = [...ids.entries()].map(([fact, values]) =>
    values.size === 1 ? { fact, operator: 'equal', value: [...values][0] } : { fact, operator: 'in', value: [...values].sort() });
  if (subjectConditions.length > 0) all.push({ any: subjectConditions });
  if (hs.size > 0) all.push({ fact: 'hsCode', operator: 'hsStartsWithAny', value: [...hs].sort() });
  if (origins.size > 0) all.push({ fact: 'originCountry', operator: 'in', value: [...origins].sort() });
  const riskArea = state.riskArea === 'SMUGGLING'
    ? state.smugglingSubtype === 'DRUGS' ? 'SMUGGLING_DRUGS' : state.smugglingSubtype === 'WEAPONS' ? 'SMUGGLING_WEAPONS' : 'SMUGGLING_OTHER'
    : state.riskArea;
  const local = user.role === 'supervisor';
  const first = reports[0];
  return {
    scope: local ? 'LOCAL' : 'CENTRAL',
    officeId: local ? user.officeId : null,
    lane: state.assessment?.riskLevel === 'LOW' ? 'YELLOW' : 'RED',
    riskArea,
    reason: `Risk case ${riskCaseId} (${first?.source?.organisation ?? 'intelligence'}): ${(first?.text ?? '').slice(0, 400)}`,
    pointsOfInterest: (reports.flatMap((r) => (r.goods ?? []).map((g) => g.description).filter(Boolean)).join('; ') || 'Check the goods and documents against the intelligence').slice(0, 500),
    keywords: [riskArea.toLowerCase(), 'risk-case', riskCaseId.slice(10, 18)],
    ...(all.length > 0 ? { conditions: { all } } : {}),
  };
}
