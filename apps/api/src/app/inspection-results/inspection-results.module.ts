import { Module } from '@nestjs/common';
import { InspectionResultsController } from './inspection-results.controller';
import { InspectionResultsService } from './inspection-results.service';

/** The training export of labelled inspection results. */
@Module({ controllers: [InspectionResultsController], providers: [InspectionResultsService] })
export class InspectionResultsModule {}
