import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountViewDto, type AccountView, accountView } from '../accounts/account.dto';
import { RegisterAccountUseCase } from '../accounts/register-account.usecase';
import { ApiProblemResponses } from '../problem-details/api-problem-responses.decorator';
import { StrictRateLimit } from '../rate-limiting/strict-rate-limit.decorator';
import { AccessTokenGuard } from './access-token.guard';
import { LoginDto, RefreshDto, RegisterDto, TokenPairDto } from './auth.dto';
import { CurrentPrincipal } from './current-principal.decorator';
import { EndSessionUseCase } from './end-session.usecase';
import { LocalAuthGuard } from './local-auth.guard';
import type { Principal } from './principal';
import { RotateRefreshTokenUseCase } from './rotate-refresh-token.usecase';
import type { SessionTokenPair } from './session-tokens';
import { StartSessionUseCase } from './start-session.usecase';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly registerAccount: RegisterAccountUseCase,
    private readonly startSession: StartSessionUseCase,
    private readonly rotateRefreshToken: RotateRefreshTokenUseCase,
    private readonly endSession: EndSessionUseCase,
  ) {}

  @Post('register')
  @StrictRateLimit()
  @ApiCreatedResponse({ type: AccountViewDto })
  @ApiProblemResponses(400, 409, 429)
  async register(@Body() body: RegisterDto): Promise<AccountView> {
    return accountView(await this.registerAccount.execute(body));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @StrictRateLimit()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(400, 401, 429)
  login(@CurrentPrincipal() principal: Principal): Promise<SessionTokenPair> {
    return this.startSession.execute(principal);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(400, 401, 429)
  refresh(@Body() body: RefreshDto): Promise<SessionTokenPair> {
    return this.rotateRefreshToken.execute(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(AccessTokenGuard)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'the session is revoked: its refresh and access tokens stop working' })
  @ApiProblemResponses(401, 429)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    // AccessTokenGuard admits only access-token principals; the check tells the compiler so.
    if (principal.via === 'access-token') await this.endSession.execute(principal.accountId, principal.sessionId);
  }
}
