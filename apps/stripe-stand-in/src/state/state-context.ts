import { type EventCause, type EventSink } from './event-sink';
import { type StandInStore } from './stand-in-store';

export interface StateContext {
  readonly store: StandInStore;
  readonly events: EventSink;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
}

/** Stripe's timestamps (`created`, `canceled_at`) are whole seconds since the epoch. */
export const nowSeconds = (context: StateContext): number => Math.floor(context.clock() / 1000);

export type { EventCause };
