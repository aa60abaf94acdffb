import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { contractsRentalFields, rentalListQueryFields, withRigStratum } from '../rentals/rental-fields';

export class ProviderRentalsQueryDto extends createZodDto(
  z.strictObject({
    ...rentalListQueryFields,
    providerId: z.uuid().optional().describe('admins only: one provider’s rentals (without it, every provider’s)'),
  }),
) {}

/** A rental as contracts answers for its provider. */
export const contractsProviderRentalSchema = z.object(contractsRentalFields);

export const contractsProviderRentalPageSchema = z.object({
  items: z.array(contractsProviderRentalSchema),
  nextCursor: z.string().nullable(),
});

type ContractsProviderRental = z.infer<typeof contractsProviderRentalSchema>;

const providerRentalViewSchema = contractsProviderRentalSchema.omit({ stratumCredential: true }).extend({
  hashrate: z.string().describe('H/s rented'),
  priceMinor: z.number().int().describe('what the renter pays, in minor units of `currency`'),
  stratum: z
    .object({
      url: z.string().describe('where the rigs connect: the verifier’s stratum endpoint'),
      credential: z.string().describe('the worker name the rigs mine this rental under; any password'),
    })
    .nullable()
    .describe('while the rental runs (active or disputed): how to point the rigs at it; null otherwise'),
});

export type ProviderRentalView = z.infer<typeof providerRentalViewSchema>;

export class ProviderRentalPageDto extends createZodDto(
  z.object({
    items: z.array(providerRentalViewSchema),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
  }),
) {}

/** The rental with where and how the provider's rigs mine it, when they should. */
export function providerRentalView(rental: ContractsProviderRental, stratumUrl: string): ProviderRentalView {
  return withRigStratum(rental, stratumUrl);
}
