import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { ActionForbiddenError } from '../access/access.errors';
import { type Actor, actorLabel } from '../access/actor';
import { CapacityExhaustedError, ListingNotFoundError } from '../listings/listing.errors';
import { ListingRepository } from '../listings/listing.repository';
import { mayView } from '../listings/listing-access';
import { termsOf } from '../listings/listing-terms.mapper';
import { quoteRental } from '../listings/rental-quote';
import type { PaymentRequest } from '../payments/request-payment.usecase';
import { RequestPaymentUseCase } from '../payments/request-payment.usecase';
import { InsufficientCapacityError } from '../provider-capacity/capacity-rule';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import { Rental } from '../rentals/rental.entity';
import { IdempotencyKeyReusedError } from './purchase.errors';
import { isSamePurchase, type PurchaseTerms } from './same-purchase';

const uniqueViolation = '23505';

export interface RentFromListingCommand extends PurchaseTerms {
  readonly actor: Actor;
  /** The client's Idempotency-Key: the same renter and key get the same rental back. */
  readonly idempotencyKey: string | null;
}

export interface Purchase {
  readonly rental: Rental;
  /** How to pay it; null when the rental a repeated key names no longer awaits payment. */
  readonly payment: PaymentRequest | null;
}

/**
 * A renter rents hash rate from a listing. In one transaction: the provider's capacity row is locked, then
 * the listing (the order going live and editing take them in), the price is quoted from the listing's terms
 * and what its rentals hold, and the rental is opened by the one path every rental takes, under the
 * provider-capacity rule. Concurrent purchases queue on the capacity row, so none ever oversells. Payment is
 * requested only after commit, so no transaction waits on Stripe.
 */
@Injectable()
export class RentFromListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingRepository,
    private readonly openRental: OpenRentalUseCase,
    private readonly requestPayment: RequestPaymentUseCase,
  ) {}

  async execute(command: RentFromListingCommand): Promise<Purchase> {
    if (command.actor.role !== 'renter') throw new ActionForbiddenError('only renters rent hash rate');
    const rental = (await this.replayed(command)) ?? (await this.openOrReplay(command));
    if (rental.status !== 'pending_payment') return { rental, payment: null };
    const payment = await this.requestPayment.execute(rental.id);
    rental.paymentIntentId = payment.paymentIntentId;
    rental.paymentHoldExpiresAt = payment.holdExpiresAt;
    return { rental, payment };
  }

  /** The rental this renter's key already opened, if any; a different purchase under the same key is refused. */
  private async replayed(command: RentFromListingCommand): Promise<Rental | null> {
    if (command.idempotencyKey === null) return null;
    const rental = await this.dataSource.getRepository(Rental).findOneBy({
      renterId: command.actor.id,
      purchaseIdempotencyKey: command.idempotencyKey,
    });
    if (rental && !isSamePurchase(rental, command)) throw new IdempotencyKeyReusedError();
    return rental;
  }

  /** Two requests with one key at once: the loser of the unique index gets the winner's rental. */
  private async openOrReplay(command: RentFromListingCommand): Promise<Rental> {
    try {
      return await this.dataSource.transaction((transaction) => this.open(transaction, command));
    } catch (error) {
      const keyTaken =
        error instanceof QueryFailedError && (error.driverError as { code?: string }).code === uniqueViolation;
      const replayed = keyTaken ? await this.replayed(command) : null;
      if (replayed) return replayed;
      throw error;
    }
  }

  private async open(transaction: EntityManager, command: RentFromListingCommand): Promise<Rental> {
    const seen = await this.listings.find(command.listingId, transaction);
    if (!seen || !mayView(command.actor, seen)) throw new ListingNotFoundError();
    await this.listings.lockProviderCapacity(transaction, seen.providerId);
    const listing = await this.listings.lock(transaction, seen.id);
    if (!listing) throw new ListingNotFoundError();
    const held = await this.listings.heldHashrate(listing.id, transaction);
    const quote = quoteRental({ status: listing.status, terms: termsOf(listing) }, held, command);
    try {
      return await this.openRental.openWithin(transaction, {
        listingId: listing.id,
        providerId: listing.providerId,
        renterId: command.actor.id,
        hashrate: command.hashrate,
        durationSeconds: command.durationSeconds,
        priceMinor: quote.priceMinor,
        currency: quote.currency,
        pool: command.pool,
        actor: actorLabel(command.actor),
        purchaseIdempotencyKey: command.idempotencyKey,
      });
    } catch (error) {
      // The provider's verified capacity, not the listing, ran out; its figures are the provider's business.
      if (error instanceof InsufficientCapacityError) {
        throw new CapacityExhaustedError(`the provider has no verified capacity left for ${command.hashrate} H/s`);
      }
      throw error;
    }
  }
}
