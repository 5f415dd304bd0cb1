import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { PassengerRepository } from '@customs/persistence';
import { RUNTIME_CONFIG } from '../../services/config/config.module';

/**
 * PNR retention (EU PNR Directive (EU) 2016/681, art. 12): every `PNR_RETENTION_CHECK_MS`
 * (default hourly) and once at start, depersonalises the PNRs whose retention
 * (`PNR_RETENTION_MONTHS`, default six months from receipt; the due day is stored with each PNR)
 * has ended: travellers' names and document numbers are masked for good. Idempotent: several API
 * processes may run it; each PNR is depersonalised once.
 */
@Injectable()
export class PnrRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PnrRetentionService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly passengers: PassengerRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.runOnce().catch((err) => this.logger.warn(`PNR retention: ${(err as Error).message}`)).finally(() => {
        if (this.timer !== null) this.timer = setTimeout(tick, this.config.pnrRetentionCheckMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Depersonalises every PNR due today or earlier (UTC date).
   * @returns the booking references depersonalised now.
   */
  async runOnce(today = new Date().toISOString().slice(0, 10)): Promise<string[]> {
    const done = await this.passengers.depersonaliseDue(today);
    if (done.length > 0) this.logger.log({ message: 'PNRs depersonalised after their retention', bookings: done.length });
    return done;
  }
}
