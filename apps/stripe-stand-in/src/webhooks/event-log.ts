import type Stripe from 'stripe';
import { type EmittedEvent, type EventSink } from '../state/event-sink';
import { newId } from '../state/ids';

/** One POST of an event to the webhook endpoint. */
export interface DeliveryAttempt {
  /** 1-based, over all deliveries of the event. */
  readonly attempt: number;
  readonly trigger: 'automatic' | 'resend';
  readonly startedAt: string;
  readonly durationMs: number;
  /** The endpoint's HTTP status; null when there was no answer (refused, reset, timed out). */
  readonly status: number | null;
  readonly error: string | null;
  readonly delivered: boolean;
}

export interface RecordedEvent {
  readonly event: Stripe.EventBase;
  readonly deliveries: DeliveryAttempt[];
}

interface EventLogOptions {
  readonly clock: () => number;
  /** The API version events are rendered in (Stripe uses the endpoint's or the account's default). */
  readonly apiVersion: string;
  /** Whether a webhook endpoint is configured: `pending_webhooks` counts it until it has answered 2xx. */
  readonly hasEndpoint: boolean;
  readonly onRecorded: (record: RecordedEvent) => void;
}

/** Every event the stand-in emitted, in order, with its deliveries; what `/v1/events/:id` and `/_stand-in/events` read. */
export class EventLog implements EventSink {
  private readonly records = new Map<string, RecordedEvent>();

  constructor(private readonly options: EventLogOptions) {}

  emit(emitted: EmittedEvent): void {
    const event: Stripe.EventBase = {
      id: newId.event(),
      object: 'event',
      ...(emitted.account === undefined ? {} : { account: emitted.account }),
      api_version: this.options.apiVersion,
      created: Math.floor(this.options.clock() / 1000),
      // A copy: an event's data never changes after it was created, whatever happens to the object later.
      data: {
        object: structuredClone(emitted.object),
        ...(emitted.previousAttributes === undefined
          ? {}
          : { previous_attributes: structuredClone(emitted.previousAttributes) }),
      },
      livemode: false,
      pending_webhooks: this.options.hasEndpoint ? 1 : 0,
      request: { id: emitted.cause.requestId, idempotency_key: emitted.cause.idempotencyKey },
      type: emitted.type,
    };
    const record: RecordedEvent = { event, deliveries: [] };
    this.records.set(event.id, record);
    this.options.onRecorded(record);
  }

  get(id: string): RecordedEvent | undefined {
    return this.records.get(id);
  }

  list(): readonly RecordedEvent[] {
    return [...this.records.values()];
  }

  /** The event as it reads now: `pending_webhooks` drops to 0 once the endpoint has accepted it. */
  current(record: RecordedEvent): Stripe.EventBase {
    const pending = this.options.hasEndpoint && !record.deliveries.some((attempt) => attempt.delivered) ? 1 : 0;
    return { ...record.event, pending_webhooks: pending };
  }
}
