import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every verified Stripe event, once (Stripe delivers at least once, and resends): the first delivery is
 * recorded with what it was translated into, in the transaction that puts that event in the outbox.
 */
@Entity({ name: 'stripe_events' })
export class StripeEvent {
  /** Stripe's `evt_…`. */
  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('text')
  type!: string;

  @Column('boolean')
  livemode!: boolean;

  @Column('text', { name: 'api_version', nullable: true })
  apiVersion!: string | null;

  /** Stripe's `created`. */
  @Column('timestamptz', { name: 'stripe_created_at' })
  stripeCreatedAt!: Date;

  @Column('text', { name: 'payment_intent_id', nullable: true })
  paymentIntentId!: string | null;

  @Column('uuid', { name: 'rental_id', nullable: true })
  rentalId!: string | null;

  /** The payments topic it was published to; null when it was ignored. */
  @Column('text', { name: 'published_topic', nullable: true })
  publishedTopic!: string | null;

  /** The outbox event id of what it was published as. */
  @Column('uuid', { name: 'published_event_id', nullable: true })
  publishedEventId!: string | null;

  @Column('text', { name: 'ignored_reason', nullable: true })
  ignoredReason!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
