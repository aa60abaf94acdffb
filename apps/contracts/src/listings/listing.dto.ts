import { currencyCode, hashesPerSecond } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { availableHashrate } from './listing-availability';
import { listingStatuses } from './listing-status';
import { listingAlgorithms, type ListingTerms } from './listing-terms';
import type { ListingWithAvailability } from './listing-with-availability';
import type { TrackRecord } from './track-record';

/** Shapes only; the listing rules (bounds, minimum ≤ maximum, ISO 4217) are the domain's, on the whole terms. */
const termFields = {
  algorithm: z.enum(listingAlgorithms),
  hashrate: hashesPerSecond,
  minDurationSeconds: z.number().int(),
  maxDurationSeconds: z.number().int(),
  pricePerThDayMinor: z.number().int().safe(),
  currency: currencyCode,
};

export class CreateListingBodyDto extends createZodDto(
  z.strictObject({
    ...termFields,
    algorithm: termFields.algorithm.default('sha256d'),
    providerId: z.uuid().optional(),
  }),
) {}

export class UpdateListingBodyDto extends createZodDto(
  z
    .strictObject({
      algorithm: termFields.algorithm.optional(),
      hashrate: termFields.hashrate.optional(),
      minDurationSeconds: termFields.minDurationSeconds.optional(),
      maxDurationSeconds: termFields.maxDurationSeconds.optional(),
      pricePerThDayMinor: termFields.pricePerThDayMinor.optional(),
      currency: termFields.currency.optional(),
    })
    .refine((body) => Object.values(body).some((value) => value !== undefined), {
      message: 'change at least one term',
    }),
) {}

export class ListingIdParamsDto extends createZodDto(z.strictObject({ listingId: z.uuid() })) {}

export class ListingActionParamsDto extends createZodDto(
  z.strictObject({ listingId: z.uuid(), action: z.enum(['publish', 'pause', 'resume', 'retire']) }),
) {}

const limit = z.coerce.number().int().min(1).max(100).default(20);
const count = z.coerce.number().int().min(0).max(1_000_000_000);

export class ProviderListingsQueryDto extends createZodDto(
  z.strictObject({
    providerId: z.uuid().optional(),
    status: z.enum(listingStatuses).optional(),
    limit,
    cursor: z.string().max(300).optional(),
  }),
) {}

export class BrowseListingsQueryDto extends createZodDto(
  z.strictObject({
    minAvailableHashrate: hashesPerSecond.optional(),
    maxPricePerThDayMinor: z.coerce.number().int().safe().min(0).optional(),
    currency: currencyCode.optional(),
    durationSeconds: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    minCompletedRentals: count.optional(),
    maxTerminatedRentals: count.optional(),
    providerId: z.uuid().optional(),
    limit,
    cursor: z.string().max(300).optional(),
  }),
) {}

export function termsFromBody(body: Omit<CreateListingBodyDto, 'providerId'>): ListingTerms {
  return {
    algorithm: body.algorithm,
    hashrate: BigInt(body.hashrate),
    minDurationSeconds: body.minDurationSeconds,
    maxDurationSeconds: body.maxDurationSeconds,
    pricePerThDayMinor: BigInt(body.pricePerThDayMinor),
    currency: body.currency,
  };
}

export function changesFromBody(body: UpdateListingBodyDto): Partial<ListingTerms> {
  return {
    algorithm: body.algorithm,
    hashrate: body.hashrate === undefined ? undefined : BigInt(body.hashrate),
    minDurationSeconds: body.minDurationSeconds,
    maxDurationSeconds: body.maxDurationSeconds,
    pricePerThDayMinor: body.pricePerThDayMinor === undefined ? undefined : BigInt(body.pricePerThDayMinor),
    currency: body.currency,
  };
}

/** A listing as the gateway receives it: H/s as decimal strings, money as integer minor units. */
export interface ListingView {
  readonly id: string;
  readonly providerId: string;
  readonly status: string;
  readonly algorithm: string;
  readonly hashrate: string;
  readonly rentedHashrate: string;
  readonly availableHashrate: string;
  readonly minDurationSeconds: number;
  readonly maxDurationSeconds: number;
  readonly pricePerThDayMinor: number;
  readonly currency: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function listingView({ listing, held }: ListingWithAvailability): ListingView {
  return {
    id: listing.id,
    providerId: listing.providerId,
    status: listing.status,
    algorithm: listing.algorithm,
    hashrate: listing.hashrate,
    rentedHashrate: held.toString(),
    // Only a live listing has anything for sale.
    availableHashrate: (listing.status === 'live' ? availableHashrate(BigInt(listing.hashrate), held) : 0n).toString(),
    minDurationSeconds: listing.minDurationSeconds,
    maxDurationSeconds: listing.maxDurationSeconds,
    pricePerThDayMinor: Number(listing.pricePerThDayMinor),
    currency: listing.currency,
    createdAt: listing.createdAt.toISOString(),
    updatedAt: listing.updatedAt.toISOString(),
  };
}

export function browsedListingView(item: ListingWithAvailability & { readonly track: TrackRecord }) {
  return { ...listingView(item), providerTrackRecord: item.track };
}
