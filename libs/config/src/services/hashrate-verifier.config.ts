import { z } from 'zod';
import {
  databaseSettings,
  internalApiSettings,
  kafkaSettings,
  port,
  requireSaslCredentials,
  runtimeSettings,
} from '../settings';

export const hashrateVerifierConfigSchema = z
  .object({
    ...runtimeSettings,
    ...databaseSettings,
    ...kafkaSettings,
    ...internalApiSettings,
    HTTP_PORT: port(3002),
    STRATUM_PORT: port(3333),
    /** Rigs beyond this many are refused at accept, so a connection flood cannot exhaust the process. */
    STRATUM_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    /** What vardiff aims at per rig connection: enough shares to judge each contract. */
    STRATUM_TARGET_SHARES_PER_MINUTE: z.coerce.number().positive().max(600).default(18),
    /** Where rig sessions are recorded (JSON Lines, docs/stratum-session-format.md); recording is off when unset. */
    SESSION_RECORDING_DIR: z.string().min(1).optional(),
    SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Length of a delivery window: each one gets its own estimate and verdict. */
    DELIVERY_WINDOW_SECONDS: z.coerce.number().positive().max(86_400).default(600),
    /** How long a window stays open after its end for shares still waiting on the pool's reply. */
    DELIVERY_WINDOW_GRACE_SECONDS: z.coerce.number().nonnegative().max(3_600).default(45),
    /** Significance of the under-delivery test: an honest provider is flagged in about this share of windows. */
    DELIVERY_ALPHA: z.coerce.number().gt(0).lt(0.5).default(0.01),
    /** The stricter significance at which under-delivery may trigger automatic consequences. */
    DELIVERY_ENFORCEMENT_ALPHA: z.coerce.number().gt(0).lt(0.5).default(0.001),
    /** Invalid shares above this fraction of a window's judged shares flag the contract. */
    DELIVERY_MAX_INVALID_RATIO: z.coerce.number().gt(0).max(1).default(0.05),
    /** Fraction of the contracted rate the provider may fall short by before the test counts it. */
    DELIVERY_TOLERANCE: z.coerce.number().min(0).lt(1).default(0),
    /** How long a pool check (POST /internal/v1/pool-checks) may take, handshake and first job included. */
    POOL_CHECK_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(30_000).default(10_000),
    /** Lets pool checks reach private, loopback and link-local addresses: local runs and tests only. */
    POOL_CHECK_ALLOW_PRIVATE_ADDRESSES: z.stringbool().default(false),
  })
  .superRefine(requireSaslCredentials);

export type HashrateVerifierConfig = z.output<typeof hashrateVerifierConfigSchema>;
