import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../services/http/code-validators';

/** Query of `GET /api/parties/:partyKey`: the date the network is cut at. */
export class PartyQueryDto {
  @ApiPropertyOptional({
    description: 'As-of date, YYYY-MM-DD (default: today, UTC). Only declarations dated, and seizures known, strictly before it count',
    example: '2021-07-01',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
