import { Module } from '@nestjs/common';
import { CasesController, OfficersController } from './cases.controller';
import { CasesService } from './cases.service';

/** Inspection-case queues and the officer's actions. */
@Module({ controllers: [CasesController, OfficersController], providers: [CasesService] })
export class CasesModule {}
