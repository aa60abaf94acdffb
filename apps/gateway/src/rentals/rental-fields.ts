import { rentalLifecycleStatuses } from '@hashproof/events';
import { z } from 'zod';

const rentalStatus = z.enum(rentalLifecycleStatuses);

/** What every answer about a rental from contracts holds, whoever asks. */
export const contractsRentalFields = {
  id: z.uuid(),
  listingId: z.uuid(),
  providerId: z.uuid(),
  status: rentalStatus,
  hashrate: z.string(),
  durationSeconds: z.number().int(),
  priceMinor: z.number().int(),
  currency: z.string(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  stratumCredential: z.string().nullable(),
};

/** The filters and paging every list of rentals takes. */
export const rentalListQueryFields = {
  status: rentalStatus.optional(),
  listingId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('page size, 20 unless given (at most 100)'),
  cursor: z.string().max(300).optional().describe('the `nextCursor` of the previous page'),
};

export interface RigStratum {
  readonly url: string;
  readonly credential: string;
}

/** The rental with where and how the provider's rigs mine it, in place of the bare credential, when they should. */
export function withRigStratum<Rental extends { readonly stratumCredential: string | null }>(
  rental: Rental,
  stratumUrl: string,
): Omit<Rental, 'stratumCredential'> & { stratum: RigStratum | null } {
  const { stratumCredential, ...rest } = rental;
  return { ...rest, stratum: stratumCredential === null ? null : { url: stratumUrl, credential: stratumCredential } };
}
