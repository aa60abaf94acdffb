import { stratumPoolUrl } from '@hashproof/events';
import { z } from 'zod';
import { sensitive } from '../sensitive';
import {
  databaseSettings,
  internalApiSettings,
  internalServiceUrl,
  kafkaSettings,
  port,
  redisSettings,
  requireSaslCredentials,
  runtimeSettings,
} from '../settings';

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const requestLimit = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** Who may call the public API, and how often. */
const authSettings = {
  /** HMAC key for access tokens; 32+ characters so it cannot be brute-forced from a captured token. */
  JWT_ACCESS_SECRET: sensitive(z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)')),
  JWT_ACCESS_TTL_SECONDS: seconds(900, 86_400),
  REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 86_400, 365 * 86_400),
  RATE_LIMIT_WINDOW_SECONDS: seconds(60, 86_400),
  /** Requests per client and route within the window. */
  RATE_LIMIT_REQUESTS: requestLimit(120),
  /** The stricter limit for login and register, which guess passwords or mint accounts. */
  AUTH_RATE_LIMIT_REQUESTS: requestLimit(10),
};

/** How providers prove the hash rate they list. */
const capacityCheckSettings = {
  /** The shortest capacity check a provider may ask for; the longest is a day. */
  CAPACITY_CHECK_MIN_SECONDS: seconds(600, 86_400),
  /** The verifier's stratum endpoint as providers' rigs reach it, handed out with each capacity check. */
  STRATUM_PUBLIC_URL: z
    .string()
    .refine((url) => stratumPoolUrl.safeParse(url).success, 'must be a stratum+tcp://host:port URL')
    .default('stratum+tcp://127.0.0.1:3333'),
};

/** The services the gateway calls synchronously for commands and owner-scoped reads. */
const internalServiceSettings = {
  ...internalApiSettings,
  CONTRACTS_URL: internalServiceUrl('http://127.0.0.1:3001'),
  VERIFIER_URL: internalServiceUrl('http://127.0.0.1:3002'),
};

/** Stripe's webhooks: the endpoint's signing secret, which verifies every delivery. */
const stripeWebhookSettings = {
  STRIPE_WEBHOOK_SECRET: sensitive(z.string().regex(/^whsec_\S+$/, 'must be a Stripe webhook signing secret: whsec_…')),
};

export const gatewayConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    ...redisSettings,
    ...authSettings,
    ...capacityCheckSettings,
    ...stripeWebhookSettings,
    ...internalServiceSettings,
    HTTP_PORT: port(3000),
  })
  .superRefine(requireSaslCredentials);

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
