import { BadRequestException, Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import type { RuntimeConfig } from '@customs/config';
import { CODE_FORMATS, validateApisPassenger, validatePnrRecord } from '@customs/domain';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { PassengerIdPipe } from '../../services/http/id-params.pipe';
import { listItems, validateAll } from '../../services/http/list-body';
import { Responds } from '../../services/http/responds.decorator';
import { batchSchema } from '../../contract/declaration.schema';
import { APIS_PASSENGER_SCHEMA, PNR_RECORD_SCHEMA } from '../../contract/passenger.schema';
import { PassengerRecordsService } from './passenger-records.service';
import { PassengerScreeningService } from './passenger-screening.service';
import type { PassengerDetail, PassengerListScreening, PassengerQueue, PnrIntake } from './passengers.responses';

/** Query of `GET /api/passengers/queue`. */
export class PassengerQueueQueryDto {
  @ApiPropertyOptional({ description: 'Customs office of the arrival airport (officers, supervisors, the passenger desk: their own office, the default)', example: '40', pattern: CODE_FORMATS.officeId.pattern.source })
  @IsOptional()
  @Matches(CODE_FORMATS.officeId.pattern, { message: `office must be ${CODE_FORMATS.officeId.what}` })
  office?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Roles that read passenger records (masked for all but the passenger desk). */
const READERS = ['passenger_desk', 'local_officer', 'supervisor', 'cbtc_analyst', 'auditor'] as const;

/**
 * The air passenger stream (`/api/passengers`): APIS lists and PNR bookings in (screened against
 * the passenger criteria and companion links), the arrival-hall queue of each airport office,
 * and one passenger's records. Only the passenger desk sees names, documents and dates of birth;
 * every read is recorded. Refusals are 4xx naming the problem; a refused request writes nothing.
 */
@ApiTags('passengers')
@Controller('passengers')
export class PassengersController {
  constructor(
    private readonly screening: PassengerScreeningService,
    private readonly records: PassengerRecordsService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Post('apis')
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Screen an APIS passenger list (with each passenger\u2019s PNR when it has arrived); idempotent per passenger record' })
  @ApiBody({ schema: batchSchema('passengers', APIS_PASSENGER_SCHEMA) })
  @Responds(201, 'PassengerListScreening', 'At least one passenger screened now: one outcome per passenger in input order')
  @Responds(200, 'PassengerListScreening', 'Every passenger was screened before: the stored outcomes (`duplicate: true`)')
  @ApiResponse({ status: 400, description: 'Malformed list, or invalid passengers listed in `errors` with their index' })
  @ApiResponse({ status: 409, description: 'Passenger records re-sent with other content' })
  async screenApis(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<PassengerListScreening> {
    const list = validateAll(listItems(body, 'passengers', this.config.maxBatchSize), 'passengers', validateApisPassenger);
    const seen = new Set<string>();
    const twice = list.map((p, index) => ({ index, id: p.passengerRecordId })).filter((p) => seen.size === seen.add(p.id).size);
    if (twice.length > 0) throw new BadRequestException(`passengers[${twice[0].index}] repeats passengerRecordId ${twice[0].id}; nothing was screened`);
    const screened = await this.screening.screenApis(list);
    res.status(screened.summary.duplicates === screened.summary.received ? 200 : 201);
    return screened;
  }

  @Post('pnr')
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Receive PNR bookings; passengers already on an APIS list whom they match are screened again (linked to the earlier screening)' })
  @ApiBody({ schema: batchSchema('pnrs', PNR_RECORD_SCHEMA) })
  @Responds(201, 'PnrIntake', 'At least one booking stored now')
  @Responds(200, 'PnrIntake', 'Every booking was received before')
  @ApiResponse({ status: 400, description: 'Malformed list, or invalid bookings listed in `errors` with their index' })
  @ApiResponse({ status: 409, description: 'Booking references re-sent with other content' })
  async intakePnrs(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<PnrIntake> {
    const pnrs = validateAll(listItems(body, 'pnrs', this.config.maxBatchSize), 'bookings', validatePnrRecord);
    const seen = new Set<string>();
    const twice = pnrs.map((p, index) => ({ index, id: p.bookingReference })).filter((p) => seen.size === seen.add(p.id).size);
    if (twice.length > 0) throw new BadRequestException(`pnrs[${twice[0].index}] repeats bookingReference ${twice[0].id}; nothing was stored`);
    const intake = await this.screening.intakePnrs(pnrs);
    res.status(intake.stored > 0 ? 201 : 200);
    return intake;
  }

  @Get('queue')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The arrival-hall inspection queue of an airport office: selected passengers with an open case, RED first (masked for all but the passenger desk; every read recorded)' })
  @ApiResponse({ status: 400, description: 'A user bound to no office named no office' })
  @ApiResponse({ status: 403, description: 'Another office' })
  @Responds(200, 'PassengerQueue', 'The queue and its size')
  queue(@Query() query: PassengerQueueQueryDto, @CurrentUser() user: AuthUser): Promise<PassengerQueue> {
    return this.records.queue(user, query);
  }

  @Get(':passengerId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One passenger: the APIS record, the PNR (depersonalised after its retention), every screening and the case (masked for all but the passenger desk; every read recorded)' })
  @ApiResponse({ status: 403, description: 'Another office\u2019s passenger' })
  @ApiResponse({ status: 404, description: 'No such passenger has been screened' })
  @Responds(200, 'PassengerDetail', 'The passenger\u2019s records and screenings, oldest first')
  detail(@Param('passengerId', PassengerIdPipe) passengerId: string, @CurrentUser() user: AuthUser): Promise<PassengerDetail> {
    return this.records.detail(user, passengerId);
  }
}
