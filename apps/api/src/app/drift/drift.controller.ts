import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../services/auth/auth.decorators';
import { Responds } from '../../services/http/responds.decorator';
import { DriftQueryDto } from './dto/drift-query.dto';
import type { DriftReport } from './drift.responses';
import { DriftService } from './drift.service';

/** The deciding model's weekly drift (`/api/drift`): PSI of score and features, hit rates, alerts, suggested cut-offs. */
@ApiTags('drift')
@Controller('drift')
export class DriftController {
  constructor(private readonly drift: DriftService) {}

  @Get()
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Weekly drift of the deciding model from its decision records: PSI of the score (against the spec\u2019s validation quantiles) and of the main features (against the training reference), hit rate per criterion and model lane with the change since the previous week, WARN (PSI > 0.1) / ALERT (> 0.25) alerts, and the RED / YELLOW cut-offs each week\u2019s scores suggest. Cached for a minute.',
  })
  @Responds(200, 'DriftReport', 'The weeks of the report, chronological, and the latest one')
  @ApiResponse({ status: 400, description: 'A malformed week, a week the year does not have, or weeks outside 1..26' })
  @ApiResponse({ status: 403, description: 'Not a CBTC analyst, a supervisor or an auditor' })
  async get(@Query() q: DriftQueryDto): Promise<DriftReport> {
    try {
      return await this.drift.report({ week: q.week, weeks: q.weeks });
    } catch (e) {
      if (e instanceof RangeError) throw new BadRequestException(e.message);
      throw e;
    }
  }
}
