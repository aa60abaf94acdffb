import { randomUUID } from 'node:crypto';
import { settlementFinalizedV1 } from '@hashproof/events';
import { originatingFrom } from '@hashproof/messaging';
import { waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../access/actor';
import { ActivateRentalUseCase } from '../../rentals/activate-rental.usecase';
import { CancelUnpaidRentalUseCase } from '../../rentals/cancel-unpaid-rental.usecase';
import { CompleteEndedRentalsUseCase } from '../../rentals/complete-ended-rentals.usecase';
import { DisputeRentalUseCase } from '../../rentals/dispute-rental.usecase';
import { OpenRentalUseCase } from '../../rentals/open-rental.usecase';
import type { RentalStatus } from '../../rentals/rental-status';
import { SettleRentalUseCase } from '../../rentals/settle-rental.usecase';
import { TerminateRentalUseCase } from '../../rentals/terminate-rental.usecase';
import { TH } from '../../testing/listings-test-bench';

const day = 86_400;
const price = 1_000n;

/** The moves besides payment (see activate) that a test drives a rental through, each by its own use case. */
export type RentalMoveTo = Extract<RentalStatus, 'completed' | 'cancelled' | 'disputed' | 'terminated' | 'settled'>;

/**
 * Drives rentals of a provider (verified for enough capacity beforehand) through their lifecycle with contracts'
 * own use cases, as payments, the completion poller, renters and admins would. Each is 1 TH/s for a day.
 */
export class RentalDriver {
  private readonly admin: Actor = { id: randomUUID(), role: 'admin' };
  private readonly renter: Actor = { id: randomUUID(), role: 'renter' };

  constructor(private readonly contracts: INestApplicationContext) {}

  async open(providerId: string): Promise<string> {
    const rental = await this.contracts.get(OpenRentalUseCase).execute({
      listingId: randomUUID(),
      providerId,
      renterId: this.renter.id,
      hashrate: TH,
      durationSeconds: day,
      priceMinor: price,
      currency: 'USD',
      pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.track-record', password: 'x' },
      actor: `renter:${this.renter.id}`,
    });
    return rental.id;
  }

  /**
   * Opens a rental and moves it along `path`, e.g. active, completed, settled. One that is to complete is paid
   * two days back, so it has ended (and the completion poller may complete it any time); any other runs on.
   */
  async run(providerId: string, path: readonly ('active' | RentalMoveTo)[]): Promise<string> {
    const rentalId = await this.open(providerId);
    for (const to of path) {
      if (to === 'active') await this.activate(rentalId, { ended: path.includes('completed') });
      else await this.move(rentalId, to);
    }
    return rentalId;
  }

  async activate(rentalId: string, { ended }: { readonly ended: boolean }): Promise<void> {
    await this.contracts.get(ActivateRentalUseCase).execute({
      rentalId,
      actor: 'stripe:evt_track_record',
      cause: originatingFrom(),
      activatedAt: new Date(Date.now() - (ended ? 2 * day * 1000 : 0)),
    });
  }

  async move(rentalId: string, to: RentalMoveTo): Promise<void> {
    const cause = originatingFrom();
    const reason = 'a test of track records';
    switch (to) {
      case 'cancelled':
        await this.contracts.get(CancelUnpaidRentalUseCase).execute({ rentalId, actor: 'system:test', reason, cause });
        return;
      case 'completed':
        return this.completeEnded(rentalId);
      case 'disputed':
        await this.contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: this.renter, reason });
        return;
      case 'terminated':
        await this.contracts.get(TerminateRentalUseCase).execute({ rentalId, actor: this.admin, reason });
        return;
      case 'settled':
        await this.settle(rentalId);
    }
  }

  /** As payouts' settlement-finalized does: all of the price to the provider. */
  private async settle(rentalId: string): Promise<void> {
    const message = settlementFinalizedV1.serialize(
      {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: rentalId,
        causationId: null,
        producer: 'rental-driver',
      },
      { rentalId },
      {
        rentalId,
        providerId: randomUUID(),
        renterId: this.renter.id,
        currency: 'USD',
        paidMinor: Number(price),
        providerEarningsMinor: Number(price),
        renterRefundMinor: 0,
        creditedSeconds: day,
        finalizedAt: new Date().toISOString(),
      },
    );
    const event = settlementFinalizedV1.deserialize(message.value);
    await this.contracts
      .get(DataSource)
      .transaction((transaction) => this.contracts.get(SettleRentalUseCase).execute(event, transaction));
  }

  /**
   * The completion poller's work, until it has reached this rental: others may have ended before it, and the
   * service's own poller may hold it for a moment (each run skips rentals another has locked).
   */
  private async completeEnded(rentalId: string): Promise<void> {
    const dataSource = this.contracts.get(DataSource);
    await waitFor(
      async () => {
        await this.contracts.get(CompleteEndedRentalsUseCase).execute(new Date());
        const [rental] = await dataSource.query<{ status: string }[]>('SELECT status FROM rentals WHERE id = $1', [
          rentalId,
        ]);
        return rental?.status === 'completed';
      },
      { timeoutMs: 10_000, intervalMs: 50, what: `rental ${rentalId} completed` },
    );
  }
}
