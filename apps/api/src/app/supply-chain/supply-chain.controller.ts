import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RuntimeConfig } from '@customs/config';
import { validateDeclaration } from '@customs/domain';
import { Roles } from '../../services/auth/auth.decorators';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { batchSchema, DECLARATION_SCHEMA } from '../../contract/declaration.schema';
import { Responds } from '../../services/http/responds.decorator';
import { listItems } from '../../services/http/list-body';
import { SupplyChainHistoryService, type ImportedOutcome, type OutcomesImported } from './supply-chain-history.service';

/** Labelled outcomes of the past, feeding the supply-chain history (`/api/supply-chain`). */
@ApiTags('supply-chain')
@Controller('supply-chain')
export class SupplyChainController {
  constructor(
    private readonly history: SupplyChainHistoryService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Imports inspection outcomes of the past (e.g. the KCS files' Fraud / Critical Fraud
   * labels) as supply-chain history. All or nothing per request; idempotent on the
   * declaration id (an outcome already known is kept as it is).
   * @throws BadRequestException (400) naming every bad item by index.
   */
  @Post('outcomes')
  @HttpCode(200)
  @Roles('service', 'cbtc_analyst')
  @ApiOperation({ summary: 'Import labelled inspection outcomes of the past into the supply-chain history (idempotent on the declaration id)' })
  @ApiBody({
    schema: batchSchema('outcomes', {
      type: 'object',
      additionalProperties: false,
      required: ['declaration', 'fraud', 'criticalFraud'],
      properties: {
        declaration: DECLARATION_SCHEMA,
        fraud: { type: 'integer', enum: [0, 1] },
        criticalFraud: { type: 'integer', enum: [0, 1, 2], description: '0 none, 1 fraud, 2 a threat to public safety' },
      },
    }),
  })
  @Responds(200, 'OutcomesImported', 'How many outcomes were received and how many were new')
  @ApiResponse({ status: 400, description: 'Malformed body or items; errors: [{ index, message }]' })
  importOutcomes(@Body() body: unknown): Promise<OutcomesImported> {
    return this.history.importOutcomes(this.parse(body));
  }

  private parse(body: unknown): ImportedOutcome[] {
    const items = listItems(body, 'outcomes', this.config.maxBatchSize);
    const errors: Array<{ index: number; message: string }> = [];
    const out: ImportedOutcome[] = [];
    items.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return errors.push({ index, message: 'must be an object' });
      const o = item as Record<string, unknown>;
      const problems: string[] = [];
      const unknown = Object.keys(o).filter((k) => !['declaration', 'fraud', 'criticalFraud'].includes(k));
      if (unknown.length) problems.push(`unknown field(s) ${unknown.join(', ')}`);
      if (o['fraud'] !== 0 && o['fraud'] !== 1) problems.push('fraud must be 0 or 1');
      if (o['criticalFraud'] !== 0 && o['criticalFraud'] !== 1 && o['criticalFraud'] !== 2) problems.push('criticalFraud must be 0, 1 or 2');
      const d = validateDeclaration(o['declaration']);
      if (!d.ok) problems.push(...d.errors.map((e) => `declaration: ${e}`));
      if (problems.length) return errors.push({ index, message: problems.join('; ') });
      if (d.ok) out.push({ declaration: d.value, fraud: o['fraud'] as 0 | 1, criticalFraud: o['criticalFraud'] as 0 | 1 | 2 });
      return undefined;
    });
    if (errors.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${errors.length} outcome(s) are invalid`, errors });
    return out;
  }
}
