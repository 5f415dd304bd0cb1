import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { AuthUser } from '../../services/auth/auth-user';
import { scopeToOffice } from '../../services/auth/office-scope';
import { LaneStatsQueryDto } from './dto/lane-stats-query.dto';
import { StatsService } from './stats.service';

/** Dashboard figures (`/api/stats`). */
@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('lanes')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'GREEN/YELLOW/RED counts and automatic-clearance share by declaration acceptance date' })
  lanes(@Query() q: LaneStatsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.lanes(q.from ?? null, q.to ?? null, scopeToOffice(user, q.officeId) ?? null);
  }

  @Get('open-cases')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Open inspection cases per office, by status' })
  async openCases(@CurrentUser() user: AuthUser) {
    return { offices: await this.stats.openCases(scopeToOffice(user, undefined) ?? null) };
  }

  @Get('hit-rates')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Inspected, hits and hit rate per selection basis (CRITERION, MODEL, CONTROL, EXPLORATION), the control sample apart' })
  hitRatesByBasis(@Query() q: LaneStatsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.hitRatesByBasis(q.from ?? null, q.to ?? null, scopeToOffice(user, q.officeId) ?? null);
  }

  @Get('criteria')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Hit rate and officers\u2019 verdicts per criterion, with the control sample as baseline' })
  hitRates() {
    return this.stats.hitRates();
  }
}
