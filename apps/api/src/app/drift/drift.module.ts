import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { DriftController } from './drift.controller';
import { DriftRepository } from './drift.repository';
import { DriftService } from './drift.service';

/** The deciding model's weekly drift in service: `GET /api/drift` and the `customs_drift_*` gauges. */
@Module({ imports: [ModelsModule], controllers: [DriftController], providers: [DriftRepository, DriftService] })
export class DriftModule {}
