import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrailRepository, type ChainReport } from '@customs/persistence';
import { Roles } from '../../services/auth/auth.decorators';
import { Responds } from '../../services/http/responds.decorator';

/** Result of `GET /api/audit/verify`. */
export interface AuditVerification {
  /** True when every chain is intact. */
  ok: boolean;
  /** One report per chain: rows verified, head, or the first missing / altered / re-linked row. */
  chains: ChainReport[];
}

/**
 * The auditor's check of the tamper-evident audit trail (`/api/audit`): the same walk as
 * `npm run audit:verify`, over the hash chains of decision records, case events and risk-case
 * events. Reads every chained row: seconds per million rows.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly auditTrail: AuditTrailRepository) {}

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({ summary: 'Walk the hash chains and name the first missing or altered row of each (200 either way; `ok` says)' })
  @Responds(200, 'AuditVerification', 'Every chain walked: rows verified, head, or the first missing, altered or re-linked row')
  async verify(): Promise<AuditVerification> {
    const chains = await this.auditTrail.verify();
    return { ok: chains.every((c) => c.ok), chains };
  }
}
