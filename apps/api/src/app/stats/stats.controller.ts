import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { AuthUser } from '../../services/auth/auth-user';
import { LaneStatsQueryDto } from './dto/lane-stats-query.dto';
import { StatsService } from './stats.service';

/** Office-bound roles see their own office only; a request for another office is refused. */
function officeScope(user: AuthUser, requested: string | undefined): string | null {
  if (user.role === 'local_officer' || user.role === 'supervisor') {
    if (requested && requested !== user.officeId) throw new ForbiddenException(`a ${user.role} of office ${user.officeId} cannot see office ${requested}`);
    return user.officeId;
  }
  return requested ?? null;
}

/** Dashboard figures (`/api/stats`). */
@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('lanes')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'GREEN/YELLOW/RED counts and automatic-clearance share by declaration acceptance date' })
  lanes(@Query() q: LaneStatsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.lanes(q.from ?? null, q.to ?? null, officeScope(user, q.officeId));
  }

  @Get('open-cases')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Open inspection cases per office, by status' })
  async openCases(@CurrentUser() user: AuthUser) {
    return { offices: await this.stats.openCases(officeScope(user, undefined)) };
  }

  @Get('criteria')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Hit rate and officers\u2019 verdicts per criterion, with the control sample as baseline' })
  hitRates() {
    return this.stats.hitRates();
  }
}
