import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

/** Dashboard figures: lanes over a period, open cases per office, hit rate per criterion. */
@Module({ controllers: [StatsController], providers: [StatsService] })
export class StatsModule {}
