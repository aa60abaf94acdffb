import { randomUUID } from 'node:crypto';
import {
  contractFlaggedV1,
  type EventMessage,
  type EventValue,
  rentalStatusChangedV1,
  settlementFinalizedV1,
  topicCatalog,
} from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import { connectAsAdmin, consumerGroupAtTopicEnds, kafkaTestClient, waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Consumer, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { ActionForbiddenError } from '../access/access.errors';
import type { Actor } from '../access/actor';
import { activateRental, startContracts } from '../testing/contracts-test-bench';
import { contractEndedActor } from './complete-ended-rentals.usecase';
import { DisputeRentalUseCase } from './dispute-rental.usecase';
import { ListRentalTransitionsUseCase } from './list-rental-transitions.usecase';
import { ResolveDisputeUseCase } from './resolve-dispute.usecase';
import { RentalNotDisputedError, RentalNotFoundError } from './rental.errors';
import { IllegalRentalTransitionError } from './rental-lifecycle';
import { payoutsSettlementActor } from './settle-rental.usecase';
import { TerminateRentalUseCase } from './terminate-rental.usecase';

jest.setTimeout(120_000);

const runId = randomUUID().slice(0, 8);
const admin: Actor = { id: randomUUID(), role: 'admin' };

type StatusChange = EventValue<typeof rentalStatusChangedV1>;

interface TransitionRow {
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
}

/**
 * The rest of the lifecycle on the test database and broker, contracts in-process and consuming: completion
 * at the end, disputes, terminations (by an admin and by the verifier's enforcement flag), settlement on payouts'
 * word, and refusals, each checked in rental_transitions and on rentals.status-changed.v1.
 */
describe('the rental lifecycle after activation', () => {
  let contracts: INestApplicationContext;
  let db: Client;
  let producer: Producer;
  let watcher: Consumer;
  const statusChanges: StatusChange[] = [];

  beforeAll(async () => {
    db = await connectAsAdmin();
    const kafkaAdmin = kafkaTestClient(`rental-lifecycle-it-${runId}`).admin();
    await kafkaAdmin.connect();
    await provisionTopics(kafkaAdmin, topicCatalog);
    await kafkaAdmin.disconnect();

    const watchGroup = `rental-lifecycle-watch-it-${runId}`;
    await consumerGroupAtTopicEnds(watchGroup, [rentalStatusChangedV1.topic]);
    watcher = kafkaTestClient(watchGroup).consumer({ groupId: watchGroup });
    await watcher.connect();
    await watcher.subscribe({ topics: [rentalStatusChangedV1.topic] });
    await watcher.run({
      eachMessage: async ({ message }) => {
        statusChanges.push(rentalStatusChangedV1.deserialize(message.value).value);
      },
    });

    const contractsGroup = `contracts-rental-lifecycle-it-${runId}`;
    await consumerGroupAtTopicEnds(contractsGroup);
    contracts = await startContracts({ consumerGroup: contractsGroup });
    producer = kafkaTestClient(`rental-lifecycle-flags-it-${runId}`).producer({ idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await contracts?.close();
    await watcher?.disconnect();
    await db?.end();
  });

  async function rentalRow(rentalId: string) {
    const { rows } = await db.query<{ status: string; renter_id: string; provider_id: string }>(
      'SELECT status, renter_id, provider_id FROM contracts.rentals WHERE id = $1',
      [rentalId],
    );
    const row = rows[0];
    if (!row) throw new Error(`no rental ${rentalId}`);
    return row;
  }

  async function transitions(rentalId: string): Promise<TransitionRow[]> {
    const { rows } = await db.query<TransitionRow>(
      'SELECT from_status, to_status, actor, reason FROM contracts.rental_transitions WHERE rental_id = $1 ORDER BY id',
      [rentalId],
    );
    return rows;
  }

  /** The rental's status changes on Kafka once `count` of them arrived (its opening and activation included). */
  const changesOnKafka = (rentalId: string, count: number) =>
    waitFor(
      async () => {
        const changes = statusChanges.filter((change) => change.rentalId === rentalId);
        return changes.length >= count && changes;
      },
      { what: `${count} status changes of ${rentalId} on Kafka` },
    );

  async function renterOf(rentalId: string): Promise<Actor> {
    return { id: (await rentalRow(rentalId)).renter_id, role: 'renter' };
  }

  const flag = (rentalId: string, cause: EventValue<typeof contractFlaggedV1>['cause'], windowIndex: number) =>
    contractFlaggedV1.serialize(
      {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: `rental-lifecycle-it-${runId}`,
        causationId: null,
        producer: 'rental-lifecycle-it',
      },
      { rentalId },
      {
        rentalId,
        cause,
        windowIndex,
        raisedAt: new Date().toISOString(),
        evidence: { window: { pValue: 0.01 }, contractToDate: { pValue: 0.000_042 } },
      },
    );

  const publishFlags = (...messages: EventMessage[]) =>
    producer.send({ topic: contractFlaggedV1.topic, acks: -1, messages });

  /** Payouts' final settlement of a rental priced 1,234,500 (the bench's price), a quarter to the provider. */
  const finalSettlement = (rentalId: string, providerEarningsMinor = 308_625) =>
    settlementFinalizedV1.serialize(
      {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: `rental-lifecycle-it-${runId}`,
        causationId: null,
        producer: 'rental-lifecycle-it',
      },
      { rentalId },
      {
        rentalId,
        providerId: randomUUID(),
        renterId: randomUUID(),
        currency: 'USD',
        paidMinor: 1_234_500,
        providerEarningsMinor,
        renterRefundMinor: 1_234_500 - providerEarningsMinor,
        creditedSeconds: 151_200,
        finalizedAt: new Date().toISOString(),
      },
    );

  const publishSettlements = (...messages: EventMessage[]) =>
    producer.send({ topic: settlementFinalizedV1.topic, acks: -1, messages });

  /** Contracts has consumed these events: applied, skipped as duplicates of an earlier one, or dead-lettered. */
  const consumed = (...messages: EventMessage[]) =>
    waitFor(
      async () => {
        const eventIds = messages.map(({ value }) => (JSON.parse(value) as { eventId: string }).eventId);
        const { rows } = await db.query(
          `SELECT 1 FROM contracts.processed_events WHERE consumer = 'contracts' AND event_id = ANY($1::uuid[])`,
          [eventIds],
        );
        return rows.length === eventIds.length;
      },
      { what: 'contracts to consume the events' },
    );

  async function settledAmounts(rentalId: string) {
    const { rows } = await db.query<{ provider_earnings_minor: string | null; renter_refund_minor: string | null }>(
      'SELECT provider_earnings_minor, renter_refund_minor FROM contracts.rentals WHERE id = $1',
      [rentalId],
    );
    return rows[0];
  }

  async function flagRows(rentalId: string) {
    const { rows } = await db.query<{ cause: string; window_index: number; outcome: string; rental_status: string }>(
      'SELECT cause, window_index, outcome, rental_status FROM contracts.rental_flags WHERE rental_id = $1 ORDER BY window_index',
      [rentalId],
    );
    return rows;
  }

  it('completes an active rental once its end has passed, as system:contract-ended', async () => {
    const rentalId = await activateRental(contracts, { durationSeconds: 2 });
    await waitFor(async () => (await rentalRow(rentalId)).status === 'completed', {
      what: 'the rental to complete',
      timeoutMs: 20_000,
    });
    expect((await transitions(rentalId)).at(-1)).toMatchObject({
      from_status: 'active',
      to_status: 'completed',
      actor: contractEndedActor,
    });
    expect((await changesOnKafka(rentalId, 3)).map(({ to, actor }) => ({ to, actor }))).toEqual([
      { to: 'pending_payment', actor: 'renter:test' },
      { to: 'active', actor: 'stripe:evt_test' },
      { to: 'completed', actor: contractEndedActor },
    ]);

    // Sustained under-delivery reported after the end changes nothing; it is kept for admins.
    await publishFlags(flag(rentalId, 'under-delivery-enforcement', 0));
    await waitFor(async () => (await flagRows(rentalId)).length === 1, { what: 'the late flag to be recorded' });
    expect(await flagRows(rentalId)).toEqual([
      { cause: 'under-delivery-enforcement', window_index: 0, outcome: 'recorded', rental_status: 'completed' },
    ]);
    expect((await rentalRow(rentalId)).status).toBe('completed');
  });

  it('disputes a rental for its renter, and an admin reinstates it', async () => {
    const rentalId = await activateRental(contracts);
    const renter = await renterOf(rentalId);
    await contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: renter, reason: 'pool sees half the rate' });
    expect((await rentalRow(rentalId)).status).toBe('disputed');
    const resolved = await contracts
      .get(ResolveDisputeUseCase)
      .execute({ rentalId, actor: admin, outcome: 'reinstate', reason: 'pool outage on the renter side' });
    expect(resolved).toMatchObject({ from: 'disputed', to: 'active', actor: `admin:${admin.id}` });

    expect((await transitions(rentalId)).slice(2)).toEqual([
      { from_status: 'active', to_status: 'disputed', actor: `renter:${renter.id}`, reason: 'pool sees half the rate' },
      {
        from_status: 'disputed',
        to_status: 'active',
        actor: `admin:${admin.id}`,
        reason: 'dispute rejected: pool outage on the renter side',
      },
    ]);
    const onKafka = (await changesOnKafka(rentalId, 4)).slice(2);
    expect(onKafka.map(({ from, to, actor, reason }) => ({ from, to, actor, reason }))).toEqual([
      { from: 'active', to: 'disputed', actor: `renter:${renter.id}`, reason: 'pool sees half the rate' },
      {
        from: 'disputed',
        to: 'active',
        actor: `admin:${admin.id}`,
        reason: 'dispute rejected: pool outage on the renter side',
      },
    ]);
  });

  it('terminates a disputed rental when an admin upholds the dispute, and settles it when payouts says so', async () => {
    const rentalId = await activateRental(contracts);
    await contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: admin, reason: 'flagged twice' });
    await contracts
      .get(ResolveDisputeUseCase)
      .execute({ rentalId, actor: admin, outcome: 'terminate', reason: 'rigs never connected' });
    const settlement = finalSettlement(rentalId);
    await publishSettlements(settlement, settlement);
    await waitFor(async () => (await rentalRow(rentalId)).status === 'settled', { what: 'the rental to settle' });

    const settledBy = {
      from_status: 'terminated',
      to_status: 'settled',
      actor: payoutsSettlementActor,
      reason:
        'payouts final: the provider earns 308625 and the renter is refunded 925875 (minor units of USD), ' +
        'for 151200 s of verified delivery credited',
    };
    expect((await transitions(rentalId)).slice(2)).toEqual([
      { from_status: 'active', to_status: 'disputed', actor: `admin:${admin.id}`, reason: 'flagged twice' },
      {
        from_status: 'disputed',
        to_status: 'terminated',
        actor: `admin:${admin.id}`,
        reason: 'dispute upheld: rigs never connected',
      },
      settledBy,
    ]);
    expect(await settledAmounts(rentalId)).toEqual({
      provider_earnings_minor: '308625',
      renter_refund_minor: '925875',
    });
    expect((await changesOnKafka(rentalId, 5)).slice(2).map(({ to }) => to)).toEqual([
      'disputed',
      'terminated',
      'settled',
    ]);
    const trail = await contracts.get(ListRentalTransitionsUseCase).execute(await renterOf(rentalId), rentalId);
    expect(trail.map(({ toStatus }) => toStatus)).toEqual([
      'pending_payment',
      'active',
      'disputed',
      'terminated',
      'settled',
    ]);

    // The settlement announced again, even with other amounts, changes nothing.
    const again = finalSettlement(rentalId, 0);
    await publishSettlements(again);
    await consumed(settlement, again);
    expect((await transitions(rentalId)).at(-1)).toEqual(settledBy);
    expect(await transitions(rentalId)).toHaveLength(5);
    expect(await settledAmounts(rentalId)).toEqual({
      provider_earnings_minor: '308625',
      renter_refund_minor: '925875',
    });
  });

  it('terminates an active rental once on sustained under-delivery; a review flag changes no status', async () => {
    const rentalId = await activateRental(contracts);
    const reviewed = await activateRental(contracts);
    const enforcement = flag(rentalId, 'under-delivery-enforcement', 3);
    // The same event delivered twice, the same flag raised again as a new event, then a marker on the same
    // partition: once the marker is recorded, everything before it was consumed.
    await publishFlags(
      enforcement,
      enforcement,
      flag(rentalId, 'under-delivery-enforcement', 3),
      flag(rentalId, 'provider-silent', 4),
    );
    await publishFlags(flag(reviewed, 'under-delivery-review', 1));
    await waitFor(async () => (await flagRows(rentalId)).length === 2, { what: 'both flags to be recorded' });
    await waitFor(async () => (await flagRows(reviewed)).length === 1, { what: 'the review flag to be recorded' });

    const terminations = (await transitions(rentalId)).filter((row) => row.to_status === 'terminated');
    expect(terminations).toEqual([
      {
        from_status: 'active',
        to_status: 'terminated',
        actor: 'system:verifier',
        reason:
          'sustained under-delivery: flagged under-delivery-enforcement after window 3, contract-to-date p-value 0.0000420',
      },
    ]);
    expect(await flagRows(rentalId)).toEqual([
      { cause: 'under-delivery-enforcement', window_index: 3, outcome: 'terminated', rental_status: 'active' },
      { cause: 'provider-silent', window_index: 4, outcome: 'recorded', rental_status: 'terminated' },
    ]);
    expect((await changesOnKafka(rentalId, 3)).map(({ to, actor }) => ({ to, actor })).slice(2)).toEqual([
      { to: 'terminated', actor: 'system:verifier' },
    ]);

    expect((await rentalRow(reviewed)).status).toBe('active');
    expect(await flagRows(reviewed)).toEqual([
      { cause: 'under-delivery-review', window_index: 1, outcome: 'recorded', rental_status: 'active' },
    ]);
    expect(await transitions(reviewed)).toHaveLength(2);
  });

  it('refuses illegal transitions and actors who may not, changing nothing', async () => {
    const rentalId = await activateRental(contracts);
    const renter = await renterOf(rentalId);
    const provider: Actor = { id: (await rentalRow(rentalId)).provider_id, role: 'provider' };
    const stranger: Actor = { id: randomUUID(), role: 'renter' };

    // Payouts never settles a running rental; were it to, the event is dead-lettered and nothing moves.
    const premature = finalSettlement(rentalId);
    await publishSettlements(premature);
    await consumed(premature);
    expect(await settledAmounts(rentalId)).toEqual({ provider_earnings_minor: null, renter_refund_minor: null });
    await expect(
      contracts.get(ResolveDisputeUseCase).execute({ rentalId, actor: admin, outcome: 'terminate', reason: 'x' }),
    ).rejects.toThrow(RentalNotDisputedError);
    await expect(
      contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: stranger, reason: 'mine?' }),
    ).rejects.toThrow(RentalNotFoundError);
    await expect(
      contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: provider, reason: 'no' }),
    ).rejects.toThrow(ActionForbiddenError);
    await expect(
      contracts.get(TerminateRentalUseCase).execute({ rentalId, actor: renter, reason: 'changed my mind' }),
    ).rejects.toThrow(ActionForbiddenError);
    expect(await transitions(rentalId)).toHaveLength(2);

    await contracts.get(TerminateRentalUseCase).execute({ rentalId, actor: admin, reason: 'fraudulent listing' });
    await expect(
      contracts.get(TerminateRentalUseCase).execute({ rentalId, actor: admin, reason: 'again' }),
    ).rejects.toThrow(new IllegalRentalTransitionError('terminated', 'terminated'));
    await expect(
      contracts.get(DisputeRentalUseCase).execute({ rentalId, actor: renter, reason: 'too late' }),
    ).rejects.toThrow(new IllegalRentalTransitionError('terminated', 'disputed'));
    expect((await transitions(rentalId)).map(({ to_status }) => to_status)).toEqual([
      'pending_payment',
      'active',
      'terminated',
    ]);
    expect((await rentalRow(rentalId)).status).toBe('terminated');
  });
});
