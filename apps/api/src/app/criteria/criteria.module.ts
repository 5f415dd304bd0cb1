import { Module } from '@nestjs/common';
import { CriteriaController } from './criteria.controller';
import { CriteriaService } from './criteria.service';

/** Selectivity criteria: seeding, versions, the compiled engine used by screening. */
@Module({ controllers: [CriteriaController], providers: [CriteriaService], exports: [CriteriaService] })
export class CriteriaModule {}
