import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { XrayDecision } from '@customs/persistence';

/** The X-ray interpreter's decisions: release the parcel, send it to inspection, or hold it for a second look. */
export const XRAY_DECISIONS: readonly XrayDecision[] = ['RELEASE', 'INSPECT', 'HOLD'];

/** Body of `POST /api/express/waybills/:waybillNumber/interpretation`; the interpreter is the caller. */
export class InterpretWaybillDto {
  @ApiProperty({ enum: XRAY_DECISIONS, description: 'RELEASE, INSPECT (opens an inspection case) or HOLD (decide later)', example: 'RELEASE' })
  @IsIn(XRAY_DECISIONS)
  decision!: XrayDecision;

  @ApiPropertyOptional({ description: 'What the image showed (at most 2000 characters)', maxLength: 2000, example: 'organic mass behind the shoe soles' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
