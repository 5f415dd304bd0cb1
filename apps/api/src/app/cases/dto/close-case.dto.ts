import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/cases/:id/close`. */
export class CloseCaseDto {
  @ApiProperty({ description: 'Officer closing the case', example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  actor!: string;
}
