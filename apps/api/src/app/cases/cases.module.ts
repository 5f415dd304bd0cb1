import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Inspection-case queues and the officer's actions. */
@Module({ controllers: [CasesController], providers: [CasesService] })
export class CasesModule {}
