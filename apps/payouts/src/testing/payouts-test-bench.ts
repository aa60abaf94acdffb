import { loadConfig, payoutsConfigSchema } from '@hashproof/config';
import { kafkaMicroserviceOptions } from '@hashproof/messaging';
import { testDatabaseUrl, testKafkaBrokers } from '@hashproof/testing';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { PayoutsModule, service } from '../payouts.module';

/** Payouts in-process on the test database, consuming Kafka in `consumerGroup` as main.ts does, with a fast relay. */
export async function startPayouts(consumerGroup: string): Promise<INestApplication> {
  const config = loadConfig('payouts', payoutsConfigSchema, {
    DATABASE_URL: testDatabaseUrl('payouts'),
    KAFKA_BROKERS: testKafkaBrokers,
    KAFKA_CONSUMER_GROUP: consumerGroup,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    OUTBOX_POLL_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
  });
  const payouts = await NestFactory.create(PayoutsModule.forRoot(config), new FastifyAdapter(), { logger: false });
  payouts.connectMicroservice(kafkaMicroserviceOptions(config, service), { inheritAppConfig: true });
  await payouts.init();
  await payouts.startAllMicroservices();
  return payouts;
}
