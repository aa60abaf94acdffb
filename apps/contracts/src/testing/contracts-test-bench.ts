import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { kafkaMicroserviceOptions, originatingFrom } from '@hashproof/messaging';
import { freePort, ServiceProcess, testDatabaseUrl, testInternalApiToken, testKafkaBrokers } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ContractsModule, service } from '../contracts.module';
import { ProviderCapacityRepository } from '../provider-capacity/provider-capacity.repository';
import { ActivateRentalUseCase } from '../rentals/activate-rental.usecase';
import { OpenRentalUseCase } from '../rentals/open-rental.usecase';
import type { RenterPool } from '../rentals/renter-pool';

export interface ContractsTestOptions {
  /** When set, contracts also consumes Kafka (as a hybrid app, like main.ts) in this consumer group. */
  readonly consumerGroup?: string;
  /** Settings over the bench's own, e.g. STRIPE_API_URL of a Stripe stand-in the test runs. */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * The contracts service in-process on the test database, with a fast outbox relay and enough connections
 * for tests that open rentals concurrently.
 */
export async function startContracts(options: ContractsTestOptions = {}): Promise<INestApplicationContext> {
  const config = loadConfig('contracts', contractsConfigSchema, {
    DATABASE_URL: testDatabaseUrl('contracts'),
    DATABASE_POOL_SIZE: '20',
    KAFKA_BROKERS: testKafkaBrokers,
    INTERNAL_API_TOKEN: testInternalApiToken,
    OUTBOX_POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
    // No real Stripe in tests: a suite that pays runs a stand-in and names it; the others reach nothing.
    STRIPE_SECRET_KEY: 'sk_test_contracts_bench',
    STRIPE_API_URL: 'http://127.0.0.1:9',
    ...(options.consumerGroup ? { KAFKA_CONSUMER_GROUP: options.consumerGroup } : {}),
    ...options.settings,
  });
  if (!options.consumerGroup) {
    const contracts = await NestFactory.createApplicationContext(ContractsModule.forRoot(config), { logger: false });
    await contracts.init();
    return contracts;
  }
  const contracts = await NestFactory.create(ContractsModule.forRoot(config), new FastifyAdapter(), { logger: false });
  contracts.connectMicroservice(kafkaMicroserviceOptions(config, service), { inheritAppConfig: true });
  await contracts.init();
  await contracts.startAllMicroservices();
  return contracts;
}

/** The built verifier as a real process in its own consumer group, so a test can crash it. */
export async function startVerifierProcess(consumerGroup: string, logLevel = 'warn'): Promise<ServiceProcess> {
  const verifier = new ServiceProcess(
    'hashrate-verifier',
    {
      DATABASE_URL: testDatabaseUrl('verifier'),
      KAFKA_BROKERS: testKafkaBrokers,
      KAFKA_CONSUMER_GROUP: consumerGroup,
      LOG_LEVEL: logLevel,
      STRATUM_PORT: String(await freePort()),
      POOL_CHECK_ALLOW_PRIVATE_ADDRESSES: 'true',
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

/**
 * Stands for a completed capacity check: the provider may now sell `hashrate` H/s. Recorded through the
 * same repository as the verifier's events; fails if a check on record completed as late or later.
 */
export async function grantVerifiedCapacity(
  contracts: INestApplicationContext,
  providerId: string,
  hashrate: bigint,
): Promise<void> {
  const recorded = await contracts.get(ProviderCapacityRepository).record({
    providerId,
    checkId: randomUUID(),
    verifiedHashrate: hashrate.toString(),
    claimedHashrate: hashrate.toString(),
    passed: true,
    completedAt: new Date().toISOString(),
  });
  if (!recorded) throw new Error(`provider ${providerId} already has a check on record that completed later`);
}

/**
 * Opens and activates a rental, by default 50 TH/s for 7 days, for a new provider verified for exactly
 * that; returns its id.
 */
export async function activateRental(
  contracts: INestApplicationContext,
  terms: Partial<RentalTerms> = {},
): Promise<string> {
  const { hashrate, durationSeconds, pool } = { ...defaultTerms, ...terms };
  const providerId = randomUUID();
  await grantVerifiedCapacity(contracts, providerId, hashrate);
  const rental = await contracts.get(OpenRentalUseCase).execute({
    listingId: randomUUID(),
    providerId,
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
