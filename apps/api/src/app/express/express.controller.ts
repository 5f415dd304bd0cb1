import { BadRequestException, Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { validateExpressManifest } from '@customs/domain';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { WaybillNumberPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { EXPRESS_MANIFEST_SCHEMA } from '../../contract/express-manifest.schema';
import { InterpretWaybillDto } from './dto/interpret-waybill.dto';
import { XrayQueueQueryDto } from './dto/xray-queue-query.dto';
import { ExpressScreeningService } from './express-screening.service';
import { ExpressReplayService } from './express-replay.service';
import type { ExpressManifestScreening, ExpressReplayResult, ExpressWaybillDetail, XrayInterpretation, XrayQueue } from './express.responses';
import { XrayService } from './xray.service';

/**
 * The express cargo stream (`/api/express`): manifests in (screened against the express
 * criteria), the X-ray interpretation queue of each logistics centre, and the interpreters'
 * decisions. Officers and supervisors interpret for their own office's centre; analysts and
 * auditors read every centre. Every refusal is a 4xx naming the problem; a refused request writes nothing.
 */
@ApiTags('express')
@Controller('express')
export class ExpressController {
  constructor(
    private readonly screening: ExpressScreeningService,
    private readonly xray: XrayService,
    private readonly replays: ExpressReplayService,
  ) {}

  @Post('manifests')
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Screen an express cargo manifest: every house waybill gets RELEASE, XRAY_FLAGGED or INTRUSIVE_INSPECTION (idempotent per waybill)' })
  @ApiBody({ schema: EXPRESS_MANIFEST_SCHEMA })
  @Responds(201, 'ExpressManifestScreening', 'At least one waybill screened now: the selection of every waybill in input order')
  @Responds(200, 'ExpressManifestScreening', 'Every waybill was screened before: the stored selections (`duplicate: true`)')
  @ApiResponse({ status: 400, description: 'Invalid manifest; `errors` names each field by its path (`waybills[3].grossWeightKg ...`)' })
  @ApiResponse({ status: 409, description: 'The manifest id was received with another header, or waybill numbers with other content' })
  async screenManifest(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<ExpressManifestScreening> {
    const checked = validateExpressManifest(body);
    if (!checked.ok) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `invalid manifest; nothing was screened: ${checked.errors.slice(0, 5).join('; ')}${checked.errors.length > 5 ? '; ...' : ''}`, errors: checked.errors });
    }
    const screened = await this.screening.screen(checked.value);
    res.status(screened.summary.duplicates === screened.summary.received ? 200 : 201);
    return screened;
  }

  @Get('xray-queue')
  @Roles('local_officer', 'supervisor', 'cbtc_analyst', 'auditor')
  @ApiOperation({ summary: 'A logistics centre\u2019s X-ray interpretation queue in conveyor order (officers and supervisors: their office, the default)' })
  @ApiResponse({ status: 400, description: 'A user bound to no office named no centre' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for another centre' })
  @Responds(200, 'XrayQueue', 'The next items of the list and the sizes of both lists')
  queue(@Query() query: XrayQueueQueryDto, @CurrentUser() user: AuthUser): Promise<XrayQueue> {
    return this.xray.queue(user, query);
  }

  @Get('waybills/:waybillNumber')
  @Roles('local_officer', 'supervisor', 'cbtc_analyst', 'auditor')
  @ApiOperation({ summary: 'A screened waybill: manifest data, selection with the criteria traces, and every X-ray interpretation' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for another centre\u2019s waybill' })
  @ApiResponse({ status: 404, description: 'No such waybill has been screened' })
  @Responds(200, 'ExpressWaybillDetail', 'The waybill and its interpretations, oldest first')
  detail(@Param('waybillNumber', WaybillNumberPipe) waybillNumber: string, @CurrentUser() user: AuthUser): Promise<ExpressWaybillDetail> {
    return this.xray.detail(user, waybillNumber);
  }

  @Get('waybills/:waybillNumber/replay')
  @Roles('auditor', 'cbtc_analyst')
  @ApiOperation({ summary: 'Replay a waybill\u2019s selection: its recorded facts against the criterion versions in force at the decision (writes nothing)' })
  @ApiResponse({ status: 404, description: 'No such waybill has been screened' })
  @Responds(200, 'ExpressReplayResult', 'The recorded and the replayed selection, and whether they are identical')
  replay(@Param('waybillNumber', WaybillNumberPipe) waybillNumber: string): Promise<ExpressReplayResult> {
    return this.replays.replay(waybillNumber);
  }

  @Post('waybills/:waybillNumber/interpretation')
  @Roles('local_officer', 'supervisor')
  @ApiOperation({ summary: 'Record the X-ray interpreter\u2019s decision: RELEASE, INSPECT (queues an inspection case, document type EXPRESS_WAYBILL) or HOLD' })
  @ApiResponse({ status: 403, description: 'Another centre\u2019s waybill' })
  @ApiResponse({ status: 404, description: 'No such waybill has been screened' })
  @ApiResponse({ status: 409, description: 'Another final decision was recorded, or RELEASE of a waybill selected for intrusive inspection' })
  @Responds(201, 'XrayInterpretation', 'Recorded now, with who and when')
  @Responds(200, 'XrayInterpretation', 'The same final decision was recorded before: that one')
  async interpret(
    @Param('waybillNumber', WaybillNumberPipe) waybillNumber: string,
    @Body() body: InterpretWaybillDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<XrayInterpretation> {
    const { interpretation, created } = await this.xray.interpret(user, waybillNumber, body.decision, body.note);
    res.status(created ? 201 : 200);
    return interpretation;
  }
}
