import type { Principal } from '../auth/principal';
import type { DeliveredRental } from './delivered-rental.entity';

/**
 * Whether the caller may read a rental's delivery evidence: admins any rental, a renter or provider only
 * the rentals it is a party to. Until the activation names the parties (`rental` null), only admins may.
 */
export function mayReadDelivery(
  caller: Pick<Principal, 'accountId' | 'role'>,
  rental: Pick<DeliveredRental, 'renterId' | 'providerId'> | null,
): boolean {
  switch (caller.role) {
    case 'admin':
      return true;
    case 'renter':
      return rental?.renterId === caller.accountId;
    case 'provider':
      return rental?.providerId === caller.accountId;
  }
}
