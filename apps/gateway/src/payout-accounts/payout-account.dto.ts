import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class PayoutAccountQueryDto extends createZodDto(
  z.strictObject({
    providerId: z.uuid().optional().describe('admins only, and then required: the provider concerned'),
  }),
) {}

export class ConnectPayoutAccountDto extends createZodDto(
  z.strictObject({
    stripeAccountId: z
      .string()
      .regex(/^acct_[A-Za-z0-9]{1,255}$/, 'must be a Stripe connected account id: acct_…')
      .describe('the Stripe connected account payouts go to; it must be able to receive payouts'),
  }),
) {}

export const payoutAccountViewSchema = z.object({
  providerId: z.uuid(),
  stripeAccountId: z.string(),
  payoutsEnabled: z.boolean().describe('whether Stripe said it could receive payouts when it was connected'),
  updatedAt: z.iso.datetime(),
});

export class PayoutAccountViewDto extends createZodDto(payoutAccountViewSchema) {}
