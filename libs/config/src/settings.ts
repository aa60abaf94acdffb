import { z } from 'zod';
import { sensitive } from './sensitive';

/** Building blocks shared by the per-service schemas. Names are the environment variable names. */
export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const durationMs = (fallback: number) => z.coerce.number().int().min(1).max(86_400_000).default(fallback);

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/hashproof',
});

const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379/0' });

const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.string().regex(/^[\w.-]+:\d{1,5}$/, 'each broker must be host:port')).min(1, 'name at least one broker'),
  );

export const runtimeSettings = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('0.0.0.0'),
  SHUTDOWN_TIMEOUT_MS: durationMs(15_000),
};

export const databaseSettings = {
  DATABASE_URL: sensitive(postgresUrl),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
};

/** All a migration run needs: the database, never the service's other settings or secrets. */
export const databaseConfigSchema = z.object(databaseSettings);

export const kafkaSettings = {
  KAFKA_BROKERS: brokerList,
  KAFKA_SSL: z.stringbool().default(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: sensitive(z.string().optional()),
  /** Defaults to the service name; tests and blue/green deployments set their own. */
  KAFKA_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/)
    .optional(),
  /** How long the broker waits for a silent consumer before giving its partitions to another. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  OUTBOX_POLL_INTERVAL_MS: durationMs(250),
};

export const redisSettings = {
  REDIS_URL: sensitive(redisUrl),
};

const internalApiToken = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)')
  .describe('shared by the services: their internal routes admit only callers presenting it');

/** Service-to-service calls (`/internal/v1/...`): every service holds the same token. */
export const internalApiSettings = {
  INTERNAL_API_TOKEN: sensitive(internalApiToken),
};

/** For a service with no internal routes yet: it may hold the token, and refuses internal calls without it. */
export const optionalInternalApiSettings = {
  INTERNAL_API_TOKEN: sensitive(internalApiToken.optional()),
};

/** Where a service reaches another over HTTP inside the deployment. */
export const internalServiceUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).default(fallback);

/** SASL credentials are required together with a mechanism, and only then. */
export function requireSaslCredentials(
  config: {
    KAFKA_SASL_MECHANISM?: string | undefined;
    KAFKA_SASL_USERNAME?: string | undefined;
    KAFKA_SASL_PASSWORD?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (!config.KAFKA_SASL_MECHANISM) return;
  for (const setting of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
    if (!config[setting]) {
      ctx.addIssue({ code: 'custom', path: [setting], message: `required when KAFKA_SASL_MECHANISM is set` });
    }
  }
}
