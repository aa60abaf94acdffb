import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { gatewayConfigSchema, loadConfig } from '@hashproof/config';
import { REDIS_CLIENT } from '@hashproof/runtime';
import { testDatabaseUrl, testInternalApiToken, testKafkaBrokers, waitFor } from '@hashproof/testing';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import { ZodValidationPipe } from 'nestjs-zod';
import request from 'supertest';
import { configureGateway } from '../configure-gateway';
import { GatewayModule } from '../gateway.module';
import { seedAdmin } from '../seed-admin';

// @fastify/static (swagger-ui's files) requires content-disposition 3, an ES module that node's require(esm)
// loads but jest's CommonJS runtime cannot. Only reply.download() uses it, which the gateway never calls.
jest.mock('content-disposition', () => ({
  create: () => {
    throw new Error('content-disposition is not available under jest');
  },
}));

/** Redis database 15 belongs to these tests; each suite starts it empty so no rate-limit counter carries over. */
const testRedisUrl = 'redis://127.0.0.1:6379/15';

/**
 * The gateway in-process on the test database, configured as main.ts does (global zod pipe, security
 * headers, OpenAPI), with rate limits high enough not to interfere unless a test lowers them.
 */
export async function startGateway(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig('gateway', gatewayConfigSchema, {
    DATABASE_URL: testDatabaseUrl('gateway'),
    KAFKA_BROKERS: testKafkaBrokers,
    KAFKA_CONSUMER_GROUP: `gateway-it-${randomUUID().slice(0, 8)}`,
    REDIS_URL: testRedisUrl,
    JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
    INTERNAL_API_TOKEN: testInternalApiToken,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_REQUESTS: '100000',
    AUTH_RATE_LIMIT_REQUESTS: '100000',
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('hex')}`,
    ...overrides,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config), new FastifyAdapter(), {
    logger: false,
    rawBody: true,
  });
  app.useGlobalPipes(new ZodValidationPipe());
  await configureGateway(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const redis = app.get<Redis>(REDIS_CLIENT);
  await waitFor(async () => redis.status === 'ready', { what: 'the Redis connection' });
  await redis.flushdb();
  return app;
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 12)}@example.test`;

export const strongPassword = 'correct horse battery staple';

export interface TestAccount {
  readonly id: string;
  readonly email: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Signs up and logs in through the API, as a client would. */
export async function signUp(app: NestFastifyApplication, role: 'renter' | 'provider', label: string = role) {
  const email = uniqueEmail(label);
  const registered = await request(app.getHttpServer())
    .post('/v1/auth/register')
    .send({ email, password: strongPassword, role })
    .expect(201);
  return { id: (registered.body as { id: string }).id, email, ...(await logIn(app, email)) } satisfies TestAccount;
}

export async function logIn(app: NestFastifyApplication, email: string, password = strongPassword) {
  const response = await request(app.getHttpServer()).post('/v1/auth/login').send({ email, password }).expect(200);
  return response.body as { accessToken: string; refreshToken: string };
}

/** An admin made as operators make one, by the seed command, then logged in through the API. */
export async function seedAndLogInAdmin(app: NestFastifyApplication, label: string) {
  const email = uniqueEmail(label);
  await seedAdmin(
    ['--email', email],
    { DATABASE_URL: testDatabaseUrl('gateway'), ADMIN_PASSWORD: strongPassword },
    Readable.from([]),
  );
  return { email, ...(await logIn(app, email)) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
