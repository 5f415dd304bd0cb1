import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Responds } from '../../services/http/responds.decorator';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import type { AuthUser } from '../../services/auth/auth-user';
import { scopeToOffice } from '../../services/auth/office-scope';
import { LaneStatsQueryDto } from './dto/lane-stats-query.dto';
import { StatsService, type CriteriaHitRates, type LaneStats, type OpenCases, type SelectionHitRates } from './stats.service';

/** Dashboard figures (`/api/stats`). */
@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('lanes')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'GREEN/YELLOW/RED counts and automatic-clearance share by declaration acceptance date' })
  @Responds(200, 'LaneStats', 'Lane counts and the automatic clearance rate')
  lanes(@Query() q: LaneStatsQueryDto, @CurrentUser() user: AuthUser): Promise<LaneStats> {
    return this.stats.lanes(q.from ?? null, q.to ?? null, scopeToOffice(user, q.officeId) ?? null);
  }

  @Get('open-cases')
  @Roles('cbtc_analyst', 'supervisor', 'local_officer', 'auditor')
  @ApiOperation({ summary: 'Open inspection cases per office, by status' })
  @Responds(200, 'OpenCases', 'Open cases by office and status')
  async openCases(@CurrentUser() user: AuthUser): Promise<OpenCases> {
    return { offices: await this.stats.openCases(scopeToOffice(user, undefined) ?? null) };
  }

  @Get('hit-rates')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Inspected, hits and hit rate per selection basis (CRITERION, MODEL, CONTROL, EXPLORATION), the control sample apart' })
  @Responds(200, 'SelectionHitRates', 'Hit rates per selection basis, with the control sample apart')
  hitRatesByBasis(@Query() q: LaneStatsQueryDto, @CurrentUser() user: AuthUser): Promise<SelectionHitRates> {
    return this.stats.hitRatesByBasis(q.from ?? null, q.to ?? null, scopeToOffice(user, q.officeId) ?? null);
  }

  @Get('criteria')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Hit rate and officers\u2019 verdicts per criterion, with the control sample as baseline' })
  @Responds(200, 'CriteriaHitRates', 'Hit rate per criterion, with the control sample as baseline')
  hitRates(): Promise<CriteriaHitRates> {
    return this.stats.hitRates();
  }
}
