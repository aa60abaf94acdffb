import { parseArgs } from 'node:util';
import { type AuditOptions } from '@hashproof/stratum';

export interface AuditArguments {
  readonly sessionPath: string;
  readonly options: AuditOptions;
}

export const USAGE = 'usage: audit <session.jsonl> [--claimed-hashrate <H/s>] [--tolerance <fraction>] [--alpha <p>]';

/** Thrown for arguments that cannot be used; the message is shown as is. */
export class UsageError extends Error {}

export function parseAuditArguments(argv: readonly string[]): AuditArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { 'claimed-hashrate': { type: 'string' }, tolerance: { type: 'string' }, alpha: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const [sessionPath, ...extra] = parsed.positionals;
  if (!sessionPath || extra.length > 0) throw new UsageError(USAGE);
  const { values } = parsed;
  return {
    sessionPath,
    options: {
      claimedHashrate: numberOption(values['claimed-hashrate'], '--claimed-hashrate', (v) => v >= 0),
      tolerance: numberOption(values.tolerance, '--tolerance', (v) => v >= 0 && v < 1),
      alpha: numberOption(values.alpha, '--alpha', (v) => v > 0 && v < 1),
    },
  };
}

function numberOption(text: string | undefined, name: string, isValid: (value: number) => boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !isValid(value))
    throw new UsageError(`${name}: not a usable value: "${text}"`);
  return value;
}
