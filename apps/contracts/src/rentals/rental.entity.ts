import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RentalStatus } from './rental-status';

@Entity({ name: 'rentals' })
export class Rental {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'listing_id' })
  listingId!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  @Column('uuid', { name: 'renter_id' })
  renterId!: string;

  /** Hashes per second; numeric because exahash rates overflow a JavaScript number. */
  @Column('numeric', { precision: 30, scale: 0 })
  hashrate!: string;

  @Column('integer', { name: 'duration_seconds' })
  durationSeconds!: number;

  @Column('bigint', { name: 'price_minor' })
  priceMinor!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('text')
  status!: RentalStatus;

  @Column('text', { name: 'pool_url' })
  poolUrl!: string;

  @Column('text', { name: 'pool_worker' })
  poolWorker!: string;

  @Column('text', { name: 'pool_password' })
  poolPassword!: string;

  /** The worker name the provider's rigs mine this rental under; issued at activation. */
  @Column('text', { name: 'stratum_credential', nullable: true })
  stratumCredential!: string | null;

  @Column('timestamptz', { name: 'starts_at', nullable: true })
  startsAt!: Date | null;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  /** The Stripe PaymentIntent the renter pays with; set when payment is first requested. */
  @Column('text', { name: 'payment_intent_id', nullable: true })
  paymentIntentId!: string | null;

  /** Until when the rental, unpaid, holds its provider's capacity; set with the PaymentIntent. */
  @Column('timestamptz', { name: 'payment_hold_expires_at', nullable: true })
  paymentHoldExpiresAt!: Date | null;

  /** Stripe took the money after the hold had cancelled the rental: a refund is owed (left to payouts). */
  @Column('boolean', { name: 'payment_received_after_cancel', default: false })
  paymentReceivedAfterCancel!: boolean;

  /** Once settled: what payouts fixed as the provider's earnings for verified delivery, in minor units. */
  @Column('bigint', { name: 'provider_earnings_minor', nullable: true })
  providerEarningsMinor!: string | null;

  /** Once settled: what payouts fixed as the renter's refund, the rest of the price. */
  @Column('bigint', { name: 'renter_refund_minor', nullable: true })
  renterRefundMinor!: string | null;

  /** The renter's Idempotency-Key of the purchase that opened it: the same key returns this rental again. */
  @Column('text', { name: 'purchase_idempotency_key', nullable: true })
  purchaseIdempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
