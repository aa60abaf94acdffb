import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentOutcome } from './payment-decisions';

export type PaymentEventKind = 'succeeded' | 'failed' | 'canceled';

/** Every payment event applied to a rental, once per Stripe event, with what it did there. */
@Entity({ name: 'rental_payment_events' })
export class RentalPaymentEvent {
  @PrimaryColumn('text', { name: 'stripe_event_id' })
  stripeEventId!: string;

  @Column('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('text')
  kind!: PaymentEventKind;

  @Column('text', { name: 'payment_intent_id' })
  paymentIntentId!: string;

  @Column('bigint', { name: 'amount_minor' })
  amountMinor!: string;

  @Column('char', { length: 3 })
  currency!: string;

  /** When Stripe saw it happen. */
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text')
  outcome!: PaymentOutcome;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
