import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ASSESSMENT_DECISIONS, INTELLIGENCE_RISK_AREAS, RISK_CASE_STATUSES } from '@customs/workflows/messages';
import { IsCalendarDate, IsDesk, IsOfficeCode } from '../../services/http/code-validators';

/** The six assessment factors, 1 (weak) to 5 (strong). */
export class AssessmentScoresDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) timeliness!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) importance!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) applicability!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) accuracy!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) reliability!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) influence!: number;
}

/** Body of `POST /api/risk-cases/:id/assess`. */
export class AssessRiskCaseDto {
  @ApiProperty({ type: AssessmentScoresDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentScoresDto)
  scores!: AssessmentScoresDto;

  @ApiProperty({ enum: ASSESSMENT_DECISIONS })
  @IsIn(ASSESSMENT_DECISIONS)
  decision!: 'DISMISS' | 'SHARE' | 'TARGET';

  @ApiPropertyOptional({ description: 'Offices to share with (SHARE)', example: ['40'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsOfficeCode({ each: true })
  shareWith?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/**
 * Body of `POST /api/risk-cases/:id/criteria`: a criterion drafted from the case. Everything but
 * `id` is prefilled from the case's reports (subjects -> importer/declarant conditions, goods ->
 * HS prefixes, routes -> origin countries) unless given.
 */
export class DraftCriterionDto {
  @ApiProperty({ example: 'CEN-WPN-101' })
  @Matches(/^(CEN-[A-Z]{2,5}-\d{3}|LOC-[0-9A-Z]{1,6}-\d{3})$/, { message: 'id must look like CEN-WPN-101 or LOC-40-101' })
  id!: string;

  @ApiPropertyOptional({ enum: ['CENTRAL', 'LOCAL'] }) @IsOptional() @IsIn(['CENTRAL', 'LOCAL']) scope?: string;
  @ApiPropertyOptional({ example: '40' }) @IsOptional() @IsOfficeCode() officeId?: string;
  @ApiPropertyOptional({ enum: ['YELLOW', 'RED'] }) @IsOptional() @IsIn(['YELLOW', 'RED']) lane?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) pointsOfInterest?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) keywords?: string[];
  @ApiPropertyOptional({ example: '2021-01-01', format: 'date' }) @IsOptional() @IsCalendarDate() validFrom?: string;
  @ApiPropertyOptional({ example: '2021-12-31', format: 'date' }) @IsOptional() @IsCalendarDate() validTo?: string;
  @ApiPropertyOptional({ allOf: [{ $ref: '#/components/schemas/TopLevelConditions' }], description: 'Conditions (json-rules-engine); default: prefilled from the case' }) @IsOptional() @IsObject() conditions?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Validity window of the risk case once approved, days (default: the case\u2019s window, RISK_WINDOW_DAYS, 15)', minimum: 1, maximum: 366 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  validityDays?: number;
}

/** Body of `POST /api/risk-cases/:id/window`: extend the validity window, or end it now (-> FEEDBACK). */
@JSONSchema({ anyOf: [{ properties: { days: { type: 'integer' } }, required: ['days'] }, { properties: { action: { enum: ['END'] } } }], description: '`days` is required to EXTEND' })
export class AdjustWindowDto {
  @ApiProperty({ enum: ['EXTEND', 'END'] })
  @IsIn(['EXTEND', 'END'])
  action!: 'EXTEND' | 'END';

  @ApiPropertyOptional({ minimum: 1, maximum: 366, description: 'Days to add (EXTEND)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}

/** Body of `POST /api/risk-cases/:id/close`. */
export class CloseRiskCaseDto {
  @ApiProperty({ description: 'The analyst\u2019s conclusion: revised, extended or retired criteria, and why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}

/** Query of `GET /api/risk-cases`: every filter optional, all of them applied together. */
export class ListRiskCasesDto {
  @ApiPropertyOptional({ enum: RISK_CASE_STATUSES }) @IsOptional() @IsIn(RISK_CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: INTELLIGENCE_RISK_AREAS }) @IsOptional() @IsIn(INTELLIGENCE_RISK_AREAS) riskArea?: string;

  @ApiPropertyOptional({ description: 'The desk working the case: `CBTC` (routed to the CBTC desk) or an office code (routed to or shared with that office)', example: 'CBTC' })
  @IsOptional()
  @IsDesk()
  desk?: string;

  @ApiPropertyOptional({ description: 'Only cases opened at most this many days ago (whole days, 24 h each)', minimum: 0, maximum: 3660, example: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  maxAgeDays?: number;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}
