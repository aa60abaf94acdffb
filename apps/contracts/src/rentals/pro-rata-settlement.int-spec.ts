import { randomUUID } from 'node:crypto';
import {
  deliveryMeasurementCompletedV1,
  rentalActivatedV1,
  rentalStatusChangedV1,
  settlementFinalizedV1,
  topicCatalog,
} from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import {
  connectAsAdmin,
  consumerGroupAtTopicEnds,
  freePort,
  kafkaTestClient,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { Client } from 'pg';
import type { Actor } from '../access/actor';
import { CancelProRataUseCase } from '../purchases/cancel-pro-rata.usecase';
import { activateRental, startContracts } from '../testing/contracts-test-bench';
import { payoutsSettlementActor } from './settle-rental.usecase';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
/** 1,000 difficulty-1 shares a second, so a millisecond at the contracted rate is exactly one share. */
const hashrate = 1_000n * 2n ** 32n;
const day = 86_400;
/** The bench's price of every rental. */
const priceMinor = 1_234_500n;

/**
 * A renter's pro-rata cancel, end to end between contracts (in-process) and the built payouts service (a
 * process), with the verifier's last measurement published as the verifier publishes it: the rental is
 * cancelled at once, payouts settles it for the delivery up to that moment, and contracts marks it settled.
 */
describe('a pro-rata cancellation settled by payouts', () => {
  let contracts: INestApplicationContext;
  let payouts: ServiceProcess;
  let db: Client;
  let producer: Producer;

  beforeAll(async () => {
    db = await connectAsAdmin();
    const admin = kafkaTestClient(`pro-rata-it-${runId}`).admin();
    await admin.connect();
    await provisionTopics(admin, topicCatalog);
    await admin.disconnect();

    const contractsGroup = `contracts-pro-rata-it-${runId}`;
    await consumerGroupAtTopicEnds(contractsGroup, [settlementFinalizedV1.topic]);
    contracts = await startContracts({ consumerGroup: contractsGroup });

    const payoutsGroup = `payouts-pro-rata-it-${runId}`;
    await consumerGroupAtTopicEnds(
      payoutsGroup,
      [rentalActivatedV1, rentalStatusChangedV1, deliveryMeasurementCompletedV1].map(({ topic }) => topic),
    );
    payouts = new ServiceProcess(
      'payouts',
      {
        DATABASE_URL: testDatabaseUrl('payouts'),
        KAFKA_BROKERS: testKafkaBrokers,
        KAFKA_CONSUMER_GROUP: payoutsGroup,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
        OUTBOX_POLL_INTERVAL_MS: '100',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await payouts.start();

    producer = kafkaTestClient(`verifier-stand-in-pro-rata-it-${runId}`).producer({ idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await payouts?.stop();
    await contracts?.close();
    await db?.end();
  });

  async function rentalRow(rentalId: string) {
    const { rows } = await db.query<{
      status: string;
      renter_id: string;
      starts_at: Date;
      provider_earnings_minor: string | null;
      renter_refund_minor: string | null;
    }>(
      `SELECT status, renter_id, starts_at, provider_earnings_minor, renter_refund_minor
         FROM contracts.rentals WHERE id = $1`,
      [rentalId],
    );
    const row = rows[0];
    if (!row) throw new Error(`no rental ${rentalId}`);
    return row;
  }

  /** What the verifier publishes once it has stopped measuring: here, full delivery until `endsAt`. */
  const measuredUntil = (rentalId: string, startsAt: Date, endsAt: Date) => {
    const seconds = (endsAt.getTime() - startsAt.getTime()) / 1000;
    return deliveryMeasurementCompletedV1.serialize(
      {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: `pro-rata-it-${runId}`,
        causationId: null,
        producer: 'hashrate-verifier',
      },
      { rentalId },
      {
        rentalId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        contractedHashrate: hashrate.toString(),
        windows: 1,
        measuredSeconds: seconds,
        poolDownSeconds: 0,
        rigConnectedSeconds: seconds,
        acceptedShares: 100,
        deliveredWork: seconds * 1000,
        estimatedHashrate: Number(hashrate),
        lower: Number(hashrate) * 0.9,
        upper: Number(hashrate) * 1.1,
        pValue: 0.5,
        verdict: 'ok',
      },
    );
  };

  it('cancels a running rental at once and settles it for what was delivered until then', async () => {
    const rentalId = await activateRental(contracts, { hashrate, durationSeconds: day });
    const { renter_id: renterId, starts_at: startsAt } = await rentalRow(rentalId);
    const renter: Actor = { id: renterId, role: 'renter' };
    // Let it run a moment, so that the provider has earned something.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const cancelled = await contracts.get(CancelProRataUseCase).execute(renter, rentalId);
    expect(cancelled.status).toBe('cancelled');
    // The verifier stops measuring at the cancellation's moment, the `at` of its status change.
    const { rows } = await db.query<{ occurred_at: Date }>(
      `SELECT occurred_at FROM contracts.rental_transitions WHERE rental_id = $1 AND to_status = 'cancelled'`,
      [rentalId],
    );
    const cancelledAt = rows[0]?.occurred_at;
    if (!cancelledAt) throw new Error('the cancellation is not on record');
    await producer.send({
      topic: deliveryMeasurementCompletedV1.topic,
      acks: -1,
      messages: [measuredUntil(rentalId, startsAt, cancelledAt)],
    });

    const settled = await waitFor(
      async () => {
        const row = await rentalRow(rentalId);
        return row.status === 'settled' && row;
      },
      { what: 'the rental to be settled', timeoutMs: 60_000 },
    );
    const elapsedMs = BigInt(cancelledAt.getTime() - startsAt.getTime());
    const earnings = (priceMinor * elapsedMs) / BigInt(day * 1000);
    expect(earnings).toBeGreaterThan(0n);
    expect(settled).toMatchObject({
      provider_earnings_minor: earnings.toString(),
      renter_refund_minor: (priceMinor - earnings).toString(),
    });
    const trail = await db.query<{ to_status: string; actor: string }>(
      'SELECT to_status, actor FROM contracts.rental_transitions WHERE rental_id = $1 ORDER BY id',
      [rentalId],
    );
    expect(trail.rows.slice(2)).toEqual([
      { to_status: 'cancelled', actor: `renter:${renterId}` },
      { to_status: 'settled', actor: payoutsSettlementActor },
    ]);
  });
});
