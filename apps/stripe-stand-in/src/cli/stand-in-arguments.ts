import { parseCommandLineFlags } from '@hashproof/config';
import Stripe from 'stripe';
import { z } from 'zod';
import { type StandInConfig } from '../stand-in-config';

const FLAGS = {
  host: '127.0.0.1',
  port: '12111',
  'api-version': Stripe.API_VERSION,
  'api-keys': '',
  'webhook-url': '',
  'webhook-secret': '',
  'webhook-max-attempts': '4',
  'webhook-retry-initial-ms': '1000',
  'webhook-retry-max-ms': '60000',
  'webhook-timeout-ms': '10000',
} as const;

const milliseconds = z.coerce.number().int().min(1).max(86_400_000);
const unset = z.literal('').transform(() => undefined);

const schema = z
  .object({
    host: z.string().min(1),
    port: z.coerce.number().int().min(0).max(65_535),
    'api-version': z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(\.\w+)?$/, 'expected a Stripe API version such as 2026-10-28.endive'),
    'api-keys': unset.or(
      z
        .string()
        .transform((list) => list.split(',').map((key) => key.trim()))
        .pipe(
          z.array(z.string().regex(/^(sk|rk)_test_[A-Za-z0-9_]+$/, 'expected test-mode keys: sk_test_… or rk_test_…')),
        ),
    ),
    'webhook-url': unset.or(z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })),
    'webhook-secret': unset.or(z.string().regex(/^whsec_\S+$/, 'expected a webhook signing secret: whsec_…')),
    'webhook-max-attempts': z.coerce.number().int().min(1).max(50),
    'webhook-retry-initial-ms': milliseconds,
    'webhook-retry-max-ms': milliseconds,
    'webhook-timeout-ms': milliseconds,
  })
  .refine((flags) => flags['webhook-url'] === undefined || flags['webhook-secret'] !== undefined, {
    path: ['webhook-secret'],
    message: 'required with --webhook-url (the whsec_… the receiver verifies with)',
  })
  .refine((flags) => flags['webhook-retry-initial-ms'] <= flags['webhook-retry-max-ms'], {
    path: ['webhook-retry-max-ms'],
    message: 'must not be below --webhook-retry-initial-ms',
  });

/** Flags win over STRIPE_STAND_IN_* environment variables (`--webhook-url` ↔ STRIPE_STAND_IN_WEBHOOK_URL), which win over defaults. */
export function parseStandInArguments(argv: readonly string[], env: NodeJS.ProcessEnv): StandInConfig {
  const flags = parseCommandLineFlags({ argv, env, defaults: FLAGS, envPrefix: 'STRIPE_STAND_IN', schema });
  return {
    host: flags.host,
    port: flags.port,
    apiVersion: flags['api-version'],
    apiKeys: flags['api-keys'],
    webhook:
      flags['webhook-url'] === undefined || flags['webhook-secret'] === undefined
        ? undefined
        : { url: flags['webhook-url'], secret: flags['webhook-secret'] },
    retry: {
      maxAttempts: flags['webhook-max-attempts'],
      initialDelayMs: flags['webhook-retry-initial-ms'],
      maxDelayMs: flags['webhook-retry-max-ms'],
      timeoutMs: flags['webhook-timeout-ms'],
    },
  };
}
