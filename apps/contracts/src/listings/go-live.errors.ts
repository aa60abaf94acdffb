import { DomainError } from '../problem-details/domain-error';

/** A listing goes on sale only once its provider can be paid. */
export class PayoutAccountNotConnectedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'payout-account-not-connected';

  constructor() {
    super('connect a payout account (PUT /v1/provider/payout-account) before a listing goes live');
  }
}

/** The provider's live listings would offer more hash rate than its latest capacity check verified. */
export class VerifiedCapacityExceededError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'verified-capacity-exceeded';

  constructor(
    readonly verified: bigint | null,
    readonly live: bigint,
    readonly offered: bigint,
  ) {
    super(
      verified === null
        ? `no capacity check has verified this provider's hash rate yet; one must cover the ${offered} H/s offered`
        : `the provider's live listings would offer ${live + offered} H/s (${live} H/s already live, ${offered} H/s ` +
            `in this one), more than the ${verified} H/s its latest capacity check verified`,
    );
  }
}
