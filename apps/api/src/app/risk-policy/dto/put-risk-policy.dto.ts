import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

/**
 * Body of `PUT /api/offices/:officeId/risk-policy`: the figures of a new policy version.
 * Capacities and declarations are per day; shares are 0..1. Cross-field limits (a capacity
 * above the expected declarations) are checked by the service, naming the field.
 */
export class PutRiskPolicyDto {
  @ApiProperty({ description: 'Physical inspections (RED) the office can do per day', example: 20, minimum: 0 })
  @IsNumber(FINITE, { message: 'dailyPhysicalCapacity must be a finite number' })
  @Min(0, { message: 'dailyPhysicalCapacity must be >= 0' })
  dailyPhysicalCapacity!: number;

  @ApiProperty({ description: 'Document reviews (YELLOW) the office can do per day', example: 80, minimum: 0 })
  @IsNumber(FINITE, { message: 'dailyDocumentCapacity must be a finite number' })
  @Min(0, { message: 'dailyDocumentCapacity must be >= 0' })
  dailyDocumentCapacity!: number;

  @ApiPropertyOptional({
    description: 'Declarations the office receives per day; omitted: measured as the mean daily decisions of the office over the last 28 days (needs 28 days of history)',
    example: 1000,
  })
  @IsOptional()
  @IsNumber(FINITE, { message: 'expectedDailyDeclarations must be a finite number' })
  @IsPositive({ message: 'expectedDailyDeclarations must be > 0' })
  expectedDailyDeclarations?: number;

  @ApiProperty({ description: 'Share of otherwise-GREEN declarations drawn at random for the control sample (YELLOW), 0..0.5', example: 0.01 })
  @IsNumber(FINITE, { message: 'controlShare must be a finite number' })
  @Min(0, { message: 'controlShare must be between 0 and 0.5' })
  @Max(0.5, { message: 'controlShare must be between 0 and 0.5' })
  controlShare!: number;

  @ApiProperty({ description: 'Expected share of all declarations drawn from the band just below the YELLOW cut-off (YELLOW), 0..0.25', example: 0.01 })
  @IsNumber(FINITE, { message: 'explorationShare must be a finite number' })
  @Min(0, { message: 'explorationShare must be between 0 and 0.25' })
  @Max(0.25, { message: 'explorationShare must be between 0 and 0.25' })
  explorationShare!: number;

  @ApiProperty({ description: 'Why the policy changes (kept with the version for the auditor)', example: 'Two more inspectors from March' })
  @IsString({ message: 'reason must be a string' })
  @MinLength(3, { message: 'reason must say why the policy changes (at least 3 characters)' })
  @MaxLength(2000)
  reason!: string;
}

/** Body of `POST /api/offices/:officeId/risk-policy/preview`: the figures of a policy to try, as for PUT without the reason. */
export class PreviewRiskPolicyDto extends OmitType(PutRiskPolicyDto, ['reason'] as const) {}
