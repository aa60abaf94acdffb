import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** A bearer access token only: for what belongs to an interactive session (logout, managing API keys). */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {}
