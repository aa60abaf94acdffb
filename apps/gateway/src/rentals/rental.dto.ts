import { hashesPerSecond } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RunPoolCheckDto } from '../pool-checks/pool-check.dto';
import { contractsRentalFields, rentalListQueryFields, withRigStratum } from './rental-fields';

/** No price: it is computed from the listing's terms, never taken from the client. */
export class RentDto extends createZodDto(
  z.strictObject({
    listingId: z.uuid().describe('a live listing'),
    hashrate: hashesPerSecond
      .refine((rate) => rate !== '0', 'must be above 0')
      .describe('H/s to rent, as a decimal string: 10 TH/s is "10000000000000"'),
    durationSeconds: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('rental length in seconds, within the listing’s bounds'),
    pool: RunPoolCheckDto.schema.describe(
      'where the hash rate goes: checked by the verifier (as `POST /v1/pool-checks`) before anything is opened',
    ),
  }),
) {}

/** Visible ASCII up to 255 characters, as Stripe takes them. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/, '1–255 visible ASCII characters');

export class RentalIdParamsDto extends createZodDto(z.strictObject({ rentalId: z.uuid() })) {}

export class RentalsQueryDto extends createZodDto(
  z.strictObject({
    ...rentalListQueryFields,
  }),
) {}

/** A rental as contracts answers it, already cut to the caller. */
export const contractsRentalSchema = z.object({
  ...contractsRentalFields,
  renterId: z.uuid(),
  paymentHoldExpiresAt: z.iso.datetime().nullable(),
  pool: z.object({ url: z.string(), worker: z.string() }).nullable(),
  settlement: z.object({ providerEarningsMinor: z.number().int(), renterRefundMinor: z.number().int() }).nullable(),
});

const paymentSchema = z.object({
  paymentIntentId: z.string().describe('the Stripe PaymentIntent'),
  clientSecret: z.string().describe('for Stripe.js to confirm the payment in the renter’s browser'),
  holdExpiresAt: z.iso.datetime().describe('unpaid by then, the rental is cancelled and its capacity released'),
});

export const contractsPurchaseSchema = z.object({ rental: contractsRentalSchema, payment: paymentSchema.nullable() });

export const contractsRentalPageSchema = z.object({
  items: z.array(contractsRentalSchema),
  nextCursor: z.string().nullable(),
});

type ContractsRental = z.infer<typeof contractsRentalSchema>;

const rentalViewSchema = contractsRentalSchema.omit({ stratumCredential: true }).extend({
  hashrate: z.string().describe('H/s rented'),
  priceMinor: z.number().int().describe('the price, computed from the listing: minor units of `currency`'),
  paymentHoldExpiresAt: z.iso
    .datetime()
    .nullable()
    .describe('while awaiting payment: when the rental is cancelled unless paid'),
  pool: z
    .object({ url: z.string(), worker: z.string() })
    .nullable()
    .describe('the renter’s pool (never its password); null for the provider'),
  stratum: z
    .object({ url: z.string(), credential: z.string() })
    .nullable()
    .describe('for the provider and admins while the rental runs: where and as whom the rigs mine it'),
  settlement: z
    .object({
      providerEarningsMinor: z
        .number()
        .int()
        .describe('what the provider earns: the price’s share for the verified delivery credited to it'),
      renterRefundMinor: z.number().int().describe('what the renter gets back: the rest of the price'),
    })
    .nullable()
    .describe(
      'once settled: what the price came to, in minor units of `currency`, the two adding up to `priceMinor`; ' +
        'null until payouts has settled the ended rental',
    ),
});

export type RentalView = z.infer<typeof rentalViewSchema>;

export class RentalViewDto extends createZodDto(rentalViewSchema) {}

export class PurchaseDto extends createZodDto(
  z.object({
    rental: rentalViewSchema,
    payment: paymentSchema
      .nullable()
      .describe('how to pay; null when a repeated Idempotency-Key names a rental no longer awaiting payment'),
  }),
) {}

export class RentalPageDto extends createZodDto(
  z.object({
    items: z.array(rentalViewSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  }),
) {}

export function rentalView(rental: ContractsRental, stratumUrl: string): RentalView {
  return withRigStratum(rental, stratumUrl);
}
