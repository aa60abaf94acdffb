import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Rental } from '../rentals/rental.entity';
import { rentalStatuses } from '../rentals/rental-status';
import { rigCredentialOf } from './rig-credential';

export class ProviderRentalsQueryDto extends createZodDto(
  z.strictObject({
    providerId: z.uuid().optional(),
    listingId: z.uuid().optional(),
    status: z.enum(rentalStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(300).optional(),
  }),
) {}

/** What the provider sees of a rental sold from its listings: never the renter's pool login. */
export function providerRentalView(rental: Rental) {
  return {
    id: rental.id,
    listingId: rental.listingId,
    providerId: rental.providerId,
    status: rental.status,
    hashrate: rental.hashrate,
    durationSeconds: rental.durationSeconds,
    priceMinor: Number(rental.priceMinor),
    currency: rental.currency,
    startsAt: rental.startsAt?.toISOString() ?? null,
    endsAt: rental.endsAt?.toISOString() ?? null,
    createdAt: rental.createdAt.toISOString(),
    stratumCredential: rigCredentialOf(rental),
  };
}
