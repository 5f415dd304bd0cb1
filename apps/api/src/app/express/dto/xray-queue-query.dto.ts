import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CODE_FORMATS } from '@customs/domain';

/** Query of `GET /api/express/xray-queue`. */
export class XrayQueueQueryDto {
  @ApiPropertyOptional({ description: 'Customs office code of the logistics centre (officers and supervisors: their own office, the default)', example: '40', pattern: CODE_FORMATS.officeId.pattern.source })
  @IsOptional()
  @Matches(CODE_FORMATS.officeId.pattern, { message: `centre must be ${CODE_FORMATS.officeId.what}` })
  centre?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'HELD'], default: 'PENDING', description: 'PENDING: not yet interpreted; HELD: on hold' })
  @IsOptional()
  @IsIn(['PENDING', 'HELD'])
  state?: 'PENDING' | 'HELD';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items to return' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
