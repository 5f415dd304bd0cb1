import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /api/reference/{list}`: which version (default: the newest). */
export class ReferenceListQueryDto {
  @ApiPropertyOptional({ description: 'Version of the list; the newest when omitted', minimum: 1, maximum: 1000000, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  version?: number;
}
