import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { PayoutAccount } from './payout-account.entity';

/** Stripe's connected-account ids: `acct_` and letters and digits. */
export const stripeAccountId = z.string().regex(/^acct_[A-Za-z0-9]{1,255}$/, 'a Stripe connected account id: acct_…');

export class PayoutAccountQueryDto extends createZodDto(z.strictObject({ providerId: z.uuid().optional() })) {}

export class ConnectPayoutAccountBodyDto extends createZodDto(z.strictObject({ stripeAccountId })) {}

export function payoutAccountView(account: PayoutAccount) {
  return {
    providerId: account.providerId,
    stripeAccountId: account.stripeAccountId,
    payoutsEnabled: account.payoutsEnabled,
    updatedAt: account.updatedAt.toISOString(),
  };
}
