import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { RuntimeConfig } from '@customs/config';
import { AuthController, DevIdentityController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DEMO_USERS } from '@customs/identity';
import { TokenService } from './token.service';
import { UserDirectory } from './user-directory';

/**
 * Identities and authorisation: the global `AuthGuard` (bearer JWT on every non-public
 * route, role check, fail closed), `TokenService`, `UserDirectory`, `GET /api/auth/me`,
 * and with `AUTH_DEV_IDP` the development identity provider (`POST /api/auth/token`).
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AuthModule,
      controllers: config.auth.devIdp ? [AuthController, DevIdentityController] : [AuthController],
      providers: [
        { provide: TokenService, useFactory: () => TokenService.create(config.auth) },
        { provide: UserDirectory, useValue: new UserDirectory(config.auth.devIdp ? DEMO_USERS : null) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService, UserDirectory],
    };
  }
}
