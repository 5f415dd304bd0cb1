import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CASE_STATUSES } from '@customs/workflows/messages';
import { CASE_SORTS, type CaseSort } from '@customs/persistence';
import { IsOfficeCode } from '../../../services/http/code-validators';

/** Query of `GET /api/cases`: the queue of one office, filtered and paged. */
export class ListCasesDto {
  @ApiPropertyOptional({ description: 'Customs office code', example: '40' })
  @IsOptional()
  @IsOfficeCode()
  officeId?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: ['YELLOW', 'RED'] })
  @IsOptional()
  @IsIn(['YELLOW', 'RED'])
  lane?: string;

  @ApiPropertyOptional({ description: 'Officer id the cases are assigned to' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Only escalated cases (true: left QUEUED past CASE_ESCALATE_AFTER_MS) or only the others (false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  escalated?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Only open cases (true: not CLOSED) or only closed ones (false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    default: 'score',
    description: 'score: riskiest first, then oldest; age: oldest first; due: soonest SLA due date first (opened + CASE_ESCALATE_AFTER_MS, so the age order while every case has the same SLA)',
  })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}
