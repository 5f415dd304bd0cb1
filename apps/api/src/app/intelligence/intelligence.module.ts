import { Module } from '@nestjs/common';
import { IntelligenceController } from './intelligence.controller';
import { IntelligenceService } from './intelligence.service';

/** Intelligence intake and routing; opens risk cases. */
@Module({ controllers: [IntelligenceController], providers: [IntelligenceService] })
export class IntelligenceModule {}
