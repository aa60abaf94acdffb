import { randomBytes, randomUUID } from 'node:crypto';
import { rentalActivatedV1, topicCatalog } from '@hashproof/events';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';

export function benchKafka(brokers: string): Kafka {
  return new Kafka({ clientId: 'end-to-end-shares-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

/**
 * Puts a new consumer group at the current end of every topic, so that on a broker with history (a
 * shared one) the verifier reads only this run's events: with its usual `fromBeginning`, a new group
 * would first replay every activation ever published, and close all their windows. One short-lived
 * member joins, commits the end offsets and leaves (kafkajs's admin.resetOffsets joins once per
 * topic, seconds each).
 */
export async function startGroupAtEnd(kafka: Kafka, admin: Admin, groupId: string): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = topicCatalog.map(({ topic }) => topic).filter((topic) => existing.has(topic));
  const ends = await Promise.all(
    topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
  );
  const member = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  await member.connect();
  try {
    await member.subscribe({ topics });
    const joined = new Promise((resolve) => member.on(member.events.GROUP_JOIN, resolve));
    await member.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    member.pause(topics.map((topic) => ({ topic })));
    await joined;
    await member.commitOffsets(
      ends.flatMap(({ topic, partitions }) =>
        partitions.map(({ partition, high }) => ({ topic, partition, offset: high })),
      ),
    );
  } finally {
    await member.disconnect();
  }
}

/** Sum of the partitions' end offsets: how many messages the topic has received so far. */
export async function topicEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
}

export interface BenchRental {
  readonly rentalId: string;
  /** The worker name its rigs authorize with. */
  readonly credential: string;
}

export interface ActivationTerms {
  readonly poolUrl: string;
  readonly hashrate: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Rentals as the contracts service activates them: one `rentals.activated.v1` event each. */
export async function activateRentals(
  producer: Producer,
  count: number,
  terms: ActivationTerms,
): Promise<BenchRental[]> {
  const rentals = Array.from({ length: count }, () => ({
    rentalId: randomUUID(),
    credential: `hp_bench_${randomBytes(12).toString('hex')}`,
  }));
  const messages = rentals.map(({ rentalId, credential }) =>
    rentalActivatedV1.serialize(
      {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: 'end-to-end-shares-bench',
        causationId: null,
        producer: 'end-to-end-shares-bench',
      },
      { rentalId },
      {
        rentalId,
        listingId: randomUUID(),
        providerId: randomUUID(),
        renterId: randomUUID(),
        algorithm: 'sha256d',
        hashrate: String(Math.max(1, Math.round(terms.hashrate))),
        startsAt: terms.startsAt.toISOString(),
        endsAt: terms.endsAt.toISOString(),
        price: { amountMinor: 1_000, currency: 'USD' },
        stratum: { credential, pool: { url: terms.poolUrl, worker: `renter.${rentalId.slice(0, 8)}`, password: 'x' } },
      },
    ),
  );
  await producer.send({ topic: rentalActivatedV1.topic, messages });
  return rentals;
}
