import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { RiskCaseIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import type { RiskAlertAcknowledgement, RiskAlertList } from './risk-alerts.responses';
import { RiskAlertsService } from './risk-alerts.service';

/**
 * Risk alerts (`/api/risk-alerts`): risk cases shared with an office, for its local officers and
 * supervisors, and their acknowledgements. CBTC analysts and auditors get 403: they have no
 * office to be alerted for and read every risk case at `/api/risk-cases`.
 */
@ApiTags('risk-alerts')
@Controller('risk-alerts')
export class RiskAlertsController {
  constructor(private readonly riskAlerts: RiskAlertsService) {}

  @Get()
  @Roles('local_officer', 'supervisor')
  @ApiOperation({ summary: 'Risk cases shared with the caller\u2019s office and not ended, most recently shared first, with what to look for and whether the caller acknowledged each' })
  @Responds(200, 'RiskAlertList', 'The office\u2019s risk alerts and how many the caller has not acknowledged')
  list(@CurrentUser() user: AuthUser): Promise<RiskAlertList> {
    return this.riskAlerts.list(user);
  }

  @Post(':riskCaseId/acknowledge')
  @HttpCode(200)
  @Roles('local_officer', 'supervisor')
  @ApiOperation({ summary: 'Acknowledge the alert of a risk case shared with the caller\u2019s office (idempotent: a repeat answers the first time)' })
  @ApiResponse({ status: 403, description: 'The risk case is not shared with the caller\u2019s office' })
  @ApiResponse({ status: 404, description: 'Unknown risk case' })
  @Responds(200, 'RiskAlertAcknowledgement', 'The caller\u2019s acknowledgement, with the time of the first one')
  acknowledge(@Param('riskCaseId', RiskCaseIdPipe) riskCaseId: string, @CurrentUser() user: AuthUser): Promise<RiskAlertAcknowledgement> {
    return this.riskAlerts.acknowledge(riskCaseId, user);
  }
}
