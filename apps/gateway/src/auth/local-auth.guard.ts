import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { validate } from 'nestjs-zod';
import { LoginDto } from './auth.dto';

/** Email and password (LocalStrategy). */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    // Guards run before pipes: check the body first, so a malformed login is a 400 whatever the password.
    validate(context.switchToHttp().getRequest<{ body: unknown }>().body, LoginDto);
    return super.canActivate(context);
  }
}
