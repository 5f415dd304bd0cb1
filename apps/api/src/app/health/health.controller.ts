import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { Public } from '../../services/auth/auth.decorators';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';

/** `GET /api/health`: whether Postgres and Temporal are reachable (200 up, 503 otherwise). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Reachability of PostgreSQL and Temporal' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      async () => {
        const temporal = this.indicator.check('temporal');
        try {
          await this.temporal.connection.withDeadline(Date.now() + 2000, () =>
            this.temporal.connection.workflowService.getSystemInfo({}),
          );
          return temporal.up();
        } catch (err) {
          return temporal.down({ message: (err as Error).message });
        }
      },
    ]);
  }
}
