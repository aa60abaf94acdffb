import { randomUUID } from 'node:crypto';
import { capacityCheckCompletedV1, type EventMessage, type EventValue } from '@hashproof/events';
import { connectAsAdmin, kafkaTestClient, waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { Client } from 'pg';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import { grantVerifiedCapacity, startContracts } from '../testing/contracts-test-bench';
import { InsufficientCapacityError } from './capacity-rule';

jest.setTimeout(120_000);

const TH = 1_000_000_000_000n;
const runId = randomUUID().slice(0, 8);
const kafka = kafkaTestClient(`provider-capacity-it-${runId}`);

interface PublishedCheck {
  readonly eventId: string;
  readonly checkId: string;
  readonly message: EventMessage;
}

/** A capacity.check-completed.v1 event as the verifier would publish it. */
function completedCheck(
  providerId: string,
  overrides: Partial<EventValue<typeof capacityCheckCompletedV1>>,
): PublishedCheck {
  const eventId = randomUUID();
  const checkId = randomUUID();
  const message = capacityCheckCompletedV1.serialize(
    {
      eventId,
      occurredAt: new Date().toISOString(),
      correlationId: `capacity-it-${runId}`,
      causationId: null,
      producer: 'hashrate-verifier',
    },
    { providerId },
    {
      checkId,
      providerId,
      claimedHashrate: (100n * TH).toString(),
      verifiedHashrate: (100n * TH).toString(),
      passed: true,
      completedAt: new Date().toISOString(),
      judgement: {
        measuredSeconds: 600,
        acceptedShares: 14_000,
        estimatedHashrate: 1.0e14,
        lower: 0.98e14,
        upper: 1.02e14,
        pValue: 0.61,
        verdict: 'ok',
      },
      ...overrides,
    },
  );
  return { eventId, checkId, message };
}

describe('provider capacity: verified by completed checks, never oversold', () => {
  let contracts: INestApplicationContext;
  let admin: Client;
  let producer: Producer;

  beforeAll(async () => {
    contracts = await startContracts({ consumerGroup: `contracts-capacity-it-${runId}` });
    admin = await connectAsAdmin();
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await contracts?.close();
    await producer?.disconnect();
    await admin?.end();
  });

  const publish = (...checks: PublishedCheck[]) =>
    producer.send({
      topic: capacityCheckCompletedV1.topic,
      acks: -1,
      messages: checks.map(({ message }) => ({ key: message.key, value: message.value })),
    });

  async function capacityOf(providerId: string) {
    const { rows } = await admin.query<{ verified_hashrate: string; check_id: string; passed: boolean }>(
      `SELECT verified_hashrate, check_id, passed FROM contracts.provider_capacities WHERE provider_id = $1`,
      [providerId],
    );
    return rows[0];
  }

  async function timesProcessed(eventId: string): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      `SELECT count(*) FROM contracts.processed_events WHERE consumer = 'contracts' AND event_id = $1`,
      [eventId],
    );
    return Number(rows[0]?.count);
  }

  async function committed(providerId: string) {
    const { rows } = await admin.query<{ hashrate: string; rentals: string }>(
      `SELECT COALESCE(sum(hashrate), 0)::text AS hashrate, count(*) AS rentals FROM contracts.rentals
       WHERE provider_id = $1 AND status IN ('pending_payment', 'active', 'disputed')`,
      [providerId],
    );
    return { hashrate: rows[0]?.hashrate, rentals: Number(rows[0]?.rentals) };
  }

  const openRental = (providerId: string, hashrate: bigint) =>
    contracts.get(OpenRentalUseCase).execute({
      listingId: randomUUID(),
      providerId,
      renterId: randomUUID(),
      hashrate,
      durationSeconds: 86_400,
      priceMinor: 500_000n,
      currency: 'USD',
      pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.capacity', password: 'x' },
      actor: 'renter:test',
    });

  /** Settles to 'opened' or to the error, so Promise.all waits for every call. */
  const outcomeOf = (opening: Promise<unknown>) =>
    opening.then(
      () => 'opened' as const,
      (error: unknown) => error,
    );

  it('takes the latest completed check from Kafka as the capacity; a late stale check and a duplicate change nothing', async () => {
    const providerId = randomUUID();
    const latest = completedCheck(providerId, { completedAt: '2026-11-24T10:00:00.000Z' });
    await publish(latest);
    await waitFor(async () => (await capacityOf(providerId))?.check_id === latest.checkId, {
      timeoutMs: 60_000,
      what: 'the completed check to become the provider’s capacity',
    });
    expect(await capacityOf(providerId)).toEqual({
      verified_hashrate: (100n * TH).toString(),
      check_id: latest.checkId,
      passed: true,
    });

    // Same key, same partition: the duplicates are consumed before the stale check is.
    const stale = completedCheck(providerId, {
      completedAt: '2026-11-24T09:00:00.000Z',
      claimedHashrate: (500n * TH).toString(),
      verifiedHashrate: (500n * TH).toString(),
    });
    await publish(latest, latest, stale);
    await waitFor(async () => (await timesProcessed(stale.eventId)) === 1, { what: 'the stale check to be consumed' });

    expect(await timesProcessed(latest.eventId)).toBe(1);
    expect(await capacityOf(providerId)).toEqual({
      verified_hashrate: (100n * TH).toString(),
      check_id: latest.checkId,
      passed: true,
    });
    await openRental(providerId, 100n * TH);
    await expect(openRental(providerId, 1n)).rejects.toThrow(InsufficientCapacityError);
  });

  it('lets a later failed check take the capacity away from new rentals', async () => {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, 100n * TH);
    await openRental(providerId, 40n * TH);

    const failed = completedCheck(providerId, {
      verifiedHashrate: '0',
      passed: false,
      completedAt: new Date(Date.now() + 60_000).toISOString(),
      judgement: {
        measuredSeconds: 600,
        acceptedShares: 3_000,
        estimatedHashrate: 2.1e13,
        lower: 1.9e13,
        upper: 2.3e13,
        pValue: 0,
        verdict: 'under-delivery',
      },
    });
    await publish(failed);
    await waitFor(async () => (await capacityOf(providerId))?.check_id === failed.checkId, {
      timeoutMs: 60_000,
      what: 'the failed check to be recorded',
    });

    await expect(openRental(providerId, 10n * TH)).rejects.toThrow(
      'verified 0 H/s, committed 40000000000000 H/s, requested 10000000000000 H/s',
    );
    expect(await committed(providerId)).toEqual({ hashrate: (40n * TH).toString(), rentals: 1 });
  });

  it('never oversells: 40 concurrent 10 TH/s rentals against 100 TH/s verified open exactly 10', async () => {
    const providerId = randomUUID();
    await grantVerifiedCapacity(contracts, providerId, 100n * TH);

    const outcomes = await Promise.all(Array.from({ length: 40 }, () => outcomeOf(openRental(providerId, 10n * TH))));

    const refusals = outcomes.filter((outcome) => outcome !== 'opened');
    expect(outcomes.filter((outcome) => outcome === 'opened')).toHaveLength(10);
    expect(refusals).toHaveLength(30);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(InsufficientCapacityError);
      expect((refusal as Error).message).toBe(
        `provider ${providerId} cannot take 10000000000000 H/s more: verified 100000000000000 H/s, ` +
          'committed 100000000000000 H/s, requested 10000000000000 H/s',
      );
    }
    expect(await committed(providerId)).toEqual({ hashrate: (100n * TH).toString(), rentals: 10 });
  });

  it('refuses a provider without verified capacity and stores nothing', async () => {
    const providerId = randomUUID();
    const refusal = await outcomeOf(openRental(providerId, 1n * TH));
    expect(refusal).toBeInstanceOf(InsufficientCapacityError);
    expect((refusal as InsufficientCapacityError).verified).toBeNull();
    expect((refusal as Error).message).toBe(
      `provider ${providerId} cannot take 1000000000000 H/s more: verified none, committed 0 H/s, ` +
        'requested 1000000000000 H/s',
    );
    expect(await committed(providerId)).toEqual({ hashrate: '0', rentals: 0 });
  });
});
