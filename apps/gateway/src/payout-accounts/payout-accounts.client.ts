import type { InternalApiClient } from '@hashproof/runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { actingPrincipalOf } from '../internal-services/acting-principal-of';
import { CONTRACTS_API } from '../internal-services/internal-services.tokens';
import { requestOrRelay } from '../internal-services/relay-problem';
import {
  type ConnectPayoutAccountDto,
  type PayoutAccountQueryDto,
  payoutAccountViewSchema,
} from './payout-account.dto';

const path = '/internal/v1/provider/payout-account';

/** Payout accounts are contracts': it checks them with Stripe and decides who may see or set one. */
@Injectable()
export class PayoutAccountsClient {
  constructor(@Inject(CONTRACTS_API) private readonly contracts: InternalApiClient) {}

  async connect(caller: Principal, query: PayoutAccountQueryDto, body: ConnectPayoutAccountDto) {
    const principal = actingPrincipalOf(caller);
    const answer = await requestOrRelay(this.contracts, { method: 'PUT', path, principal, query: { ...query }, body });
    return payoutAccountViewSchema.parse(answer.body);
  }

  async find(caller: Principal, query: PayoutAccountQueryDto) {
    const principal = actingPrincipalOf(caller);
    const answer = await requestOrRelay(this.contracts, { method: 'GET', path, principal, query: { ...query } });
    return payoutAccountViewSchema.parse(answer.body);
  }
}
