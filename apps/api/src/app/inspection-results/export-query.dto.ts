import { PickType } from '@nestjs/swagger';
import { LaneStatsQueryDto } from '../stats/dto/lane-stats-query.dto';

/** Query of `GET /api/inspection-results/export.csv`: a period of declaration acceptance dates (inclusive). */
export class ExportQueryDto extends PickType(LaneStatsQueryDto, ['from', 'to'] as const) {}
