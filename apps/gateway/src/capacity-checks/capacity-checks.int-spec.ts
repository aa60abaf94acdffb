import { randomUUID } from 'node:crypto';
import {
  capacityCheckCompletedV1,
  capacityCheckRequestedV1,
  deadLetterHeaders,
  deadLetterTopic,
  type EventMessage,
  type EventOf,
  type EventValue,
} from '@hashproof/events';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { connectAsAdmin, kafkaTestClient, testKafkaBrokers, waitFor } from '@hashproof/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Consumer, Producer } from 'kafkajs';
import type { Client } from 'pg';
import request from 'supertest';
import { service } from '../gateway.module';
import { bearer, signUp, startGateway, type TestAccount, seedAndLogInAdmin } from '../testing/gateway-test-bench';

jest.setTimeout(120_000);

const runId = randomUUID().slice(0, 8);
const kafka = kafkaTestClient(`capacity-checks-it-${runId}`);
const consumerGroup = `gateway-capacity-it-${runId}`;

const TH = 1_000_000_000_000n;

interface RequestedCheck {
  checkId: string;
  credential: string;
  stratumUrl: string;
  startsAt: string;
  endsAt: string;
  status: string;
}

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
}

const validBody = () => ({
  hashrate: (100n * TH).toString(),
  durationSeconds: 600,
  pool: { url: 'stratum+tcp://pool.example.com:3333', worker: 'provider.check' },
});

