import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, type AuthUser } from './auth-user';
import { CurrentUser, Public, Roles } from './auth.decorators';
import { Responds } from '../http/responds.decorator';
import { findDemoUser } from './demo-users';
import { LoginDto } from './dto/login.dto';
import { TokenService, type Jwks } from './token.service';

/** `POST /api/auth/token`: a bearer token for the user it names. */
export interface TokenResponse {
  /** A signed JWT (RS256). */
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the token, seconds. */
  expiresIn: number;
  user: AuthUser;
}

/** `GET /api/auth/me`: who the bearer token says the caller is (any identity provider). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The caller as the API sees them: id, name, role, office' })
  @Responds(200, 'AuthUser', 'The caller')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

/**
 * The built-in development identity provider (`AUTH_DEV_IDP`): logs in the demo users of
 * `demo-users.ts` and publishes its public key. Not registered when it is off.
 */
@ApiTags('auth')
@Controller('auth')
export class DevIdentityController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development login: a bearer token for a demo user (see README, "Demo users")' })
  @Responds(200, 'TokenResponse', 'A bearer token and the user it names')
  @ApiResponse({ status: 401, description: 'Unknown username or wrong password' })
  async token(@Body() body: LoginDto): Promise<TokenResponse> {
    const user = findDemoUser(body.username, body.password);
    if (!user) throw new UnauthorizedException('unknown username or wrong password');
    const { token, expiresIn } = await this.tokens.issue(user);
    return { accessToken: token, tokenType: 'Bearer' as const, expiresIn, user };
  }

  @Get('jwks')
  @Public()
  @ApiOperation({ summary: 'The development identity provider\u2019s public signing key (JWKS)' })
  @Responds(200, 'Jwks', 'The public key that signs the development tokens, as a JWK Set')
  jwks(): Jwks {
    return this.tokens.publicJwks();
  }
}
