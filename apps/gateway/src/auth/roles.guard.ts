import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../accounts/role';
import type { Principal } from './principal';
import { roleAllows } from './role-check';
import { ROLES_KEY } from './roles.decorator';

/** Runs after an authentication guard; 403 when the caller's role is not among the route's @Roles(). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal) throw new UnauthorizedException();
    if (!roleAllows(principal.role, allowed ?? [])) throw new ForbiddenException('your role may not do this');
    return true;
  }
}
