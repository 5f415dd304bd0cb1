import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { RuntimeConfig } from '@customs/config';
import { IntelligenceRepository, RiskCaseHandoffRepository } from '@customs/persistence';
import {
  type IntelligenceRiskArea,
  type RiskCaseInput,
  type RiskCaseRouting,
  type SmugglingSubtype,
} from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { RiskCaseHandoffDispatcher } from '../risk-case-handoff/risk-case-handoff.dispatcher';
import type { CreateIntelligenceDto } from './create-intelligence.dto';
import { IntelligenceRouter } from './routing';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What intake answers: the report, its risk case (new or the existing one), and the route. */
export interface IntakeResult {
  reportId: string;
  riskCaseId: string;
  /** True when the report was linked to an open risk case about the same subjects. */
  duplicate: boolean;
  routing: RiskCaseRouting;
}

/**
 * Normalised keys of a report's subjects: `<idType>:<VALUE>` for identifiers,
 * `person:<name>` / `company:<name>` (lower case, single spaces) for names.
 * @throws BadRequestException for an IDENTIFIER without idType and value, or a name-less PERSON/COMPANY.
 */
export function subjectKeys(subjects: CreateIntelligenceDto['subjects']): string[] {
  const keys = subjects.map((s, i) => {
    if (s.kind === 'IDENTIFIER') {
      if (!s.idType || !s.value) throw new BadRequestException(`subjects.${i}: an IDENTIFIER needs idType and value`);
      return `${s.idType}:${s.value.toUpperCase()}`;
    }
    if (!s.name) throw new BadRequestException(`subjects.${i}: a ${s.kind} needs a name`);
    return `${s.kind.toLowerCase()}:${s.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
  });
  return [...new Set(keys)].sort();
}

/**
 * Intelligence intake (step 1 of the risk lifecycle): validates and stores a report, routes it
 * by `rules/routing/` (CBTC desk or local offices; the rule is recorded), and opens one risk-case
 * workflow per piece of intelligence. A report sharing a subject with an open risk case is
 * linked to that case instead (signal `reportLinked`).
 */
@Injectable()
export class IntelligenceService {
  readonly router: IntelligenceRouter;

  constructor(
    private readonly intelligence: IntelligenceRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly handoffs: RiskCaseHandoffDispatcher,
  ) {
    const rulesDir = config.rulesDir || path.resolve(__dirname, '../../../../../rules');
    this.router = IntelligenceRouter.fromDir(path.join(rulesDir, 'routing'));
  }

  /**
   * Registers one report by `user`. Analysts report anything; officers and supervisors only
   * their own office's detections (source LOCAL_CUSTOMS, reporting office = theirs).
   * @throws BadRequestException (subtype rules, subjects), ForbiddenException (office-bound users).
   */
  async register(dto: CreateIntelligenceDto, user: AuthUser): Promise<IntakeResult> {
    if (user.role === 'local_officer' || user.role === 'supervisor') {
      if (dto.source.type !== 'LOCAL_CUSTOMS') {
        throw new ForbiddenException(`a ${user.role} may only report detections of their office (source.type LOCAL_CUSTOMS); other intelligence goes through the CBTC`);
      }
      const office = dto.reportingOfficeId ?? user.officeId ?? undefined;
      if (office !== user.officeId) throw new ForbiddenException(`${user.id} of office ${user.officeId} may not report for office ${office}`);
      dto.reportingOfficeId = office;
    }
    if (dto.riskArea === 'SMUGGLING' && !dto.smugglingSubtype) throw new BadRequestException('smugglingSubtype is required when riskArea is SMUGGLING');
    if (dto.riskArea !== 'SMUGGLING' && dto.smugglingSubtype) throw new BadRequestException('smugglingSubtype applies only when riskArea is SMUGGLING');
    const keys = subjectKeys(dto.subjects);
    const routing = await this.router.route({
      sourceType: dto.source.type,
      riskArea: dto.riskArea,
      smugglingSubtype: dto.smugglingSubtype ?? null,
      reportingOfficeId: dto.reportingOfficeId ?? null,
      portOfficeId: dto.portOfficeId ?? null,
      hsChapters: (dto.goods ?? []).flatMap((g) => (g.hsCode ? [g.hsCode.slice(0, 2)] : [])),
    });
    const reportId = `intel-${randomUUID()}`;
    const report = { ...dto, goods: dto.goods ?? [], routes: dto.routes ?? [], routing };
    // One intake at a time decides "new or duplicate", so two reports about one subject never open two cases.
    const intake = await this.intelligence.withIntakeLock(async (reports, tx) => {
      const existing = await reports.openCaseSharingSubjects(keys);
      const riskCaseId: string = existing ?? `risk-case-${randomUUID()}`;
      await reports.addReport({
        reportId, riskCaseId, duplicate: Boolean(existing), report, subjectKeys: keys, route: routing.route, routeRule: routing.ruleId, reportedBy: user.id,
      });
      // What the case's workflow must learn goes through the hand-off outbox in this transaction:
      // the report and its workflow start (or its link to the open case) commit together.
      const handoffs = new RiskCaseHandoffRepository(tx);
      if (existing) {
        await handoffs.enqueue('REPORT_LINKED', [riskCaseId], { reportId, subjectKeys: keys, actor: user.id });
        return { reportId, riskCaseId, duplicate: true, routing };
      }
      const input: RiskCaseInput = {
        riskCaseId,
        reportId,
        riskArea: dto.riskArea as IntelligenceRiskArea,
        smugglingSubtype: (dto.smugglingSubtype ?? null) as SmugglingSubtype | null,
        subjectKeys: keys,
        routing,
        reportedBy: user.id,
        // RISK_WINDOW_DAYS, fixed into the case at its start: a later change of the setting
        // applies to new cases only (the workflow input is part of its history).
        defaultWindowMs: this.config.riskWindowDays * DAY_MS,
      };
      await handoffs.enqueue('START_RISK_CASE', [riskCaseId], input as unknown as Record<string, unknown>);
      return { reportId, riskCaseId, duplicate: false, routing };
    });
    await this.handoffs.deliverDue();
    return intake;
  }
}
