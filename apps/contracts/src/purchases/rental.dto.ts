import { hashesPerSecond, stratumPoolUrl } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { rigCredentialOf } from '../provider-rentals/rig-credential';
import type { Rental } from '../rentals/rental.entity';
import { rentalStatuses } from '../rentals/rental-status';
import type { RentalReader } from './rental-access';

/** No price: the price is the listing's, computed here. */
export class RentBodyDto extends createZodDto(
  z.strictObject({
    listingId: z.uuid(),
    hashrate: hashesPerSecond,
    durationSeconds: z.number().int().min(1).max(2_147_483_647),
    pool: z.strictObject({
      url: stratumPoolUrl,
      worker: z.string().min(1).max(256),
      password: z.string().max(256).default('x'),
    }),
  }),
) {}

/** Visible ASCII, as Stripe's own keys: a UUID or any client-chosen token up to 255 characters. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/, '1–255 visible ASCII characters');

export class RentalIdParamsDto extends createZodDto(z.strictObject({ rentalId: z.uuid() })) {}

export class RentalsQueryDto extends createZodDto(
  z.strictObject({
    listingId: z.uuid().optional(),
    status: z.enum(rentalStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(300).optional(),
  }),
) {}

/**
 * A rental as the gateway receives it, cut to its reader: the renter sees its pool but never the rigs'
 * credential, the provider the credential (while its rigs should mine) but never the renter's pool, admins
 * both. Nobody ever gets the pool password back.
 */
export function rentalView(rental: Rental, reader: RentalReader) {
  return {
    id: rental.id,
    listingId: rental.listingId,
    providerId: rental.providerId,
    renterId: rental.renterId,
    status: rental.status,
    hashrate: rental.hashrate,
    durationSeconds: rental.durationSeconds,
    priceMinor: Number(rental.priceMinor),
    currency: rental.currency,
    startsAt: rental.startsAt?.toISOString() ?? null,
    endsAt: rental.endsAt?.toISOString() ?? null,
    createdAt: rental.createdAt.toISOString(),
    paymentHoldExpiresAt:
      rental.status === 'pending_payment' ? (rental.paymentHoldExpiresAt?.toISOString() ?? null) : null,
    pool: reader === 'provider' ? null : { url: rental.poolUrl, worker: rental.poolWorker },
    stratumCredential: reader === 'renter' ? null : rigCredentialOf(rental),
    settlement: settlementView(rental),
  };
}

/** What the money came to, once payouts settled the rental; the same for everyone who sees the rental. */
function settlementView(rental: Rental) {
  if (rental.providerEarningsMinor === null || rental.renterRefundMinor === null) return null;
  return {
    providerEarningsMinor: Number(rental.providerEarningsMinor),
    renterRefundMinor: Number(rental.renterRefundMinor),
  };
}
