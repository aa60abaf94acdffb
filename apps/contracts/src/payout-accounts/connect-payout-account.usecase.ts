import { Injectable } from '@nestjs/common';
import { type Actor, actorLabel } from '../access/actor';
import { providerActedFor } from '../access/provider-scope';
import type { PayoutAccount } from './payout-account.entity';
import { PayoutsNotEnabledError } from './payout-account.errors';
import { PayoutAccountRepository } from './payout-account.repository';
import { PayoutAccountVerifier } from './payout-account-verifier';

export interface ConnectPayoutAccountCommand {
  readonly actor: Actor;
  /** For an admin: the provider it acts for. */
  readonly providerId?: string | undefined;
  readonly stripeAccountId: string;
}

/**
 * Records the Stripe connected account a provider is paid to, replacing any earlier one, once Stripe
 * confirms that the account exists on this platform and can receive payouts.
 */
@Injectable()
export class ConnectPayoutAccountUseCase {
  constructor(
    private readonly accounts: PayoutAccountRepository,
    private readonly verifier: PayoutAccountVerifier,
  ) {}

  async execute(command: ConnectPayoutAccountCommand): Promise<PayoutAccount> {
    const providerId = providerActedFor(command.actor, command.providerId);
    if (!(await this.verifier.payoutsEnabled(command.stripeAccountId))) {
      throw new PayoutsNotEnabledError(command.stripeAccountId);
    }
    return this.accounts.save({
      providerId,
      stripeAccountId: command.stripeAccountId,
      payoutsEnabled: true,
      updatedBy: actorLabel(command.actor),
    });
  }
}
