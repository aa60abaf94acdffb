import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { originatingFrom } from '@hashproof/messaging';
import { connectAsAdmin, freePort, localKafka, ServiceProcess, testDatabaseUrl, waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Client } from 'pg';
import { ContractsModule } from '../contracts.module';
import { ActivateRentalUseCase } from './activate-rental.usecase';
import { OpenRentalUseCase } from './open-rental.usecase';

jest.setTimeout(240_000);

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

describe('a Kafka outage while the services run', () => {
  let contracts: INestApplicationContext;
  let verifier: ServiceProcess;
  let admin: Client;

  beforeAll(async () => {
    const config = loadConfig('contracts', contractsConfigSchema, {
      DATABASE_URL: testDatabaseUrl('contracts'),
      KAFKA_BROKERS: brokers,
      OUTBOX_POLL_INTERVAL_MS: '100',
      LOG_LEVEL: 'silent',
    });
    contracts = await NestFactory.createApplicationContext(ContractsModule.forRoot(config), { logger: false });
    await contracts.init();
    admin = await connectAsAdmin();
    verifier = new ServiceProcess(
      'hashrate-verifier',
      {
        DATABASE_URL: testDatabaseUrl('verifier'),
        KAFKA_BROKERS: brokers,
        KAFKA_CONSUMER_GROUP: `hashrate-verifier-outage-${randomUUID().slice(0, 8)}`,
        LOG_LEVEL: 'info',
      },
      await freePort(),
    );
    await verifier.start();
  });

  afterAll(async () => {
    localKafka('up');
    await verifier?.stop();
    await contracts?.close();
    await admin?.end();
  });

  async function activateRental(): Promise<string> {
    const rental = await contracts.get(OpenRentalUseCase).execute({
      listingId: randomUUID(),
      providerId: randomUUID(),
      renterId: randomUUID(),
      hashrate: 1_000_000_000_000n,
      durationSeconds: 86_400,
      priceMinor: 2_500n,
      currency: 'USD',
      actor: 'renter:test',
    });
    await contracts.get(ActivateRentalUseCase).execute({
      rentalId: rental.id,
      actor: 'test',
      cause: originatingFrom(),
      activatedAt: new Date(),
    });
    return rental.id;
  }

  async function measured(rentalId: string): Promise<boolean> {
    const { rows } = await admin.query('SELECT 1 FROM verifier.delivery_contracts WHERE rental_id = $1', [rentalId]);
    return rows.length === 1;
  }

  it('reports Kafka down on /health, keeps what happened meanwhile, and recovers without a restart', async () => {
    const before = await activateRental();
    await waitFor(() => measured(before), { what: 'delivery before the outage' });

    localKafka('down');
    await waitFor(async () => (await verifier.health()) === 503, { what: '/health to report the outage' });
    expect(await verifier.healthBody()).toMatchObject({
      status: 'error',
      error: { kafka: { status: 'down' } },
      info: { postgres: { status: 'up' } },
    });

    const duringOutage = await activateRental();
    localKafka('up');

    await waitFor(async () => (await verifier.health()) === 200, { timeoutMs: 60_000, what: '/health to recover' });
    await waitFor(() => measured(duringOutage), {
      timeoutMs: 120_000,
      what: 'the activation recorded during the outage to be delivered',
    });
  });

  it('shuts down on SIGTERM by closing in order, not by the forced-exit timeout', async () => {
    const end = await verifier.stop();
    // Nest re-raises the signal once its shutdown hooks have run; the forced exit would be code 1.
    expect(end).toEqual({ code: null, signal: 'SIGTERM' });
    expect(verifier.output.join('')).toContain('messaging stopped');
  });
});
