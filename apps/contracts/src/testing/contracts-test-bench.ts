import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { originatingFrom } from '@hashproof/messaging';
import { freePort, ServiceProcess, testDatabaseUrl } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ContractsModule } from '../contracts.module';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';

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

/** Opens and activates a 50 TH/s, 7-day rental; returns its id. */
export async function activateRental(contracts: INestApplicationContext): Promise<string> {
  const rental = await contracts.get(OpenRentalUseCase).execute({
    listingId: randomUUID(),
    providerId: randomUUID(),
    renterId: randomUUID(),
    hashrate: 50_000_000_000_000n,
    durationSeconds: 7 * 86_400,
    priceMinor: 1_234_500n,
    currency: 'USD',
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
