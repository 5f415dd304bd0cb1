import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Query of `GET /api/drift`: the last ISO week of the report and how many weeks back. */
export class DriftQueryDto {
  @ApiPropertyOptional({ description: 'Last ISO week of the report, YYYY-Www (default: the week of the latest declaration the deciding model decided)', example: '2021-W05', pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$' })
  @IsOptional()
  @Matches(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { message: 'week must be an ISO week YYYY-Www (W01..W53)' })
  week?: string;

  @ApiPropertyOptional({ description: 'Number of weeks ending with `week` (1..26, default 8)', example: 8, minimum: 1, maximum: 26 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(26)
  weeks?: number;
}
