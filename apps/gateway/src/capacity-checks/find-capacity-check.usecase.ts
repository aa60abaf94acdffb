import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../problem-details/domain-error';
import { CapacityCheck } from './capacity-check.entity';

/** Also the answer for another provider's check: whether it exists is not the caller's business. */
export class CapacityCheckNotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly type = 'capacity-check-not-found';

  constructor() {
    super('no such capacity check');
  }
}

/** One check, for the provider who requested it or an admin. */
@Injectable()
export class FindCapacityCheckUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, checkId: string): Promise<CapacityCheck> {
    const check = await this.dataSource.getRepository(CapacityCheck).findOneBy({ id: checkId });
    if (!check || (principal.role !== 'admin' && check.providerId !== principal.accountId)) {
      throw new CapacityCheckNotFoundError();
    }
    return check;
  }
}