describe('capacity checks over HTTP and Kafka', () => {
  let app: NestFastifyApplication;
  let db: Client;
  let producer: Producer;
  let watcher: Consumer;
  let provider: TestAccount;
  let otherProvider: TestAccount;
  let renter: TestAccount;
  let adminToken: string;
  const requested: EventOf<typeof capacityCheckRequestedV1>[] = [];
  const deadLetters: { reason: string; value: string }[] = [];
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startGateway({ KAFKA_CONSUMER_GROUP: consumerGroup, OUTBOX_POLL_INTERVAL_MS: '100' });
    // As main.ts runs it (Kafka consumption beside HTTP), in this run's own consumer group, from the partitions'
    // ends: replaying the history of every topic the gateway consumes would only slow this run down.
    const transport = kafkaMicroserviceOptions(
      { KAFKA_BROKERS: testKafkaBrokers.split(','), KAFKA_SSL: false, KAFKA_CONSUMER_GROUP: consumerGroup },
      service,
    );
    app.connectMicroservice(
      { ...transport, options: { ...transport.options, subscribe: { fromBeginning: false } } },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    db = await connectAsAdmin();
    producer = kafka.producer();
    await producer.connect();

    // From the beginning, so nothing slips past before the watcher has its offsets; check ids tell ours apart.
    watcher = kafka.consumer({ groupId: `capacity-checks-watcher-it-${runId}` });
    await watcher.connect();
    await watcher.subscribe({ topics: [capacityCheckRequestedV1.topic, deadLetterTopic.topic], fromBeginning: true });
    await watcher.run({
      eachMessage: async ({ topic, message }) => {
        if (topic === deadLetterTopic.topic) {
          const reason = message.headers?.[deadLetterHeaders.reason]?.toString() ?? '';
          deadLetters.push({ reason, value: message.value?.toString() ?? '' });
        } else {
          try {
            requested.push(capacityCheckRequestedV1.deserialize(message.value));
          } catch {
            // Not ours to judge: the topic may hold other runs' events.
          }
        }
      },
    });

    provider = await signUp(app, 'provider');
    otherProvider = await signUp(app, 'provider');
    renter = await signUp(app, 'renter');
    adminToken = (await seedAndLogInAdmin(app, 'admin')).accessToken;

    // A new group starts at the ends it resolves after joining; a completion sent before that is never seen. So the
    // first check's completion is sent until it applies: from then on, the provider's partition is being consumed.
    const warmUp = await requestCheck(provider);
    await waitFor(
      async () => {
        await publish(completion({ checkId: warmUp.checkId, providerId: provider.id }));
        return (await statusOf(warmUp.checkId)) === 'passed';
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the gateway to consume capacity.check-completed' },
    );
  });

  afterAll(async () => {
    await watcher?.disconnect();
    await producer?.disconnect();
    await app?.close();
    await db?.end();
  });

  async function requestCheck(owner: TestAccount, body: object = validBody()): Promise<RequestedCheck> {
    const response = await http().post('/v1/capacity-checks').set(bearer(owner.accessToken)).send(body).expect(202);
    return response.body as RequestedCheck;
  }

  function completion(
    check: { checkId: string; providerId: string },
    outcome: Partial<EventValue<typeof capacityCheckCompletedV1>> = {},
  ): { eventId: string; message: EventMessage } {
    const eventId = randomUUID();
    const message = capacityCheckCompletedV1.serialize(
      {
        eventId,
        occurredAt: new Date().toISOString(),
        correlationId: `capacity-checks-it-${runId}`,
        causationId: null,
        producer: 'hashrate-verifier',
      },
      { providerId: check.providerId },
      {
        checkId: check.checkId,
        providerId: check.providerId,
        claimedHashrate: (100n * TH).toString(),
        verifiedHashrate: (97n * TH).toString(),
        passed: true,
        completedAt: '2026-11-24T12:10:00.000Z',
        judgement: {
          measuredSeconds: 598.5,
          acceptedShares: 13_542,
          estimatedHashrate: 9.91e13,
          lower: 9.74e13,
          upper: 1.008e14,
          pValue: 0.27,
          verdict: 'ok',
        },
        ...outcome,
      },
    );
    return { eventId, message };
  }

  const publish = (...completions: { message: EventMessage }[]) =>
    producer.send({
      topic: capacityCheckCompletedV1.topic,
      acks: -1,
      messages: completions.map(({ message }) => ({ key: message.key, value: message.value })),
    });

  async function timesProcessed(eventId: string): Promise<number> {
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM gateway.processed_events WHERE consumer = 'gateway' AND event_id = $1`,
      [eventId],
    );
    return Number(rows[0]?.count);
  }

  const getCheck = (checkId: string, token: string) => http().get(`/v1/capacity-checks/${checkId}`).set(bearer(token));

  async function statusOf(checkId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ status: string }>('SELECT status FROM gateway.capacity_checks WHERE id = $1', [
      checkId,
    ]);
    return rows[0]?.status;
  }

  it('answers 202 with a credential and records the request event with that credential in the same transaction', async () => {
    const check = await requestCheck(provider);
    expect(check).toEqual({
      checkId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      credential: expect.stringMatching(/^hp_[\w-]{24}$/),
      stratumUrl: 'stratum+tcp://127.0.0.1:3333',
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      status: 'running',
    });
    expect(Date.parse(check.endsAt) - Date.parse(check.startsAt)).toBe(600_000);

    const event = await waitFor(async () => requested.find((candidate) => candidate.value.checkId === check.checkId), {
      what: 'the capacity.check-requested event on Kafka',
    });
    expect(event.key).toEqual({ providerId: provider.id });
    expect(event.producer).toBe('gateway');
    expect(event.value).toEqual({
      checkId: check.checkId,
      providerId: provider.id,
      claimedHashrate: '100000000000000',
      startsAt: check.startsAt,
      endsAt: check.endsAt,
      stratum: {
        credential: check.credential,
        pool: { url: 'stratum+tcp://pool.example.com:3333', worker: 'provider.check', password: 'x' },
      },
    });

    const shown = await getCheck(check.checkId, provider.accessToken).expect(200);
    expect(shown.body).toMatchObject({
      checkId: check.checkId,
      providerId: provider.id,
      status: 'running',
      claimedHashrate: '100000000000000',
      verifiedHashrate: null,
      credential: check.credential,
      pool: { url: 'stratum+tcp://pool.example.com:3333', worker: 'provider.check' },
      completedAt: null,
      judgement: null,
    });
    expect(JSON.stringify(shown.body)).not.toContain('"password"');
  });

  it('accepts an API key as well as a bearer token', async () => {
    const created = await http().post('/v1/api-keys').set(bearer(provider.accessToken)).send({ name: 'capacity bot' });
    const response = await http()
      .post('/v1/capacity-checks')
      .set('x-api-key', (created.body as { key: string }).key)
      .send({ ...validBody(), pool: { ...validBody().pool, password: 'd=65536' } })
      .expect(202);
    const { checkId } = response.body as RequestedCheck;
    const event = await waitFor(async () => requested.find((candidate) => candidate.value.checkId === checkId), {
      what: 'the request event',
    });
    expect(event.value.stratum.pool.password).toBe('d=65536');
  });

  it('shows the verifier’s judgement once the completed event arrives; a duplicate or second completion changes nothing', async () => {
    const check = await requestCheck(provider);
    const passed = completion({ checkId: check.checkId, providerId: provider.id });
    await publish(passed);

    const shown = await waitFor(
      async () => {
        const response = await getCheck(check.checkId, provider.accessToken).expect(200);
        return (response.body as { status: string }).status === 'passed' && (response.body as object);
      },
      { timeoutMs: 60_000, what: 'the check to show as passed' },
    );
    expect(shown).toMatchObject({
      status: 'passed',
      verifiedHashrate: '97000000000000',
      completedAt: '2026-11-24T12:10:00.000Z',
      judgement: { measuredSeconds: 598.5, acceptedShares: 13_542, pValue: 0.27, verdict: 'ok' },
    });

    const contradicting = completion(
      { checkId: check.checkId, providerId: provider.id },
      { passed: false, verifiedHashrate: '0', completedAt: '2026-11-24T12:20:00.000Z' },
    );
    await publish(passed, contradicting);
    await waitFor(async () => (await timesProcessed(contradicting.eventId)) === 1, {
      what: 'the second completion to be consumed',
    });
    expect(await timesProcessed(passed.eventId)).toBe(1);
    expect((await getCheck(check.checkId, provider.accessToken).expect(200)).body).toEqual(shown);
  });

  it('shows a failed check with nothing verified', async () => {
    const check = await requestCheck(provider);
    await publish(
      completion(
        { checkId: check.checkId, providerId: provider.id },
        {
          passed: false,
          verifiedHashrate: '0',
          judgement: {
            measuredSeconds: 600,
            acceptedShares: 4_020,
            estimatedHashrate: 2.9e13,
            lower: 2.8e13,
            upper: 3.0e13,
            pValue: 0,
            verdict: 'under-delivery',
          },
        },
      ),
    );
    const shown = await waitFor(
      async () => {
        const response = await getCheck(check.checkId, provider.accessToken).expect(200);
        return (response.body as { status: string }).status !== 'running' && (response.body as object);
      },
      { timeoutMs: 60_000, what: 'the check to complete' },
    );
    expect(shown).toMatchObject({ status: 'failed', verifiedHashrate: '0', judgement: { verdict: 'under-delivery' } });
  });

  it('dead-letters a completion for a check never requested here, and keeps consuming', async () => {
    const unknown = completion({ checkId: randomUUID(), providerId: provider.id });
    await publish(unknown);
    const letter = await waitFor(async () => deadLetters.find((entry) => entry.value === unknown.message.value), {
      timeoutMs: 60_000,
      what: 'the completion on the dead-letter topic',
    });
    expect(letter.reason).toMatch(/was never requested here/);

    const check = await requestCheck(provider);
    await publish(completion({ checkId: check.checkId, providerId: provider.id }));
    await waitFor(
      async () =>
        ((await getCheck(check.checkId, provider.accessToken).expect(200)).body as { status: string }).status ===
        'passed',
      { timeoutMs: 60_000, what: 'the next completion to apply' },
    );
  });

  describe('who may do what', () => {
    let check: RequestedCheck;

    beforeAll(async () => {
      check = await requestCheck(provider);
    });

    it('lets only providers request a check; everyone else gets 403, and no one unauthenticated', async () => {
      for (const token of [renter.accessToken, adminToken]) {
        const refused = await http().post('/v1/capacity-checks').set(bearer(token)).send(validBody());
        expect(refused.status).toBe(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const anonymous = await http().post('/v1/capacity-checks').send(validBody());
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('shows a check to its provider and to admins; anyone else gets 404, as for a check that does not exist', async () => {
      await getCheck(check.checkId, provider.accessToken).expect(200);
      const forAdmin = await getCheck(check.checkId, adminToken).expect(200);
      expect(forAdmin.body).toMatchObject({ checkId: check.checkId, providerId: provider.id });
      for (const token of [otherProvider.accessToken, renter.accessToken]) {
        const hidden = await getCheck(check.checkId, token);
        expect(hidden.status).toBe(404);
        expect(hidden.body).toMatchObject({ type: 'urn:hashproof:problem:capacity-check-not-found' });
      }
      await getCheck(randomUUID(), adminToken).expect(404);
      await http().get(`/v1/capacity-checks/${check.checkId}`).expect(401);
      await http().get('/v1/capacity-checks').expect(401);
    });
  });

  describe('GET /v1/capacity-checks', () => {
    let lister: TestAccount;
    const checkIds: string[] = [];

    beforeAll(async () => {
      lister = await signUp(app, 'provider', 'lister');
      for (let i = 0; i < 5; i += 1) {
        checkIds.push((await requestCheck(lister)).checkId);
        await new Promise((resolve) => setTimeout(resolve, 5)); // distinct creation times, so newest first is one order
      }
      await requestCheck(otherProvider);
    });

    const list = (query: Record<string, string | number>, token = lister.accessToken) =>
      http().get('/v1/capacity-checks').query(query).set(bearer(token));

    it('walks the provider’s own checks newest first, each exactly once, by cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await list({ limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        const body = response.body as { items: { checkId: string; providerId: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(2);
        expect(body.items.every((item) => item.providerId === lister.id)).toBe(true);
        seen.push(...body.items.map((item) => item.checkId));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...checkIds].reverse());
    });

    it('numbers pages with a total', async () => {
      const second = await list({ page: 2, pageSize: 2 }).expect(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect((second.body as { items: { checkId: string }[] }).items.map((item) => item.checkId)).toEqual(
        [...checkIds].reverse().slice(2, 4),
      );
    });

    it('is for providers, and refuses mixed pagination styles and forged cursors', async () => {
      await list({}, renter.accessToken).expect(403);
      await list({ limit: 2, page: 1 }).expect(400);
      const forged = await list({ cursor: 'not-a-cursor' }).expect(400);
      expect(forged.body).toMatchObject({ type: 'urn:hashproof:problem:invalid-cursor' });
    });
  });

  describe('an invalid request', () => {
    async function refusedFields(body: unknown): Promise<string[]> {
      const response = await http()
        .post('/v1/capacity-checks')
        .set(bearer(provider.accessToken))
        .send(body as object);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.body as Problem;
      expect(problem.type).toBe('urn:hashproof:problem:validation');
      return (problem.errors ?? []).map((error) => error.field);
    }

    async function storedChecks(): Promise<number> {
      const { rows } = await db.query<{ count: string }>(
        'SELECT count(*) FROM gateway.capacity_checks WHERE provider_id = $1',
        [provider.id],
      );
      return Number(rows[0]?.count);
    }

    it('is refused with a 400 naming each bad field, and stores nothing', async () => {
      const before = await storedChecks();
      expect(await refusedFields({ ...validBody(), priority: 'high' })).toEqual(['priority']);
      expect(await refusedFields({ ...validBody(), pool: { ...validBody().pool, tls: true } })).toEqual(['pool.tls']);
      expect(await refusedFields({ ...validBody(), pool: { ...validBody().pool, url: 'http://pool:3333' } })).toEqual([
        'pool.url',
      ]);
      expect(await refusedFields({ ...validBody(), durationSeconds: 599 })).toEqual(['durationSeconds']);
      expect(await refusedFields({ ...validBody(), durationSeconds: 86_401 })).toEqual(['durationSeconds']);
      expect(await refusedFields({ ...validBody(), hashrate: '0' })).toEqual(['hashrate']);
      expect(await refusedFields({ ...validBody(), hashrate: 1e14 })).toEqual(['hashrate']);
      expect(await refusedFields({ pool: validBody().pool })).toEqual(['hashrate', 'durationSeconds']);
      expect(await storedChecks()).toBe(before);
    });

    it('names the configured minimum duration', async () => {
      const response = await http()
        .post('/v1/capacity-checks')
        .set(bearer(provider.accessToken))
        .send({ ...validBody(), durationSeconds: 60 })
        .expect(400);
      expect((response.body as Problem).errors).toEqual([
        { field: 'durationSeconds', message: 'must be at least 600 seconds' },
      ]);
    });
  });
});
