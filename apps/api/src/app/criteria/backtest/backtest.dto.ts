import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../services/http/code-validators';

/** Query of `GET /api/criteria/:id/versions/:version/backtest`: the period of decisions to read. */
export class BacktestPeriodDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day of decisions read (UTC; default: to minus 27 days)', example: '2026-11-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of decisions read, included (UTC; default: today)', example: '2026-11-28' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Body of `POST /api/criteria/backtest`: a criterion as it would be written, and the period. */
export class BacktestDraftDto extends BacktestPeriodDto {
  @ApiProperty({ allOf: [{ $ref: '#/components/schemas/CriterionInput' }], description: 'The criterion as POST /api/criteria takes it (not stored)' })
  @IsObject()
  criterion!: Record<string, unknown>;
}
