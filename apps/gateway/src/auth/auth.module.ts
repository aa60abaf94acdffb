import { createSecretKey } from 'node:crypto';
import type { GatewayConfig } from '@hashproof/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyStrategy } from './api-key.strategy';
import { AuthController } from './auth.controller';
import { accessTokenAudience, accessTokenIssuer, AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { EndSessionUseCase } from './end-session.usecase';
import { ACCESS_TOKEN_SECRET, JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { RotateRefreshTokenUseCase } from './rotate-refresh-token.usecase';
import { SessionRevocations } from './session-revocations';
import { SessionTokens } from './session-tokens';
import { StartSessionUseCase } from './start-session.usecase';

@Module({})
export class AuthModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: AuthSettings = {
      accessTokenTtlSeconds: config.JWT_ACCESS_TTL_SECONDS,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    };
    return {
      module: AuthModule,
      imports: [
        AccountsModule,
        ApiKeysModule,
        PassportModule.register({ session: false }),
        JwtModule.register({
          secret: config.JWT_ACCESS_SECRET,
          signOptions: {
            algorithm: 'HS256',
            expiresIn: config.JWT_ACCESS_TTL_SECONDS,
            issuer: accessTokenIssuer,
            audience: accessTokenAudience,
          },
        }),
      ],
      controllers: [AuthController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        { provide: ACCESS_TOKEN_SECRET, useValue: createSecretKey(Buffer.from(config.JWT_ACCESS_SECRET)) },
        LocalStrategy,
        JwtStrategy,
        ApiKeyStrategy,
        SessionTokens,
        SessionRevocations,
        StartSessionUseCase,
        RotateRefreshTokenUseCase,
        EndSessionUseCase,
      ],
    };
  }
}
