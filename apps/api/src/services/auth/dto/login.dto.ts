import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/auth/token` (development identity provider). */
export class LoginDto {
  @ApiProperty({ example: 'officer-40-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'officer-40-01-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}
