import { randomUUID } from 'node:crypto';
import { deadLetterHeaders, deadLetterTopic, rentalActivatedV1 } from '@hashproof/events';
import { connectAsAdmin, kafkaTestClient, type ServiceProcess, waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Consumer, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { activateRental as activate, startContracts, startVerifierProcess } from '../testing/contracts-test-bench';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
const kafka = kafkaTestClient(`activation-it-${runId}`);

const startVerifier = () => startVerifierProcess(`hashrate-verifier-it-${runId}`);

describe('a rental activated in contracts reaches the verifier through the outbox and the real broker', () => {
  let contracts: INestApplicationContext;
  let verifier: ServiceProcess;
  let admin: Client;
  let producer: Producer;

  beforeAll(async () => {
    contracts = await startContracts();
    admin = await connectAsAdmin();
    producer = kafka.producer();
    await producer.connect();
    verifier = await startVerifier();
  });

  afterAll(async () => {
    await verifier?.stop();
    await contracts?.close();
    await producer?.disconnect();
    await admin?.end();
  });

  const activateRental = () => activate(contracts);

  async function measuredCount(rentalIds: string[]): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      'SELECT count(*) FROM verifier.delivery_contracts WHERE rental_id = ANY($1::uuid[])',
      [rentalIds],
    );
    return Number(rows[0]?.count);
  }

  /** Rentals whose credential and pool in contracts are exactly what the verifier admits rigs with. */
  async function credentialsAgreeing(rentalIds: string[]): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      `SELECT count(*) FROM contracts.rentals rental
         JOIN verifier.stratum_credentials credential ON credential.credential = rental.stratum_credential
        WHERE rental.id = ANY($1::uuid[]) AND credential.rental_id = rental.id AND credential.revoked_at IS NULL
          AND credential.upstream_url = rental.pool_url AND credential.upstream_worker = rental.pool_worker
          AND credential.upstream_password = rental.pool_password`,
      [rentalIds],
    );
    return Number(rows[0]?.count);
  }

  /** Activations the verifier applied; it also consumes the status changes every activation brings. */
  async function processedCount(): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      'SELECT count(*) FROM verifier.processed_events WHERE topic = $1',
      [rentalActivatedV1.topic],
    );
    return Number(rows[0]?.count);
  }

  it('publishes through the outbox and applies each activation exactly once across a consumer crash', async () => {
    const rentalIds: string[] = [];
    for (let i = 0; i < 15; i += 1) rentalIds.push(await activateRental());
    await waitFor(async () => (await measuredCount(rentalIds)) === 15, { what: 'the first activations to arrive' });

    await verifier.crash();
    for (let i = 0; i < 25; i += 1) rentalIds.push(await activateRental());
    verifier = await startVerifier();

    await waitFor(async () => (await measuredCount(rentalIds)) === rentalIds.length, {
      timeoutMs: 60_000,
      what: 'every activation to arrive after the restart',
    });
    const { rows } = await admin.query<{ rental_id: string; contracted_hashrate: string }>(
      'SELECT rental_id, contracted_hashrate FROM verifier.delivery_contracts WHERE rental_id = ANY($1::uuid[])',
      [rentalIds],
    );
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row.rental_id))).toEqual(new Set(rentalIds));
    expect(rows.every((row) => row.contracted_hashrate === '50000000000000')).toBe(true);
    expect(await credentialsAgreeing(rentalIds)).toBe(40);

    const { rows: outbox } = await admin.query<{ pending: string }>(
      'SELECT count(*) AS pending FROM contracts.outbox_messages WHERE published_at IS NULL',
    );
    expect(Number(outbox[0]?.pending)).toBe(0);
  });

  it('gives a replayed event no second effect', async () => {
    const rentalId = await activateRental();
    await waitFor(async () => (await measuredCount([rentalId])) === 1, { what: 'the activation' });
    const { rows } = await admin.query<{ message_key: string; payload: string }>(
      `SELECT message_key, payload FROM contracts.outbox_messages WHERE topic = $1 AND message_key = $2`,
      [rentalActivatedV1.topic, rentalId],
    );
    expect(rows).toHaveLength(1);
    const processedBefore = await processedCount();

    const replay = rows.map((row) => ({ key: row.message_key, value: row.payload }));
    await producer.send({ topic: rentalActivatedV1.topic, messages: [...replay, ...replay] });
    const marker = await activateRental();
    await waitFor(async () => (await measuredCount([marker])) === 1, { what: 'an event published after the replays' });

    expect(await measuredCount([rentalId])).toBe(1);
    expect(await processedCount()).toBe(processedBefore + 1);
  });

  it('sends a poison message to the dead-letter topic with its reason and keeps consuming', async () => {
    const deadLetters: Consumer = kafka.consumer({ groupId: `dead-letters-it-${runId}` });
    const seen: { reason: string; value: string }[] = [];
    await deadLetters.connect();
    // From the beginning, so the letter cannot slip past before the watcher has its offsets; the run id tells ours apart.
    await deadLetters.subscribe({ topic: deadLetterTopic.topic, fromBeginning: true });
    await deadLetters.run({
      eachMessage: async ({ message }) => {
        seen.push({
          reason: message.headers?.[deadLetterHeaders.reason]?.toString() ?? '',
          value: message.value?.toString() ?? '',
        });
      },
    });

    const poison = `{"eventId":"not-a-uuid","run":"${runId}"}`;
    await producer.send({ topic: rentalActivatedV1.topic, messages: [{ key: randomUUID(), value: poison }] });
    const after = await activateRental();

    await waitFor(async () => (await measuredCount([after])) === 1, { what: 'the event after the poison message' });
    const letter = await waitFor(async () => seen.find((entry) => entry.value === poison), {
      what: 'the poison message on the dead-letter topic',
    });
    expect(letter.reason).toMatch(/^invalid rentals\.activated\.v1 event: .*eventId/);
    await deadLetters.disconnect();
  });
});
