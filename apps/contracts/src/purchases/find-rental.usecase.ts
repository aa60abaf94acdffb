import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { Rental } from '../rentals/rental.entity';
import { RentalNotFoundError } from './purchase.errors';
import { type RentalReader, readerOf } from './rental-access';

/** One rental, for its renter, the provider of its listing and admins (404 for anyone else). */
@Injectable()
export class FindRentalUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: Actor, rentalId: string): Promise<{ rental: Rental; reader: RentalReader }> {
    const rental = await this.dataSource.getRepository(Rental).findOneBy({ id: rentalId });
    if (!rental) throw new RentalNotFoundError();
    return { rental, reader: readerOf(actor, rental) };
  }
}
