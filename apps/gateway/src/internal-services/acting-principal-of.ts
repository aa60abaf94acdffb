import type { ActingPrincipal } from '@hashproof/runtime';
import type { Principal } from '../auth/principal';

/** The gateway's authenticated caller as the owning services see it. */
export function actingPrincipalOf(principal: Principal): ActingPrincipal {
  return { id: principal.accountId, role: principal.role };
}
