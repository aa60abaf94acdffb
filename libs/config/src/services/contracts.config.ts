import { z } from 'zod';
import { sensitive } from '../sensitive';
import {
  databaseSettings,
  internalApiSettings,
  kafkaSettings,
  port,
  requireSaslCredentials,
  runtimeSettings,
} from '../settings';

/** How renters pay: Stripe PaymentIntents, and how long an unpaid rental holds its provider's capacity. */
const paymentSettings = {
  /** The official SDK's key; with sk_live_/sk_test_ and no STRIPE_API_URL it talks to api.stripe.com. */
  STRIPE_SECRET_KEY: sensitive(
    z.string().regex(/^sk_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key: sk_test_… or sk_live_…'),
  ),
  /** Where the SDK sends requests instead of api.stripe.com: the local Stripe stand-in (tests, npm start). */
  STRIPE_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /** How long a rental awaiting payment holds capacity, from its opening; then its PaymentIntent is canceled. */
  PAYMENT_HOLD_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(900),
  /** How often expired payment holds are looked for. */
  PAYMENT_HOLD_CHECK_INTERVAL_MS: z.coerce.number().int().min(50).max(300_000).default(5_000),
};

/** A live key goes to Stripe itself and nowhere else. */
function keepLiveKeysAtStripe(
  config: { STRIPE_SECRET_KEY: string; STRIPE_API_URL?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (config.STRIPE_SECRET_KEY.startsWith('sk_live_') && config.STRIPE_API_URL !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_API_URL'], message: 'must be unset with a live key (sk_live_…)' });
  }
}

export const contractsConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    ...internalApiSettings,
    HTTP_PORT: port(3001),
    ...paymentSettings,
  })
  .superRefine(requireSaslCredentials)
  .superRefine(keepLiveKeysAtStripe);

export type ContractsConfig = z.output<typeof contractsConfigSchema>;
