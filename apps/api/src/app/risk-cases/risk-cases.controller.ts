import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { RiskCaseState } from '@customs/workflows/messages';
import { draftedCriterionLinks, intakeLinks, reportLinks, riskCaseLinks } from '../../contract/links';
import { Idempotent } from '../../services/idempotency/idempotency.interceptor';
import { CriterionIdPipe, RiskCaseIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { AdjustWindowDto, AssessRiskCaseDto, CloseRiskCaseDto, DraftCriterionDto, ListRiskCasesDto } from './risk-case-actions.dto';
import type { RiskCaseCriterionDraft, RiskCaseDetail, RiskCaseList } from './risk-cases.responses';
import { RiskCasesService } from './risk-cases.service';

/**
 * Risk cases (`/api/risk-cases`): one per piece of intelligence, assessed, targeted with
 * criteria, fed back by inspection results, closed by the analyst.
 */
@ApiTags('risk-cases')
@Controller('risk-cases')
export class RiskCasesController {
  constructor(private readonly riskCases: RiskCasesService) {}

  @Get()
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'Risk cases, newest first (officers and supervisors: those routed to or shared with their office)' })
  @Responds(200, 'RiskCaseList', 'One page of risk cases, newest first, and how many match', {
    ...riskCaseLinks('/riskCases/0/riskCaseId'),
    ...intakeLinks(),
  })
  list(@Query() query: ListRiskCasesDto, @CurrentUser() user: AuthUser): Promise<RiskCaseList> {
    return this.riskCases.list(query, user);
  }

  @Get(':id')
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'One risk case: routing, assessment, linked criteria, validity window, feedback per criterion, reports, history' })
  @ApiResponse({ status: 403, description: 'Not routed to or shared with the caller\u2019s office' })
  @ApiResponse({ status: 404, description: 'Unknown risk case' })
  @Responds(200, 'RiskCaseDetail', 'The risk case with its reports and history', { ...riskCaseLinks('/riskCaseId'), ...reportLinks('/reportIds/0') })
  get(@Param('id', RiskCaseIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<RiskCaseDetail> {
    return this.riskCases.get(id, user);
  }

  @Post(':id/assess')
  @Idempotent()
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Assess (IDENTIFIED): six factors 1-5 -> composite and risk level; decision DISMISS, SHARE (with offices) or TARGET' })
  @ApiResponse({ status: 409, description: 'Already assessed' })
  @Responds(200, 'RiskCaseState', 'The risk case after the assessment (ASSESSED, TARGETING or DISMISSED)', riskCaseLinks('/riskCaseId'))
  assess(@Param('id', RiskCaseIdPipe) id: string, @Body() body: AssessRiskCaseDto, @CurrentUser() user: AuthUser): Promise<RiskCaseState> {
    return this.riskCases.assess(id, body, user);
  }

  @Post(':id/criteria')
  @Idempotent()
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Draft a criterion from the case (prefilled from subjects, goods, routes) and link it; another user approves it via /api/criteria' })
  @ApiResponse({ status: 409, description: 'The case is not assessed for targeting, or has ended' })
  @Responds(201, 'RiskCaseCriterionDraft', 'The drafted criterion version (awaiting approval) and the risk case with it linked', draftedCriterionLinks())
  draftCriterion(@Param('id', RiskCaseIdPipe) id: string, @Body() body: DraftCriterionDto, @CurrentUser() user: AuthUser): Promise<RiskCaseCriterionDraft> {
    return this.riskCases.draftCriterion(id, body, user);
  }

  @Post(':id/criteria/:criterionId/retire')
  @Idempotent()
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Retire a criterion drafted from the case: a RETIRED version, in force once another user approves it via /api/criteria' })
  @ApiResponse({ status: 409, description: 'The case is not ACTIVE or FEEDBACK' })
  @ApiResponse({ status: 422, description: 'The criterion is not in force from this case' })
  @Responds(201, 'RiskCaseCriterionDraft', 'The RETIRED version (awaiting approval) and the risk case with it linked', draftedCriterionLinks())
  retireCriterion(
    @Param('id', RiskCaseIdPipe) id: string,
    @Param('criterionId', CriterionIdPipe) criterionId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RiskCaseCriterionDraft> {
    return this.riskCases.retireCriterion(id, criterionId, user);
  }

  @Post(':id/window')
  @Idempotent()
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Extend the validity window by `days`, or END it now (ACTIVE -> FEEDBACK)' })
  @ApiResponse({ status: 409, description: 'The case is not ACTIVE' })
  @Responds(200, 'RiskCaseState', 'The risk case with its window extended, or in FEEDBACK once ended', riskCaseLinks('/riskCaseId'))
  adjustWindow(@Param('id', RiskCaseIdPipe) id: string, @Body() body: AdjustWindowDto, @CurrentUser() user: AuthUser): Promise<RiskCaseState> {
    return this.riskCases.adjustWindow(id, body, user);
  }

  @Post(':id/close')
  @Idempotent()
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Close the case with a note (FEEDBACK)' })
  @ApiResponse({ status: 409, description: 'The case is not in FEEDBACK' })
  @Responds(200, 'RiskCaseState', 'The closed risk case', riskCaseLinks('/riskCaseId'))
  close(@Param('id', RiskCaseIdPipe) id: string, @Body() body: CloseRiskCaseDto, @CurrentUser() user: AuthUser): Promise<RiskCaseState> {
    return this.riskCases.close(id, body, user);
  }
}
