import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomsMetrics } from './customs-metrics';
import { MetricsController } from './metrics.controller';
import { registerScrapeGauges } from './scrape-gauges';

/**
 * The API's Prometheus metrics (global): `CustomsMetrics` for the features that count and time
 * (screening, criteria, case start), the gauges read at scrape time (outboxes, database pool),
 * and `GET /metrics`.
 */
@Global()
@Module({
  providers: [{ provide: CustomsMetrics, useFactory: () => new CustomsMetrics() }],
  controllers: [MetricsController],
  exports: [CustomsMetrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: CustomsMetrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    registerScrapeGauges(this.metrics, this.dataSource);
  }
}
