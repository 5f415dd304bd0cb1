import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Most cases one bulk assignment may name. */
export const MAX_BULK_ASSIGN = 100;

/** Body of `POST /api/cases/assign`: several cases to one officer, by the caller (a supervisor). */
export class BulkAssignDto {
  @ApiProperty({ type: [String], description: `1 to ${MAX_BULK_ASSIGN} case ids, each once`, example: ['inspection-case-56839011'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ASSIGN)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^inspection-case-[A-Za-z0-9]{1,20}$/, { each: true, message: 'each of caseIds must be "inspection-case-" followed by a declaration id' })
  caseIds!: string[];

  @ApiProperty({ description: 'Officer of the office who will inspect them', example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  officerId!: string;
}
