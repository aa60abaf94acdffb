import { randomUUID } from 'node:crypto';
import { contractsConfigSchema, loadConfig } from '@hashproof/config';
import { dataSourceOptions } from '@hashproof/database';
import { originatingFrom, Outbox } from '@hashproof/messaging';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { contractsDatabase } from './database/contracts-database';
import { service } from './contracts.module';
import { ProviderCapacityRepository } from './provider-capacity/provider-capacity.repository';
import { ActivateRentalUseCase } from './rentals/activate-rental.usecase';
import { OpenRentalUseCase } from './rentals/open-rental.usecase';
import { Rental } from './rentals/rental.entity';

/** Fixed ids, so that `npm start` finds the demo again instead of piling up rentals. */
const DEMO = {
  providerId: 'de300000-0000-4000-8000-000000000001',
  renterId: 'de300000-0000-4000-8000-000000000002',
  listingId: 'de300000-0000-4000-8000-000000000003',
} as const;
const DEMO_RENTAL_DAYS = 7;
const DEMO_RIGS = ['honest', 'cheating'] as const;

const seedConfigSchema = z.object({
  DATABASE_URL: contractsConfigSchema.shape.DATABASE_URL,
  DEMO_POOL_URL: z.string().default('stratum+tcp://127.0.0.1:3334'),
  DEMO_HASHRATE: z.coerce.number().int().positive().default(20_000),
});

type SeedConfig = z.output<typeof seedConfigSchema>;

/**
 * Demo data for `npm start`: two active rentals of the same demo provider, mining to the local dev pool, and
 * their stratum credentials (printed as JSON) for one honest and one cheating simulated rig. Until rentals
 * can be bought through the API, the demo provider's capacity is recorded here as if a check had verified
 * it. A demo rental with a day or more left is reused.
 */
export async function seedDemo(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const config = loadConfig('seed-demo', seedConfigSchema, env);
  const dataSource = new DataSource(dataSourceOptions(contractsDatabase({ ...config, DATABASE_POOL_SIZE: 1 })));
  await dataSource.initialize();
  try {
    const credentials: Record<string, string> = {};
    for (const rig of DEMO_RIGS) credentials[rig] = await demoRental(dataSource, config, rig);
    return credentials;
  } finally {
    await dataSource.destroy();
  }
}

async function demoRental(dataSource: DataSource, config: SeedConfig, rig: string): Promise<string> {
  const existing = await dataSource
    .getRepository(Rental)
    .createQueryBuilder('rental')
    .where('rental.renterId = :renterId AND rental.poolWorker = :worker', { renterId: DEMO.renterId, worker: rig })
    .andWhere("rental.status = 'active' AND rental.endsAt > now() + interval '1 day'")
    .getOne();
  if (existing?.stratumCredential) return existing.stratumCredential;
  return openDemoRental(dataSource, config, rig);
}

async function openDemoRental(dataSource: DataSource, config: SeedConfig, rig: string): Promise<string> {
  const hashrate = BigInt(config.DEMO_HASHRATE);
  await new ProviderCapacityRepository(dataSource).record({
    providerId: DEMO.providerId,
    checkId: randomUUID(),
    verifiedHashrate: (hashrate * 1_000n).toString(),
    claimedHashrate: (hashrate * 1_000n).toString(),
    passed: true,
    completedAt: new Date().toISOString(),
  });
  const rental = await new OpenRentalUseCase(dataSource, new Outbox(service)).execute({
    ...DEMO,
    hashrate,
    durationSeconds: DEMO_RENTAL_DAYS * 86_400,
    priceMinor: 0n,
    currency: 'USD',
    pool: { url: config.DEMO_POOL_URL, worker: rig, password: 'x' },
    actor: 'seed-demo',
  });
  const active = await new ActivateRentalUseCase(dataSource, new Outbox(service)).execute({
    rentalId: rental.id,
    actor: 'seed-demo',
    cause: originatingFrom(),
    activatedAt: new Date(),
  });
  if (!active.stratumCredential) throw new Error(`demo rental ${rental.id} was activated without a credential`);
  return active.stratumCredential;
}

if (require.main === module) {
  seedDemo(process.env).then(
    (credentials) => process.stdout.write(`${JSON.stringify(credentials)}\n`),
    (error: unknown) => {
      process.stderr.write(`seed-demo: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
