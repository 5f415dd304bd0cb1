import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/cases/:id/assign`; who assigns is the caller (the token's user). */
export class AssignCaseDto {
  @ApiProperty({ description: 'Officer who will inspect: the caller themself (local officer) or an officer of the office (supervisor)', example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  officerId!: string;
}
