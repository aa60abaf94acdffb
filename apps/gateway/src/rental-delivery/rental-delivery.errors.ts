import { DomainError } from '../problem-details/domain-error';

/** The same answer whether the rental is unknown or belongs to someone else, so ids are not disclosed. */
export class RentalDeliveryNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'rental-not-found';

  constructor() {
    super('no rental with this id is visible to you');
  }
}

export class InvalidWindowCursorError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-cursor';

  constructor() {
    super('the cursor is not one this API handed out');
  }
}
