import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INTELLIGENCE_RISK_AREAS, INTELLIGENCE_SOURCE_TYPES, type IntelligenceRiskArea, type IntelligenceSourceType } from '@customs/workflows/messages';
import { IsCalendarDate, IsDesk, IsNotBefore } from '../../services/http/code-validators';

/**
 * Query of `GET /api/intelligence`, the intelligence inbox: every filter optional, all of them
 * applied together. Received dates are UTC calendar days, both ends inclusive.
 */
export class ListIntelligenceDto {
  @ApiPropertyOptional({ description: 'The desk\u2019s inbox: `CBTC` (reports routed to the CBTC desk) or an office code (reports routed to that office, or whose risk case is shared with it)', example: 'CBTC' })
  @IsOptional()
  @IsDesk()
  desk?: string;

  @ApiPropertyOptional({ enum: INTELLIGENCE_RISK_AREAS })
  @IsOptional()
  @IsIn(INTELLIGENCE_RISK_AREAS)
  riskArea?: IntelligenceRiskArea;

  @ApiPropertyOptional({ enum: INTELLIGENCE_SOURCE_TYPES, description: 'Who sent the report' })
  @IsOptional()
  @IsIn(INTELLIGENCE_SOURCE_TYPES)
  sourceType?: IntelligenceSourceType;

  @ApiPropertyOptional({ description: 'First day received, YYYY-MM-DD (UTC; default: no lower bound)', example: '2021-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day received, YYYY-MM-DD (UTC, inclusive; default: no upper bound)', example: '2021-03-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ description: 'true: only reports linked to an existing risk case as duplicates; false: only reports that opened their case' })
  @IsOptional()
  @IsIn(['true', 'false'])
  linked?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}
