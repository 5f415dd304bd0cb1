import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/cases/:id/assign`. */
export class AssignCaseDto {
  @ApiProperty({ description: 'Officer who will inspect', example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  officerId!: string;

  @ApiProperty({ description: 'Who assigns (the officer themself or a supervisor)', example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  actor!: string;
}
