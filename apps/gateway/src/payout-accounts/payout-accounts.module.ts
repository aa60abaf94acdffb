import { Module } from '@nestjs/common';
import { PayoutAccountController } from './payout-account.controller';
import { PayoutAccountsClient } from './payout-accounts.client';

/** Providers' payout accounts, kept by contracts. */
@Module({
  controllers: [PayoutAccountController],
  providers: [PayoutAccountsClient],
})
export class PayoutAccountsModule {}
