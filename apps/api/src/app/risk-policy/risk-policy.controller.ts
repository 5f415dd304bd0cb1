import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { riskPolicyLinks } from '../../contract/links';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { AuthUser } from '../../services/auth/auth-user';
import { OfficeIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { RiskScoringService } from '../models/risk-scoring.service';
import { PreviewRiskPolicyDto, PutRiskPolicyDto } from './dto/put-risk-policy.dto';
import { OfficeParamGuard } from './office-scope.guard';
import { RiskPolicySimulationService } from './risk-policy-simulation.service';
import { riskPolicyView, type RiskPolicyHistory, type RiskPolicySimulation, type RiskPolicyView, type RiskPolicyWrite } from './risk-policy.responses';
import { RiskPolicyService, type RiskPolicyPreview } from './risk-policy.service';

/**
 * Per-office risk policies (`/api/offices/:officeId/risk-policy`): capacity-derived RED / YELLOW
 * cut-offs, control and exploration shares. Changed only by PUT (a new audited version);
 * supervisors of the office and CBTC analysts write; auditors, analysts and the office read.
 */
@ApiTags('risk-policy')
@Controller('offices/:officeId/risk-policy')
@UseGuards(OfficeParamGuard)
export class RiskPolicyController {
  constructor(
    private readonly policies: RiskPolicyService,
    private readonly scoring: RiskScoringService,
    private readonly simulation: RiskPolicySimulationService,
  ) {}

  /** The deciding model, whose quantiles the cut-offs are derived from. */
  private model() {
    return this.scoring.model;
  }

  @Get()
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'The policy in force: figures (or the global default), author, reason, and the cut-offs derived for the deciding model' })
  @ApiResponse({ status: 404, description: 'Unknown customs office' })
  @Responds(200, 'RiskPolicyView', 'The policy in force (the global default when the office has none) and its cut-offs', {
    GetRiskPolicyHistory: riskPolicyLinks().GetRiskPolicyHistory,
  })
  async get(@Param('officeId', OfficeIdPipe) officeId: string): Promise<RiskPolicyView> {
    this.policies.assertKnownOffice(officeId);
    return riskPolicyView(await this.policies.policyFor(officeId, this.model()));
  }

  @Put()
  @Roles('cbtc_analyst', 'supervisor')
  @ApiOperation({ summary: 'Write a new policy version (audited: author and reason kept); the next decisions use its cut-offs' })
  @Responds(201, 'RiskPolicyWrite', 'A new version was written: the policy in force, `created: true`', riskPolicyLinks())
  @Responds(200, 'RiskPolicyWrite', 'Same figures and reason as the newest version: nothing written, `created: false`', riskPolicyLinks())
  @ApiResponse({ status: 400, description: 'An absurd figure, named (negative, not a number, a capacity above the expected declarations)' })
  @ApiResponse({ status: 403, description: 'Not a CBTC analyst or a supervisor of this office' })
  @ApiResponse({ status: 409, description: 'expectedDailyDeclarations omitted and the office has too little history (28 days) to measure it' })
  async put(
    @Param('officeId', OfficeIdPipe) officeId: string,
    @Body() dto: PutRiskPolicyDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RiskPolicyWrite> {
    const { created, policy } = await this.policies.write(officeId, dto, user, this.model());
    res.status(created ? 201 : 200);
    return { created, ...riskPolicyView(policy) };
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'Preview a policy before writing it: the office\u2019s decisions of the last 28 days decided again under the policy in force and under these figures (lanes, deciding bases, moves); writes nothing',
  })
  @Responds(200, 'RiskPolicyPreview', 'Lane and basis counts under both policies, the lane moves, and both sets of cut-offs')
  @ApiResponse({ status: 400, description: 'An absurd figure, named' })
  @ApiResponse({ status: 403, description: 'Not a CBTC analyst, an auditor or a supervisor of this office' })
  @ApiResponse({ status: 404, description: 'Unknown customs office' })
  @ApiResponse({ status: 409, description: 'expectedDailyDeclarations omitted and the office has too little history (28 days) to measure it' })
  async preview(@Param('officeId', OfficeIdPipe) officeId: string, @Body() dto: PreviewRiskPolicyDto): Promise<RiskPolicyPreview> {
    return this.policies.preview(officeId, dto, this.model());
  }

  @Get('history')
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'Every version of the office\u2019s policy, newest first, with author, reason and what was derived when written' })
  @ApiResponse({ status: 404, description: 'Unknown customs office' })
  @Responds(200, 'RiskPolicyHistory', 'Every version of the office\u2019s policy, newest first (none: the global default applies)')
  async history(@Param('officeId', OfficeIdPipe) officeId: string): Promise<RiskPolicyHistory> {
    return { officeId, versions: await this.policies.history(officeId) };
  }

  @Get('simulation')
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({
    summary:
      'What the selection-policy simulator (npm run simulate) found for this office: fraud found, precision and fraud by unseen parties under pure exploitation and with each exploration / control share of the capacity, beside the office\u2019s shares in force',
  })
  @ApiResponse({ status: 404, description: 'Unknown customs office' })
  @Responds(200, 'RiskPolicySimulation', 'The office\u2019s simulated figures (null when the replayed data hold none of its declarations) and its shares in force')
  async simulationOf(@Param('officeId', OfficeIdPipe) officeId: string): Promise<RiskPolicySimulation> {
    this.policies.assertKnownOffice(officeId);
    const view = riskPolicyView(await this.policies.policyFor(officeId, this.model()));
    return this.simulation.forOffice(officeId, { controlShare: view.controlShare, explorationShare: view.explorationShare });
  }
}
