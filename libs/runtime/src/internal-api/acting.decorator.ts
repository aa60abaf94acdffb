import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ActingPrincipal } from './acting-principal';
import { ACTING_PRINCIPAL, type GuardedRequest } from './internal-api.guard';

/**
 * The principal the gateway acts for on an internal route, or null when the call names none. Only under
 * InternalApiGuard: elsewhere it fails, rather than read a header nobody checked.
 */
export const Acting = createParamDecorator((_data: unknown, context: ExecutionContext): ActingPrincipal | null => {
  const request = context.switchToHttp().getRequest<GuardedRequest>();
  if (!(ACTING_PRINCIPAL in request))
    throw new Error('@Acting() is only available on routes guarded by InternalApiGuard');
  return request[ACTING_PRINCIPAL] ?? null;
});
