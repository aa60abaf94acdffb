import { currencyCode, hashesPerSecond } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const listingStatuses = ['draft', 'live', 'paused', 'retired'] as const;

const hour = 3_600;
const year = 365 * 86_400;

const positiveHashrate = hashesPerSecond.refine((rate) => rate !== '0', 'must be above 0');
const duration = (what: string) =>
  z
    .number()
    .int()
    .min(hour, `must be at least ${hour} seconds`)
    .max(year, `must be at most ${year} seconds`)
    .describe(`${what} rental length in seconds, from ${hour} (an hour) to ${year} (a year)`);
const price = z
  .number()
  .int()
  .safe()
  .min(1, 'must be at least 1')
  .describe('price per TH/s per day in integer minor units of `currency` (cents for USD): 1000 is $10.00');

/**
 * A listing's terms. Shapes and bounds are checked here; contracts checks the terms as a whole (minimum
 * ≤ maximum duration, a real ISO 4217 currency) and answers 400 `invalid-listing-terms` otherwise.
 */
const termFields = {
  algorithm: z
    .enum(['sha256d'])
    .describe('`sha256d`: SHA-256 as Bitcoin mines it, the only proof of work the verifier checks'),
  hashrate: positiveHashrate.describe('hash rate offered, in H/s as a decimal string: 100 TH/s is "100000000000000"'),
  minDurationSeconds: duration('the shortest'),
  maxDurationSeconds: duration('the longest'),
  pricePerThDayMinor: price,
  currency: currencyCode.describe('ISO 4217, e.g. USD'),
};

export class CreateListingDto extends createZodDto(
  z.strictObject({
    ...termFields,
    algorithm: termFields.algorithm.default('sha256d'),
    providerId: z.uuid().optional().describe('admins only: the provider to list for; providers list for themselves'),
  }),
) {}

export class UpdateListingDto extends createZodDto(
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

const limit = z.coerce.number().int().min(1).max(100).optional().describe('page size, 20 unless given (at most 100)');
const cursor = z.string().max(300).optional().describe('the `nextCursor` of the previous page');
const count = z.coerce.number().int().min(0).max(1_000_000_000);

export class BrowseListingsQueryDto extends createZodDto(
  z.strictObject({
    minAvailableHashrate: hashesPerSecond.optional().describe('H/s still for sale, at least'),
    maxPricePerThDayMinor: z.coerce.number().int().safe().min(0).optional().describe('minor units, at most'),
    currency: currencyCode.optional(),
    durationSeconds: z.coerce
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe('a rental length the listing must allow'),
    minCompletedRentals: count.optional().describe("the provider's completed rentals, at least"),
    maxTerminatedRentals: count.optional().describe("the provider's rentals terminated for non-delivery, at most"),
    providerId: z.uuid().optional().describe("one provider's listings"),
    limit,
    cursor,
  }),
) {}

export class ProviderListingsQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(listingStatuses).optional(),
    providerId: z.uuid().optional().describe('admins only: one provider’s listings (without it, every provider’s)'),
    limit,
    cursor,
  }),
) {}

export const listingViewSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  status: z.enum(listingStatuses),
  algorithm: z.enum(['sha256d']),
  hashrate: z.string().describe('H/s offered'),
  rentedHashrate: z.string().describe('H/s held by its rentals awaiting payment, active or disputed'),
  availableHashrate: z.string().describe('H/s still for sale: offered less rented while live, else 0'),
  minDurationSeconds: z.number().int(),
  maxDurationSeconds: z.number().int(),
  pricePerThDayMinor: z.number().int(),
  currency: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export class ListingViewDto extends createZodDto(listingViewSchema) {}

export const browsedListingViewSchema = listingViewSchema.extend({
  providerTrackRecord: z
    .object({
      completedRentals: z.number().int().describe('rentals that ran to their end'),
      terminatedRentals: z.number().int().describe('rentals ended early for failing to deliver'),
    })
    .describe("how the provider's past rentals ended"),
});

const nextCursor = z.string().nullable().describe('pass as `cursor` for the next page; null on the last one');

export const listingPageSchema = z.object({ items: z.array(listingViewSchema), nextCursor });

export class ListingPageDto extends createZodDto(listingPageSchema) {}

export const browsedListingPageSchema = z.object({ items: z.array(browsedListingViewSchema), nextCursor });

export class BrowsedListingPageDto extends createZodDto(browsedListingPageSchema) {}
