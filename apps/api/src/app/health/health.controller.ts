import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../services/auth/auth.decorators';
import { Responds } from '../../services/http/responds.decorator';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';

/** How long each dependency check may take before it counts as down, milliseconds. */
const CHECK_TIMEOUT_MS = 2000;

/** `GET /api/health/live`: the process is up and answering; no dependency is asked. */
export interface Liveness {
  status: 'up';
  /** Seconds since the process started. */
  uptimeSeconds: number;
}

/** One dependency's reachability; `message` says why when it is down. */
export interface DependencyCheck {
  status: 'up' | 'down';
  message?: string;
}

/** `GET /api/health/ready`: whether this process can serve (PostgreSQL and Temporal reachable); 503 with the same body when not. */
export interface Readiness {
  status: 'up' | 'down';
  checks: { postgres: DependencyCheck; temporal: DependencyCheck };
}

/**
 * Health of the API process, in three answers: `/api/health/live` (liveness: restart the
 * process when it fails), `/api/health/ready` (readiness: send it traffic only while it passes)
 * and `/api/health` (the earlier combined check, kept for existing probes and the launcher).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Reachability of PostgreSQL and Temporal' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
      async () => {
        const temporal = this.indicator.check('temporal');
        const result = await this.temporalCheck();
        return result.status === 'up' ? temporal.up() : temporal.down({ message: result.message });
      },
    ]);
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the API process is up (asks no dependency)' })
  @Responds(200, 'Liveness', 'The process answers')
  live(): Liveness {
    return { status: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Temporal are reachable from this process' })
  @Responds(200, 'Readiness', 'Ready: both dependencies answered')
  @ApiResponse({ status: 503, description: 'Not ready: a dependency is unreachable (named in `checks`)', schema: { $ref: '#/components/schemas/Readiness' } })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const [postgres, temporal] = await Promise.all([this.postgresCheck(), this.temporalCheck()]);
    const up = postgres.status === 'up' && temporal.status === 'up';
    res.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks: { postgres, temporal } };
  }

  private async postgresCheck(): Promise<DependencyCheck> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS, 'PostgreSQL');
      return { status: 'up' };
    } catch (err) {
      return { status: 'down', message: (err as Error).message };
    }
  }

  private async temporalCheck(): Promise<DependencyCheck> {
    try {
      await this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.connection.workflowService.getSystemInfo({}));
      return { status: 'up' };
    } catch (err) {
      return { status: 'down', message: (err as Error).message };
    }
  }
}

/** `work`, or a rejection naming `what` once `ms` milliseconds pass. */
function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
