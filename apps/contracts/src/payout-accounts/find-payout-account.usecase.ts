import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/actor';
import { providerActedFor } from '../access/provider-scope';
import type { PayoutAccount } from './payout-account.entity';
import { PayoutAccountNotFoundError } from './payout-account.errors';
import { PayoutAccountRepository } from './payout-account.repository';

/** A provider's payout account, for the provider itself or an admin naming it. */
@Injectable()
export class FindPayoutAccountUseCase {
  constructor(private readonly accounts: PayoutAccountRepository) {}

  async execute(actor: Actor, providerId?: string): Promise<PayoutAccount> {
    const account = await this.accounts.find(providerActedFor(actor, providerId));
    if (!account) throw new PayoutAccountNotFoundError();
    return account;
  }
}
