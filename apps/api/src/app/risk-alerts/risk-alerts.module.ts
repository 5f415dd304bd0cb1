import { Module } from '@nestjs/common';
import { RiskAlertsController } from './risk-alerts.controller';
import { RiskAlertsService } from './risk-alerts.service';

/** Risk alerts: risk cases shared with an office, for its officers and supervisors, and their acknowledgements. */
@Module({ controllers: [RiskAlertsController], providers: [RiskAlertsService] })
export class RiskAlertsModule {}
