import { topicCatalog } from '@hashproof/events';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { kafkaClientConfig } from '../kafka/kafka-settings';
import { provisionTopics } from './provision-topics';

const settingsSchema = z.object({
  KAFKA_BROKERS: z.string().transform((value) => value.split(',').map((broker) => broker.trim())),
  KAFKA_SSL: z.stringbool().default(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
});

async function main(): Promise<void> {
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const settings = parsed.data;
  const admin = new Kafka({
    ...kafkaClientConfig(settings, 'hashproof-provisioning'),
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    const report = await provisionTopics(admin, topicCatalog, settings.KAFKA_REPLICATION_FACTOR);
    process.stdout.write(
      `topics: created ${report.created.length}, grown ${report.grown.length}, unchanged ${report.unchanged.length}\n`,
    );
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`topic provisioning failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
