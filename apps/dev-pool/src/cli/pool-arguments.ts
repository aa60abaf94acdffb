import { parseCommandLineFlags } from '@hashproof/config';
import { DEFAULT_VERSION_ROLLING_MASK } from '@hashproof/stratum';
import { z } from 'zod';
import { type PoolConfig } from '../pool/pool-config';
import { EASY_NETWORK_NBITS } from '../template/block-template.builder';
import { port, positiveNumber } from './numeric-flag';

const FLAGS = {
  host: '0.0.0.0',
  port: '3334',
  'start-difficulty': '2^-16',
  'min-difficulty': '2^-40',
  'max-difficulty': '2^40',
  'target-shares-per-minute': '18',
  'retarget-interval-ms': '20000',
  'job-interval-ms': '30000',
  'extranonce2-size': '4',
  nbits: EASY_NETWORK_NBITS.toString(16),
  'stats-interval-ms': '30000',
  'idle-timeout-ms': '600000',
} as const;

const schema = z
  .object({
    host: z.string().min(1),
    port,
    'start-difficulty': positiveNumber,
    'min-difficulty': positiveNumber,
    'max-difficulty': positiveNumber,
    'target-shares-per-minute': positiveNumber,
    'retarget-interval-ms': z.coerce.number().int().min(100),
    'job-interval-ms': z.coerce.number().int().min(100),
    // 2 leaves a proxy such as the verifier's endpoint no room: a pool for testing pool checks.
    'extranonce2-size': z.enum(['2', '4', '8']).transform((size) => Number(size) as 2 | 4 | 8),
    nbits: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{8}$/, 'expected 8 hex digits, e.g. 1e00ffff')
      .transform((hex) => Number.parseInt(hex.replace(/^0x/, ''), 16)),
    'stats-interval-ms': z.coerce.number().int().min(0),
    'idle-timeout-ms': z.coerce.number().int().min(1000),
  })
  .refine((flags) => flags['min-difficulty'] <= flags['max-difficulty'], 'min-difficulty exceeds max-difficulty');

export interface PoolArguments {
  readonly config: PoolConfig;
  readonly statsIntervalMs: number;
}

/** Flags win over DEV_POOL_* environment variables (`--job-interval-ms` ↔ DEV_POOL_JOB_INTERVAL_MS), which win over defaults. */
export function parsePoolArguments(argv: readonly string[], env: NodeJS.ProcessEnv): PoolArguments {
  const flags = parseCommandLineFlags({ argv, env, defaults: FLAGS, envPrefix: 'DEV_POOL', schema });
  return { config: toConfig(flags), statsIntervalMs: flags['stats-interval-ms'] };
}

function toConfig(flags: z.infer<typeof schema>): PoolConfig {
  return {
    host: flags.host,
    port: flags.port,
    startDifficulty: flags['start-difficulty'],
    minDifficulty: flags['min-difficulty'],
    maxDifficulty: flags['max-difficulty'],
    targetSharesPerMinute: flags['target-shares-per-minute'],
    retargetIntervalMs: flags['retarget-interval-ms'],
    jobIntervalMs: flags['job-interval-ms'],
    extranonce2Size: flags['extranonce2-size'],
    nbits: flags.nbits,
    versionRollingMask: DEFAULT_VERSION_ROLLING_MASK,
    connection: { idleTimeoutMs: flags['idle-timeout-ms'] },
  };
}
