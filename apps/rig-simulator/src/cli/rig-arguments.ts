import { parseArgs } from 'node:util';
import { parseStratumUrl } from '@hashproof/stratum-net';
import { z } from 'zod';
import { parseCheatMode } from '../cheat/cheat-mode';
import { type RigOptions } from '../rig/rig-options';

export interface RigArguments {
  readonly rig: RigOptions;
  readonly statusIntervalMs: number;
  /** Stop after this long; null runs until SIGINT/SIGTERM. */
  readonly durationMs: number | null;
}

const schema = z.object({
  url: z.string().transform((url, context) => {
    try {
      return parseStratumUrl(url);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  worker: z.string().min(1),
  password: z.string(),
  hashrate: z.coerce.number().positive().finite(),
  cheat: z.string().transform((text, context) => {
    try {
      return parseCheatMode(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  'version-rolling': z.boolean(),
  'keep-connecting': z.boolean(),
  'status-interval-ms': z.coerce.number().int().min(0),
  'duration-seconds': z.coerce.number().positive().finite().optional(),
});

export function parseRigArguments(argv: readonly string[]): RigArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string', default: 'stratum+tcp://127.0.0.1:3334' },
      worker: { type: 'string', default: 'rig-simulator' },
      password: { type: 'string', default: 'x' },
      hashrate: { type: 'string', default: '20000' },
      cheat: { type: 'string', default: 'none' },
      'version-rolling': { type: 'boolean', default: false },
      'keep-connecting': { type: 'boolean', default: false },
      'status-interval-ms': { type: 'string', default: '5000' },
      'duration-seconds': { type: 'string' },
    },
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const flags = parsed.data;
  return {
    rig: {
      endpoint: flags.url,
      worker: flags.worker,
      password: flags.password,
      hashrate: flags.hashrate,
      cheat: flags.cheat,
      versionRolling: flags['version-rolling'],
      keepConnecting: flags['keep-connecting'],
    },
    statusIntervalMs: flags['status-interval-ms'],
    durationMs: flags['duration-seconds'] === undefined ? null : flags['duration-seconds'] * 1000,
  };
}
