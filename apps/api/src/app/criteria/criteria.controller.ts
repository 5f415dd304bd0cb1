import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CRITERION_FACT_SPECS, CRITERION_OPERATORS, CriterionValidationError, FACT_SPECS_BY_DOCUMENT, RISK_AREAS, TARGET_DOCUMENTS } from '@customs/selectivity';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { AuthUser } from '../../services/auth/auth-user';
import { CriterionIdPipe, CriterionVersionPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { Idempotent } from '../../services/idempotency/idempotency.interceptor';
import { reviewed, type CriteriaList, type CriteriaMeta, type CriteriaOverlaps, type CriterionHistory, type ReviewedCriterion } from './criteria.responses';
import { CriteriaService, DEFAULT_VALIDITY_DAYS } from './criteria.service';
import { BacktestDraftDto, BacktestPeriodDto } from './backtest/backtest.dto';
import { CriterionBacktestService, DEFAULT_BACKTEST_DAYS, type CriterionBacktestResult } from './backtest/criterion-backtest.service';

/**
 * Selectivity criteria (`/api/criteria`): read them, write a new version, approve a version
 * (maker-checker). A version is immutable; only approved versions are used by screening.
 */
@ApiTags('criteria')
@Controller('criteria')
export class CriteriaController {
  constructor(
    private readonly criteria: CriteriaService,
    private readonly backtests: CriterionBacktestService,
  ) {}

  @Get('approvals')
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'The approvals inbox: criterion versions waiting for the caller (another CBTC analyst for central ones, the office\u2019s supervisor for local ones), oldest first' })
  @Responds(200, 'CriteriaList', 'The versions the caller may approve')
  async approvals(@CurrentUser() user: AuthUser): Promise<CriteriaList> {
    return { criteria: (await this.criteria.awaitingApproval(user)).map(reviewed) };
  }

  @Get('overlaps')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Central and local criteria that mostly select the same declarations (CRITERIA_OVERLAP_SHARE, default 80 %) over the last 28 days' })
  @Responds(200, 'CriteriaOverlaps', 'Each overlapping pair, both directions')
  overlaps(): Promise<CriteriaOverlaps> {
    return this.criteria.overlaps(DEFAULT_BACKTEST_DAYS);
  }

  @Post('backtest')
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor', 'local_officer')
  @ApiOperation({
    summary: 'Backtest a criterion before writing it: what it would have selected among the decisions of a past period (default the last 28 days), per office, lane and day, its overlap with the criteria in force, its hit rate, its keyword matches and the extra inspections against each office\u2019s capacity; stores nothing',
  })
  @Responds(200, 'CriterionBacktestResult', 'What the criterion would have selected')
  @ApiResponse({ status: 400, description: 'Invalid criterion (`errors` names every problem), or a period with to before from or longer than 366 days' })
  async backtestDraft(@Body() body: BacktestDraftDto): Promise<CriterionBacktestResult> {
    const { version: _ignored, ...input } = body.criterion;
    return this.backtests.run(this.checked(() => this.criteria.draft(input)), null, body.from, body.to);
  }

  @Get(':id/versions/:version/backtest')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Backtest a stored criterion version (the checker\u2019s view at approval): as POST /api/criteria/backtest' })
  @Responds(200, 'CriterionBacktestResult', 'What the version would have selected')
  @ApiResponse({ status: 404, description: 'No such criterion version' })
  async backtestVersion(
    @Param('id', CriterionIdPipe) id: string,
    @Param('version', CriterionVersionPipe) version: number,
    @Query() period: BacktestPeriodDto,
  ): Promise<CriterionBacktestResult> {
    const stored = (await this.criteria.versions(id)).find((v) => v.definition.version === version);
    if (!stored) throw new NotFoundException(`criterion ${id} has no version ${version}`);
    return this.backtests.run(stored.definition, version, period.from, period.to);
  }

  /** Runs `check`, turning a CriterionValidationError into a 400 naming every problem. */
  private checked<T>(check: () => T): T {
    try {
      return check();
    } catch (err) {
      if (err instanceof CriterionValidationError) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: err.message, errors: err.problems });
      }
      throw err;
    }
  }

  @Get()
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'The newest version of every criterion, with its author, approver and whether it is approved' })
  @Responds(200, 'CriteriaList', 'The newest version of every criterion with its maker-checker fields')
  async list(): Promise<CriteriaList> {
    return { criteria: (await this.criteria.listNewest()).map(reviewed) };
  }

  @Get('meta')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'What a criterion may use: target documents and their facts (with type and unit), operators, risk areas, default validity' })
  @Responds(200, 'CriteriaMeta', 'Facts, operators and risk areas a criterion may use')
  meta(): CriteriaMeta {
    return {
      facts: CRITERION_FACT_SPECS,
      targetDocuments: TARGET_DOCUMENTS,
      factsByDocument: FACT_SPECS_BY_DOCUMENT,
      operators: CRITERION_OPERATORS,
      riskAreas: RISK_AREAS,
      defaultValidityDays: DEFAULT_VALIDITY_DAYS,
    };
  }

  @Get(':id')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Every version of one criterion, newest first' })
  @ApiResponse({ status: 404, description: 'Unknown criterion' })
  @Responds(200, 'CriterionHistory', 'Every version of the criterion, oldest first')
  async get(@Param('id', CriterionIdPipe) id: string): Promise<CriterionHistory> {
    const versions = await this.criteria.versions(id);
    if (versions.length === 0) throw new NotFoundException(`criterion ${id} is unknown`);
    return { id, versions: versions.map(reviewed) };
  }

  @Post()
  @Idempotent()
  @Roles('cbtc_analyst', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'Write a new version of a criterion (new id: version 1); it takes effect once another user approves it' })
  @ApiBody({
    description: 'A selectivity criterion without `version` (see rules/README.md); `validFrom`/`validTo` default to a 15-day window from today',
    schema: { $ref: '#/components/schemas/CriterionInput' },
  })
  @Responds(201, 'ReviewedCriterion', 'Stored, awaiting approval')
  @ApiResponse({ status: 400, description: 'Invalid criterion; `errors` names every problem with its path' })
  @ApiResponse({ status: 403, description: 'Central criteria are written by CBTC analysts only; local ones by the office or an analyst' })
  async create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ReviewedCriterion> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestException('body must be a criterion object');
    const { version: _ignored, ...input } = body as Record<string, unknown>;
    try {
      return reviewed(await this.criteria.createVersion(input, user));
    } catch (err) {
      if (err instanceof CriterionValidationError) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: err.message, errors: err.problems });
      }
      throw err;
    }
  }

  @Post(':id/versions/:version/approve')
  @Idempotent()
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Approve a version (not its author): CENTRAL by a CBTC analyst, LOCAL by a supervisor of the office' })
  @ApiResponse({ status: 403, description: 'Wrong role or office, or the author approving their own version' })
  @ApiResponse({ status: 409, description: 'Already approved, or superseded by a newer approved version' })
  @Responds(200, 'ReviewedCriterion', 'The approved version, in force from its validFrom')
  async approve(@Param('id', CriterionIdPipe) id: string, @Param('version', CriterionVersionPipe) version: number, @CurrentUser() user: AuthUser): Promise<ReviewedCriterion> {
    return reviewed(await this.criteria.approve(id, version, user));
  }
}
