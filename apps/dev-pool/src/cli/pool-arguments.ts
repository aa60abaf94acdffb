import { parseArgs } from 'node:util';
import { DEFAULT_VERSION_ROLLING_MASK } from '@hashproof/stratum';
import { z } from 'zod';
import { type PoolConfig } from '../pool/pool-config';
import { EASY_NETWORK_NBITS } from '../template/block-template.builder';
import { port, positiveNumber } from './numeric-flag';

const FLAGS = {
  host: { default: '0.0.0.0' },
  port: { default: '3334' },
  'start-difficulty': { default: '2^-16' },
  'min-difficulty': { default: '2^-40' },
  'max-difficulty': { default: '2^40' },
  'target-shares-per-minute': { default: '18' },
  'retarget-interval-ms': { default: '20000' },
  'job-interval-ms': { default: '30000' },
  'extranonce2-size': { default: '4' },
  nbits: { default: EASY_NETWORK_NBITS.toString(16) },
  'stats-interval-ms': { default: '30000' },
  'idle-timeout-ms': { default: '600000' },
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

type FlagName = keyof typeof FLAGS;

/** Flags win over DEV_POOL_* environment variables (`--job-interval-ms` ↔ DEV_POOL_JOB_INTERVAL_MS), which win over defaults. */
export function parsePoolArguments(argv: readonly string[], env: NodeJS.ProcessEnv): PoolArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' }])) as Record<
      FlagName,
      { type: 'string' }
    >,
    strict: true,
  });
  const raw = Object.fromEntries(
    (Object.keys(FLAGS) as FlagName[]).map((name) => [name, values[name] ?? env[envName(name)] ?? FLAGS[name].default]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return { config: toConfig(parsed.data), statsIntervalMs: parsed.data['stats-interval-ms'] };
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

function envName(flag: string): string {
  return `DEV_POOL_${flag.toUpperCase().replace(/-/g, '_')}`;
}
