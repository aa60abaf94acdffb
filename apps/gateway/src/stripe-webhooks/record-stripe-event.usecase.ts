import { paymentCanceledV1, paymentFailedV1, paymentSucceededV1 } from '@hashproof/events';
import { type EventCause, Outbox } from '@hashproof/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import { DataSource, type EntityManager } from 'typeorm';
import { StripeEvent } from './stripe-event.entity';
import { paymentIntentIdOf, type StripeEventTranslation, translateStripeEvent } from './stripe-event-translation';

export type StripeEventReceipt = 'recorded' | 'duplicate';

/**
 * Records a verified Stripe event once, keyed by Stripe's event id, and in the same transaction puts the
 * payments event it translates to into the outbox. A repeated delivery (Stripe retries, resends, or two
 * deliveries racing) finds the row and changes nothing.
 */
@Injectable()
export class RecordStripeEventUseCase {
  private readonly logger = new Logger(RecordStripeEventUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(event: Stripe.Event, cause: EventCause): Promise<StripeEventReceipt> {
    const translation = translateStripeEvent(event);
    const receipt = await this.dataSource.transaction(async (transaction) => {
      if (!(await this.claim(transaction, event, translation))) return 'duplicate' as const;
      const publishedEventId = await this.publish(transaction, translation, cause);
      if (publishedEventId !== null) {
        await transaction.update(StripeEvent, { eventId: event.id }, { publishedEventId });
      }
      return 'recorded' as const;
    });
    this.logger.log({
      msg: receipt === 'duplicate' ? 'Stripe event already recorded' : 'Stripe event recorded',
      stripeEventId: event.id,
      type: event.type,
      ...(translation.kind === 'ignored'
        ? { ignored: translation.reason }
        : { publishedAs: translation.kind, rentalId: translation.value.rentalId }),
    });
    return receipt;
  }

  /** Inserts the event's row unless it is there already; resolves whether this delivery is the first. */
  private async claim(
    transaction: EntityManager,
    event: Stripe.Event,
    translation: StripeEventTranslation,
  ): Promise<boolean> {
    const inserted = await transaction
      .createQueryBuilder()
      .insert()
      .into(StripeEvent)
      .values({
        eventId: event.id,
        type: event.type,
        livemode: event.livemode,
        apiVersion: event.api_version ?? null,
        stripeCreatedAt: new Date(event.created * 1000),
        paymentIntentId: paymentIntentIdOf(event),
        rentalId: translation.kind === 'ignored' ? null : translation.value.rentalId,
        publishedTopic: topicOf(translation),
        ignoredReason: translation.kind === 'ignored' ? translation.reason : null,
      })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  private async publish(
    transaction: EntityManager,
    translation: StripeEventTranslation,
    cause: EventCause,
  ): Promise<string | null> {
    switch (translation.kind) {
      case 'payment-succeeded':
        return this.outbox.record(transaction, paymentSucceededV1, keyOf(translation.value), translation.value, cause);
      case 'payment-failed':
        return this.outbox.record(transaction, paymentFailedV1, keyOf(translation.value), translation.value, cause);
      case 'payment-canceled':
        return this.outbox.record(transaction, paymentCanceledV1, keyOf(translation.value), translation.value, cause);
      case 'ignored':
        return null;
    }
  }
}

const keyOf = (value: { readonly rentalId: string }) => ({ rentalId: value.rentalId });

function topicOf(translation: StripeEventTranslation): string | null {
  switch (translation.kind) {
    case 'payment-succeeded':
      return paymentSucceededV1.topic;
    case 'payment-failed':
      return paymentFailedV1.topic;
    case 'payment-canceled':
      return paymentCanceledV1.topic;
    case 'ignored':
      return null;
  }
}
