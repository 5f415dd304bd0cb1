import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { INTELLIGENCE_RISK_AREAS, INTELLIGENCE_SOURCE_TYPES, SMUGGLING_SUBTYPES } from '@customs/workflows/messages';
import { IsCountryCode, IsOfficeCode } from '../../services/http/code-validators';

/** Identifier types a subject may carry; the first four are declaration facts criteria can match. */
export const SUBJECT_ID_TYPES = ['importerId', 'declarantId', 'sellerId', 'courierId', 'businessNumber', 'passportNumber'] as const;

/** Who sent the report. */
export class IntelligenceSourceDto {
  @ApiProperty({ example: 'Japan Customs' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisation!: string;

  @ApiProperty({ enum: INTELLIGENCE_SOURCE_TYPES })
  @IsIn(INTELLIGENCE_SOURCE_TYPES)
  type!: string;

  @ApiPropertyOptional({ example: 'JP', description: 'The sender\u2019s country (ISO 3166-1 alpha-2), e.g. of a foreign customs administration; the intake page asks for it with FOREIGN_CUSTOMS' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

/** A person, a company, or an identifier (importer, declarant... id). */
@JSONSchema({
  oneOf: [
    { properties: { kind: { enum: ['PERSON', 'COMPANY'] }, name: { type: 'string' } }, required: ['name'] },
    { properties: { kind: { enum: ['IDENTIFIER'] }, idType: { type: 'string' }, value: { type: 'string' } }, required: ['idType', 'value'] },
  ],
  description: 'A PERSON or COMPANY needs `name`; an IDENTIFIER needs `idType` and `value` (subjectKeys in intelligence.service.ts)',
})
export class IntelligenceSubjectDto {
  @ApiProperty({ enum: ['PERSON', 'COMPANY', 'IDENTIFIER'] })
  @IsIn(['PERSON', 'COMPANY', 'IDENTIFIER'])
  kind!: 'PERSON' | 'COMPANY' | 'IDENTIFIER';

  @ApiPropertyOptional({ description: 'Name of a PERSON or COMPANY', example: 'Acme Trading Co.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: SUBJECT_ID_TYPES, description: 'Type of an IDENTIFIER' })
  @IsOptional()
  @IsIn(SUBJECT_ID_TYPES)
  idType?: string;

  @ApiPropertyOptional({ description: 'Value of an IDENTIFIER', example: 'QLRUBN9' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'value must be 1-40 letters, digits or dashes' })
  value?: string;
}

/** Goods the report concerns. */
export class IntelligenceGoodsDto {
  @ApiPropertyOptional({ example: '9305', description: 'HS code or prefix, 2-10 digits' })
  @IsOptional()
  @Matches(/^\d{2,10}$/, { message: 'hsCode must be 2-10 digits' })
  hsCode?: string;

  @ApiPropertyOptional({ example: 'pistol parts declared as tools' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** A route: countries of origin and departure (ISO 3166-1 alpha-2). */
export class IntelligenceRouteDto {
  @ApiPropertyOptional({ example: 'CN' })
  @IsOptional()
  @IsCountryCode()
  originCountry?: string;

  @ApiPropertyOptional({ example: 'HK' })
  @IsOptional()
  @IsCountryCode()
  departureCountry?: string;
}

/** Body of `POST /api/intelligence`: one intelligence or detection report. */
@JSONSchema({
  oneOf: [
    { properties: { riskArea: { enum: ['SMUGGLING'] }, smugglingSubtype: { enum: [...SMUGGLING_SUBTYPES] } }, required: ['smugglingSubtype'] },
    { properties: { riskArea: { enum: INTELLIGENCE_RISK_AREAS.filter((a) => a !== 'SMUGGLING') } }, not: { required: ['smugglingSubtype'] } },
  ],
  description: '`smugglingSubtype` is required with riskArea SMUGGLING and refused with any other',
})
export class CreateIntelligenceDto {
  @ApiProperty({ type: IntelligenceSourceDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IntelligenceSourceDto)
  source!: IntelligenceSourceDto;

  @ApiProperty({ enum: INTELLIGENCE_RISK_AREAS })
  @IsIn(INTELLIGENCE_RISK_AREAS)
  riskArea!: string;

  @ApiPropertyOptional({ enum: SMUGGLING_SUBTYPES, description: 'Required when riskArea is SMUGGLING' })
  @IsOptional()
  @IsIn(SMUGGLING_SUBTYPES)
  smugglingSubtype?: string;

  @ApiProperty({ type: [IntelligenceSubjectDto], description: 'At least one subject; duplicates are found by them' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IntelligenceSubjectDto)
  subjects!: IntelligenceSubjectDto[];

  @ApiPropertyOptional({ type: [IntelligenceGoodsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IntelligenceGoodsDto)
  goods?: IntelligenceGoodsDto[];

  @ApiPropertyOptional({ type: [IntelligenceRouteDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IntelligenceRouteDto)
  routes?: IntelligenceRouteDto[];

  @ApiPropertyOptional({ description: 'Office that detected it (local detections; an officer\u2019s own office by default)', example: '40' })
  @IsOptional()
  @IsOfficeCode()
  reportingOfficeId?: string;

  @ApiPropertyOptional({ description: 'Office of the port the intelligence concerns', example: '20' })
  @IsOptional()
  @IsOfficeCode()
  portOfficeId?: string;

  @ApiProperty({ description: 'The report in free text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text!: string;
}
