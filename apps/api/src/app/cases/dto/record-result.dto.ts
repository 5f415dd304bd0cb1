import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { INSPECTION_OUTCOMES, type InspectionOutcome } from '@customs/workflows/messages';

/** An officer's verdict on one fired criterion. */
export class CriterionVerdictDto {
  @ApiProperty({ example: 'CEN-WPN-001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  criterionId!: string;

  @ApiProperty({ description: 'Was selecting this declaration by this criterion appropriate?' })
  @IsBoolean()
  appropriate!: boolean;

  @ApiPropertyOptional({ example: 'Glue gun, not a firearm: keyword too broad' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Body of `POST /api/cases/:id/result`; who records it is the caller (the token's user). */
export class RecordResultDto {
  @ApiProperty({ enum: INSPECTION_OUTCOMES })
  @IsIn(INSPECTION_OUTCOMES)
  outcome!: InspectionOutcome;

  @ApiProperty({ description: 'What the inspection found (required unless NO_FINDING)', example: '' })
  @IsString()
  @MaxLength(10_000)
  findings!: string;

  @ApiProperty({ type: [CriterionVerdictDto], description: 'One verdict per fired criterion' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionVerdictDto)
  verdicts!: CriterionVerdictDto[];
}
