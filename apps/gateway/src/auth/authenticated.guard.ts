import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** A bearer access token or an API key. */
@Injectable()
export class AuthenticatedGuard extends AuthGuard(['jwt', 'api-key']) {}
