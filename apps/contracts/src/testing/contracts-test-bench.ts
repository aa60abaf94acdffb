import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { originatingFrom } from '@hashproof/messaging';
import { freePort, ServiceProcess, testDatabaseUrl } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ContractsModule } from '../contracts.module';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import type { RenterPool } from '../rentals/renter-pool';

export const testBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** The contracts service in-process on the test database, with a fast outbox relay. */
export async function startContracts(): Promise<INestApplicationContext> {
  const config = loadConfig('contracts', contractsConfigSchema, {
    DATABASE_URL: testDatabaseUrl('contracts'),
    KAFKA_BROKERS: testBrokers,
    OUTBOX_POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
  });
  const contracts = await NestFactory.createApplicationContext(ContractsModule.forRoot(config), { logger: false });
  await contracts.init();
  return contracts;
}

/** The built verifier as a real process in its own consumer group, so a test can crash it. */
export async function startVerifierProcess(consumerGroup: string, logLevel = 'warn'): Promise<ServiceProcess> {
  const verifier = new ServiceProcess(
    'hashrate-verifier',
    {
      DATABASE_URL: testDatabaseUrl('verifier'),
      KAFKA_BROKERS: testBrokers,
      KAFKA_CONSUMER_GROUP: consumerGroup,
      LOG_LEVEL: logLevel,
      STRATUM_PORT: String(await freePort()),
    },
    await freePort(),
  );
  await verifier.start();
  return verifier;
}

export interface RentalTerms {
  readonly hashrate: bigint;
  readonly durationSeconds: number;
  readonly pool: RenterPool;
}

const defaultTerms: RentalTerms = {
  hashrate: 50_000_000_000_000n,
  durationSeconds: 7 * 86_400,
  pool: { url: 'stratum+tcp://127.0.0.1:3334', worker: 'renter.test', password: 'x' },
};

/** Opens and activates a rental, by default 50 TH/s for 7 days; returns its id. */
export async function activateRental(
  contracts: INestApplicationContext,
  terms: Partial<RentalTerms> = {},
): Promise<string> {
  const { hashrate, durationSeconds, pool } = { ...defaultTerms, ...terms };
  const rental = await contracts.get(OpenRentalUseCase).execute({
    listingId: randomUUID(),
    providerId: randomUUID(),
    renterId: randomUUID(),
    hashrate,
    durationSeconds,
    priceMinor: 1_234_500n,
    currency: 'USD',
    pool,
    actor: 'renter:test',
  });
  await contracts.get(ActivateRentalUseCase).execute({
    rentalId: rental.id,
    actor: 'stripe:evt_test',
    cause: originatingFrom(),
    activatedAt: new Date(),
  });
  return rental.id;
}
