import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { modelLinks } from '../../contract/links';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { isCalendarDate } from '../../services/http/code-validators';
import { ModelVersionPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { ModelComparisonService, type ModelComparison } from './model-comparison.service';
import { ModelRegistryService, type ModelEventList, type ModelList } from './model-registry.service';

/** Champion/challenger model versions (`/api/models`). */
@ApiTags('models')
@Controller('models')
export class ModelsController {
  constructor(
    private readonly registry: ModelRegistryService,
    private readonly comparison: ModelComparisonService,
  ) {}

  @Get()
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Registered model versions: the CHAMPION decides, CHALLENGERs score in shadow; with their validation figures' })
  @Responds(200, 'ModelList', 'Every registered model version with its role', modelLinks())
  list(): ModelList {
    return { models: this.registry.list() };
  }

  @Get('events')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Audit trail of model registrations, promotions and demotions, newest first' })
  @Responds(200, 'ModelEventList', 'The audited role changes, newest first')
  async events(): Promise<ModelEventList> {
    return { events: await this.registry.events() };
  }

  @Get('compare')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'Champion vs challengers on the same inspected declarations: ROC AUC, hit rate when selected, precision in the top 10%' })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date' }, description: 'First declaration date compared (inclusive)' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date' }, description: 'Last declaration date compared (inclusive)' })
  @ApiResponse({ status: 400, description: 'from / to not a real date YYYY-MM-DD' })
  @Responds(200, 'ModelComparison', 'Every model version scored on the same inspected declarations')
  compare(@Query('from') from?: string, @Query('to') to?: string): Promise<ModelComparison> {
    for (const [name, v] of [['from', from], ['to', to]] as const)
      if (v !== undefined && !isCalendarDate(v)) throw new BadRequestException(`${name} must be a real date YYYY-MM-DD, got ${JSON.stringify(String(v).slice(0, 40))}`);
    return this.comparison.compare(from ?? null, to ?? null);
  }

  @Post(':version/promote')
  @HttpCode(200)
  @Roles('cbtc_analyst')
  @ApiOperation({ summary: 'Make a challenger the deciding model (audited; the previous champion keeps scoring in shadow)' })
  @ApiBody({ schema: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 10, maxLength: 2000, pattern: '\\S[\\s\\S]{8,}\\S', description: 'Why this model should decide: at least 10 characters besides leading and trailing spaces' } } } })
  @ApiResponse({ status: 404, description: 'Unknown model version' })
  @ApiResponse({ status: 409, description: 'Already the champion, or retired' })
  @Responds(200, 'ModelList', 'The registry after the promotion', modelLinks())
  promote(@Param('version', ModelVersionPipe) version: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ModelList> {
    const reason = (body as { reason?: unknown } | null)?.reason;
    if (typeof reason !== 'string' || reason.trim().length < 10 || reason.length > 2000)
      throw new BadRequestException('reason must be a string of 10 to 2000 characters saying why this model should decide');
    const extra = Object.keys(body as object).filter((k) => k !== 'reason');
    if (extra.length) throw new BadRequestException(`unknown field(s): ${extra.join(', ')}`);
    return this.registry.promote(version, user.id, reason.trim()).then((models) => ({ models }));
  }
}
