import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { Responds } from '../../services/http/responds.decorator';
import { ModelComparisonService, type ModelComparison } from './model-comparison.service';
import { ModelRegistryService, type ModelEventList, type ModelList } from './model-registry.service';

const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  @Responds(200, 'ModelList', 'Every registered model version with its role')
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
  @ApiResponse({ status: 400, description: 'from / to not a date YYYY-MM-DD' })
  @Responds(200, 'ModelComparison', 'Every model version scored on the same inspected declarations')
  compare(@Query('from') from?: string, @Query('to') to?: string): Promise<ModelComparison> {
    for (const [name, v] of [['from', from], ['to', to]] as const)
      if (v !== undefined && !DATE.test(v)) throw new BadRequestException(`${name} must be a date YYYY-MM-DD, got ${JSON.stringify(v.slice(0, 40))}`);
    return this.comparison.compare(from ?? null, to ?? null);
  }

  @Post(':version/promote')
  @HttpCode(200)
  @Roles('cbtc_analyst')
  @ApiOperation({ summary: 'Make a challenger the deciding model (audited; the previous champion keeps scoring in shadow)' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 10, maxLength: 2000 } } } })
  @ApiResponse({ status: 404, description: 'Unknown model version' })
  @ApiResponse({ status: 409, description: 'Already the champion, or retired' })
  @Responds(200, 'ModelList', 'The registry after the promotion')
  promote(@Param('version') version: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ModelList> {
    if (!VERSION.test(version)) throw new BadRequestException(`model version must look like 2.0.0, got ${JSON.stringify(version.slice(0, 40))}`);
    const reason = (body as { reason?: unknown } | null)?.reason;
    if (typeof reason !== 'string' || reason.trim().length < 10 || reason.length > 2000)
      throw new BadRequestException('reason must be a string of 10 to 2000 characters saying why this model should decide');
    const extra = Object.keys(body as object).filter((k) => k !== 'reason');
    if (extra.length) throw new BadRequestException(`unknown field(s): ${extra.join(', ')}`);
    return this.registry.promote(version, user.id, reason.trim()).then((models) => ({ models }));
  }
}
