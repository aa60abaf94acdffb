import type Stripe from 'stripe';

/** The API request that caused an event: Stripe puts it in the event's `request` field. */
export interface EventCause {
  readonly requestId: string | null;
  readonly idempotencyKey: string | null;
}

export interface EmittedEvent {
  readonly type: Stripe.Event.Type;
  /** The object as it is now; the sink keeps a copy, since an event's `data.object` never changes afterwards. */
  readonly object: object;
  readonly cause: EventCause;
  /** For events about a connected account (Connect), its id. */
  readonly account?: string;
  readonly previousAttributes?: Record<string, unknown>;
}

/** Where state changes announce themselves (the event log, which delivers them as webhooks). */
export interface EventSink {
  emit(event: EmittedEvent): void;
}
