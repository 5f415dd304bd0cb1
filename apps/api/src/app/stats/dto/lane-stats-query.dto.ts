import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsNotBefore, IsOfficeCode } from '../../../services/http/code-validators';

/** Query of `GET /api/stats/lanes`: a period of declaration acceptance dates (inclusive) and an office. */
export class LaneStatsQueryDto {
  @ApiPropertyOptional({ description: 'First acceptance date, YYYY-MM-DD (default: no lower bound)', example: '2021-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last acceptance date, YYYY-MM-DD (default: no upper bound)', example: '2021-03-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ description: 'Customs office code (officers and supervisors: their own)', example: '40' })
  @IsOptional()
  @IsOfficeCode()
  officeId?: string;
}
