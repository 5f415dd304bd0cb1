import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Roles } from '../../services/auth/auth.decorators';
import { ExportQueryDto } from './export-query.dto';
import { InspectionResultsService } from './inspection-results.service';
import { TRAINING_COLUMNS } from './training-row';

/** Labelled inspection results (`/api/inspection-results`), for training the next model. */
@ApiTags('inspection-results')
@Controller('inspection-results')
export class InspectionResultsController {
  constructor(private readonly results: InspectionResultsService) {}

  @Get('export.csv')
  @Roles('cbtc_analyst', 'auditor')
  @ApiOperation({
    summary:
      'Recorded inspection results in the KCS training layout (22 KCS columns incl. Fraud and Critical Fraud) plus a trailing Selection Basis column (deciding basis first, then the other reasons, joined by |)',
  })
  @ApiResponse({
    status: 200,
    description: 'CSV (UTF-8) with a header row, one row per recorded inspection result; a download (`Content-Disposition: attachment`)',
    headers: { 'Content-Disposition': { description: '`attachment; filename="inspection-results[-from-<from>][-to-<to>].csv"`', schema: { type: 'string' } } },
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async export(@Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    const name = `inspection-results${q.from ? `-from-${q.from}` : ''}${q.to ? `-to-${q.to}` : ''}.csv`;
    res.status(200).setHeader('content-type', 'text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="${name}"`);
    await pipeline(Readable.from(this.results.rows(q.from ?? null, q.to ?? null)), stringify({ header: true, columns: [...TRAINING_COLUMNS] }), res);
  }
}
