import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CustomsMetrics } from './customs-metrics';

/**
 * `GET /metrics` (outside the `/api` prefix, no bearer token): every metric of this API process
 * in Prometheus text format, for a scraper inside the deployment's network. Left out of the
 * OpenAPI document; keep the path off the public ingress (see README, "Metrics and health").
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: CustomsMetrics) {}

  @Get()
  @Public()
  @ApiExcludeEndpoint()
  async scrape(@Res() res: Response): Promise<void> {
    const text = await this.metrics.render();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).send(text);
  }
}
