import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { Rental } from './rental.entity';
import { RentalNotFoundError } from './rental.errors';
import { assertMaySee } from './rental-lifecycle-access';
import { RentalTransition } from './rental-transition.entity';

/** A rental's audit trail, oldest first: every status it went through, who moved it and why. */
@Injectable()
export class ListRentalTransitionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, rentalId: string): Promise<RentalTransition[]> {
    const rental = await this.dataSource.manager.findOne(Rental, {
      where: { id: rentalId },
      select: { id: true, renterId: true, providerId: true },
    });
    if (!rental) throw new RentalNotFoundError();
    assertMaySee(actor, rental);
    // A handful per rental: no paging needed.
    return this.dataSource.manager.find(RentalTransition, { where: { rentalId }, order: { id: 'ASC' } });
  }
}
