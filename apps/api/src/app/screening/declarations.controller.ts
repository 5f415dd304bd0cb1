import { BadRequestException, Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RuntimeConfig } from '@customs/config';
import { validateDeclaration, type Declaration } from '@customs/domain';
import { Roles } from '../../services/auth/auth.decorators';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { batchSchema, DECLARATION_SCHEMA } from '../../contract/declaration.schema';
import { declarationLinks } from '../../contract/links';
import { Responds } from '../../services/http/responds.decorator';
import { listItems } from '../../services/http/list-body';
import { ScreeningService, type ItemError, type ScreenedBatch, type ScreeningOutcome } from './screening.service';

/**
 * Declarations in, decisions out (`POST /api/declarations`, `/batch`); the stored decisions are
 * read through the decisions feature (`/selection`, `/replay`).
 * Every refusal is a 4xx whose message names the field or the declaration; a refused
 * request writes nothing.
 */
@ApiTags('declarations')
@Controller('declarations')
export class DeclarationsController {
  constructor(
    private readonly screening: ScreeningService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Post()
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Screen one declaration (idempotent on declarationId)' })
  @ApiBody({ schema: DECLARATION_SCHEMA })
  @Responds(201, 'ScreeningOutcome', 'Screened now: the lane, score, fired criteria and the inspection case opened for YELLOW/RED', declarationLinks('/declarationId'))
  @Responds(200, 'ScreeningOutcome', 'Screened before: the stored decision (`duplicate: true`)', declarationLinks('/declarationId'))
  @ApiResponse({ status: 400, description: 'Invalid declaration; the message names each field' })
  @ApiResponse({ status: 409, description: 'The id was screened before with different content' })
  async screenOne(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<ScreeningOutcome> {
    const checked = validateDeclaration(body);
    if (!checked.ok) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: checked.errors.join('; '), errors: checked.errors });
    }
    const { results } = await this.screening.screenBatch([checked.value]);
    res.status(results[0].duplicate ? 200 : 201);
    return results[0];
  }

  @Post('batch')
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Screen a batch of declarations: all are validated first, and any invalid one refuses the whole batch' })
  @ApiBody({ schema: batchSchema('declarations', DECLARATION_SCHEMA) })
  @Responds(200, 'ScreenedBatch', 'Per-declaration results in input order and the batch counts', declarationLinks('/results/0/declarationId'))
  @ApiResponse({ status: 400, description: 'Malformed batch, or invalid declarations listed in `errors` with their index' })
  @ApiResponse({ status: 409, description: 'Declarations re-sent with different content, listed in `errors`' })
  async screenBatch(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<ScreenedBatch> {
    const items = listItems(body, 'declarations', this.config.maxBatchSize);
    const declarations: Declaration[] = [];
    const errors: ItemError[] = [];
    items.forEach((item, index) => {
      const checked = validateDeclaration(item);
      if (checked.ok) declarations.push(checked.value);
      else errors.push({ index, declarationId: idOf(item), message: checked.errors.join('; ') });
    });
    if (errors.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `${errors.length} of ${items.length} declarations are invalid; nothing was screened`,
        errors,
      });
    }
    res.status(200);
    return this.screening.screenBatch(declarations);
  }
}

function idOf(item: unknown): string | null {
  const id = (item as { declarationId?: unknown } | null)?.declarationId;
  return typeof id === 'string' ? id : null;
}
