import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PayoutAccount } from './payout-account.entity';

@Injectable()
export class PayoutAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(providerId: string, manager: EntityManager = this.dataSource.manager): Promise<PayoutAccount | null> {
    return manager.findOneBy(PayoutAccount, { providerId });
  }

  /** Whether the provider can be paid: an account on record that could receive payouts. */
  async isConnected(providerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.find(providerId, manager))?.payoutsEnabled === true;
  }

  async save(
    account: Pick<PayoutAccount, 'providerId' | 'stripeAccountId' | 'payoutsEnabled' | 'updatedBy'>,
  ): Promise<PayoutAccount> {
    await this.dataSource.query(
      `INSERT INTO "provider_payout_accounts"
         ("provider_id", "stripe_account_id", "payouts_enabled", "updated_by")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("provider_id") DO UPDATE SET
         "stripe_account_id" = EXCLUDED."stripe_account_id",
         "payouts_enabled" = EXCLUDED."payouts_enabled",
         "updated_by" = EXCLUDED."updated_by",
         "updated_at" = now()`,
      [account.providerId, account.stripeAccountId, account.payoutsEnabled, account.updatedBy],
    );
    const saved = await this.find(account.providerId);
    if (!saved) throw new Error(`payout account of provider ${account.providerId} vanished after saving it`);
    return saved;
  }
}
