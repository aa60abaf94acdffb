import { type ExecutionContext, SetMetadata } from '@nestjs/common';

const STRICT_RATE_LIMIT = 'hashproof:strict-rate-limit';

/** For routes that guess passwords or mint accounts: the stricter per-client limit applies on top of the default. */
export const StrictRateLimit = () => SetMetadata(STRICT_RATE_LIMIT, true);

export function isStrictlyLimited(context: ExecutionContext): boolean {
  return Reflect.getMetadata(STRICT_RATE_LIMIT, context.getHandler()) === true;
}
