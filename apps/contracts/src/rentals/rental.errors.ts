import { DomainError } from '../problem-details/domain-error';
import type { RentalStatus } from './rental-status';

/** Also the answer for someone else's rental: whether it exists is not the caller's business. */
export class RentalNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'rental-not-found';

  constructor() {
    super('no rental with this id is visible to you');
  }
}

/** Only a disputed rental has a dispute to resolve. */
export class RentalNotDisputedError extends DomainError {
  readonly kind = 'conflict';
  readonly type = 'rental-not-disputed';

  constructor(readonly status: RentalStatus) {
    super(`the rental is ${status}, not disputed: there is no dispute to resolve`);
  }

  override problemExtensions(): Readonly<Record<string, string>> {
    return { from: this.status };
  }
}
