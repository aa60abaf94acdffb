import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DeliveredRental } from './delivered-rental.entity';
import { mayReadDelivery } from './delivery-access';
import { DeliveryWindow } from './delivery-window.entity';
import { FlagChange } from './flag-change.entity';
import { RentalDeliveryNotFoundError } from './rental-delivery.errors';

/**
 * The rental whose evidence the caller asks for, or 404 when the caller may not see it or nothing is known
 * of it. Null for an admin looking at evidence that arrived before the rental's activation.
 */
@Injectable()
export class FindReadableRentalUseCase {
  async execute(caller: Principal, rentalId: string, manager: EntityManager): Promise<DeliveredRental | null> {
    const rental = await manager.findOneBy(DeliveredRental, { rentalId });
    if (!mayReadDelivery(caller, rental)) throw new RentalDeliveryNotFoundError();
    if (rental) return rental;
    const evidence =
      (await manager.existsBy(DeliveryWindow, { rentalId })) || (await manager.existsBy(FlagChange, { rentalId }));
    if (!evidence) throw new RentalDeliveryNotFoundError();
    return null;
  }
}
