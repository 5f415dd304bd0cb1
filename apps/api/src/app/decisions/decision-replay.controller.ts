import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../services/auth/auth.decorators';
import { DeclarationIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { DecisionReplayService, type ReplayResult } from './decision-replay.service';

/** `GET /api/declarations/:id/replay`: re-derive a stored decision and compare. */
@ApiTags('declarations')
@Controller('declarations')
export class DecisionReplayController {
  constructor(private readonly replays: DecisionReplayService) {}

  @Get(':id/replay')
  @Roles('auditor', 'cbtc_analyst')
  @ApiOperation({ summary: 'Replay a decision against the criterion versions and model it was made with; says whether the result is identical' })
  @ApiResponse({ status: 404, description: 'The declaration was never screened' })
  @Responds(200, 'ReplayResult', 'The recorded and the replayed decision side by side, and whether they are identical')
  replay(@Param('id', DeclarationIdPipe) id: string): Promise<ReplayResult> {
    return this.replays.replay(id);
  }
}
