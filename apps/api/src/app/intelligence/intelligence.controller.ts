import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { CreateIntelligenceDto } from './create-intelligence.dto';
import { IntelligenceService } from './intelligence.service';

/** Intelligence and detection reports (`/api/intelligence`): step 1 of the risk lifecycle. */
@ApiTags('intelligence')
@Controller('intelligence')
export class IntelligenceController {
  constructor(private readonly intake: IntelligenceService) {}

  @Post()
  @Roles('cbtc_analyst', 'local_officer', 'supervisor')
  @ApiOperation({ summary: 'Register a report: routed by rules/routing, opens a risk case, or links to the open one about the same subjects' })
  @ApiResponse({ status: 201, description: '`{ reportId, riskCaseId, duplicate, routing: { route, officeIds, ruleId, reason } }`' })
  @ApiResponse({ status: 400, description: 'Invalid report (fields named)' })
  @ApiResponse({ status: 403, description: 'Officers and supervisors report only their own office\u2019s detections' })
  register(@Body() body: CreateIntelligenceDto, @CurrentUser() user: AuthUser) {
    return this.intake.register(body, user);
  }
}
