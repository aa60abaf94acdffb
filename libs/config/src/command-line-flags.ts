import { parseArgs } from 'node:util';
import type { z } from 'zod';

export interface CommandLineFlags<Schema extends z.ZodType> {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Every flag the command knows, with its default as written on a command line. */
  readonly defaults: Readonly<Record<string, string>>;
  /** `DEV_POOL` makes `--job-interval-ms` readable from DEV_POOL_JOB_INTERVAL_MS. */
  readonly envPrefix: string;
  readonly schema: Schema;
}

/**
 * A command's flags: each from the command line, else from its environment variable, else its default, then
 * validated together. An unknown flag or a bad value throws a RangeError naming the flag.
 */
export function parseCommandLineFlags<Schema extends z.ZodType>(flags: CommandLineFlags<Schema>): z.output<Schema> {
  const names = Object.keys(flags.defaults);
  const { values } = parseArgs({
    args: [...flags.argv],
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    strict: true,
  });
  const raw = Object.fromEntries(
    names.map((name) => [
      name,
      values[name] ?? flags.env[environmentName(flags.envPrefix, name)] ?? flags.defaults[name],
    ]),
  );
  const parsed = flags.schema.safeParse(raw);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

function environmentName(prefix: string, flag: string): string {
  return `${prefix}_${flag.toUpperCase().replace(/-/g, '_')}`;
}
