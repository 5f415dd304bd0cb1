import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** Query of `GET /api/stats/lanes`: a period of declaration acceptance dates (inclusive) and an office. */
export class LaneStatsQueryDto {
  @ApiPropertyOptional({ description: 'First acceptance date, YYYY-MM-DD (default: no lower bound)', example: '2021-01-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last acceptance date, YYYY-MM-DD (default: no upper bound)', example: '2021-03-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Customs office code (officers and supervisors: their own)', example: '40' })
  @IsOptional()
  @IsString()
  @Length(1, 8)
  officeId?: string;
}
