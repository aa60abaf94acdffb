import { z } from 'zod';
import { type EventEnvelope, type EventMetadata, eventMetadataSchema } from './event-envelope';
import { InvalidEventError } from './invalid-event.error';

export interface TopicSettings {
  /** Versioned name: a breaking change to key or value is a new topic, never an edit of this one. */
  readonly topic: string;
  readonly partitions: number;
  readonly retentionMs: number;
}

export interface EventContractDefinition<K extends z.ZodType, V extends z.ZodType> extends TopicSettings {
  readonly key: K;
  readonly value: V;
  /** The Kafka message key: the id of the entity, so one entity's events stay ordered on one partition. */
  readonly partitionKey: (key: z.output<K>) => string;
}

/** The wire form of an event: what goes into Kafka's key and value. */
export interface EventMessage {
  readonly key: string;
  readonly value: string;
}

export class EventContract<K extends z.ZodType, V extends z.ZodType> implements TopicSettings {
  readonly topic: string;
  readonly partitions: number;
  readonly retentionMs: number;
  private readonly wireSchema: z.ZodType<EventEnvelope<z.output<K>, z.output<V>>>;

  constructor(private readonly definition: EventContractDefinition<K, V>) {
    this.topic = definition.topic;
    this.partitions = definition.partitions;
    this.retentionMs = definition.retentionMs;
    this.wireSchema = eventMetadataSchema.extend({
      topic: z.literal(definition.topic),
      key: definition.key,
      value: definition.value,
    }) as unknown as z.ZodType<EventEnvelope<z.output<K>, z.output<V>>>;
  }

  /** Validates before producing: an event that breaks its own contract never reaches the broker. */
  serialize(metadata: EventMetadata, key: z.input<K>, value: z.input<V>): EventMessage {
    const envelope = this.parse({ ...metadata, topic: this.topic, key, value });
    return { key: this.definition.partitionKey(envelope.key), value: JSON.stringify(envelope) };
  }

  /** Validates on consuming; throws InvalidEventError naming the bad fields. */
  deserialize(raw: string | Buffer | null): EventEnvelope<z.output<K>, z.output<V>> {
    if (raw === null) throw new InvalidEventError(this.topic, ['message has no value']);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString());
    } catch {
      throw new InvalidEventError(this.topic, ['value is not JSON']);
    }
    return this.parse(json);
  }

  private parse(candidate: unknown): EventEnvelope<z.output<K>, z.output<V>> {
    const result = this.wireSchema.safeParse(candidate);
    if (!result.success) throw InvalidEventError.fromZod(this.topic, result.error);
    return result.data;
  }
}

export function defineEvent<K extends z.ZodType, V extends z.ZodType>(
  definition: EventContractDefinition<K, V>,
): EventContract<K, V> {
  return new EventContract(definition);
}

export type EventKey<C> = C extends EventContract<infer K, z.ZodType> ? z.output<K> : never;
export type EventValue<C> = C extends EventContract<z.ZodType, infer V> ? z.output<V> : never;
export type EventOf<C> = EventEnvelope<EventKey<C>, EventValue<C>>;
export type AnyEventContract = EventContract<z.ZodType, z.ZodType>;
export type { EventMetadata };
