import { parseStratumLine } from '../protocol/stratum-message.parser';
import { type ShareVerdict } from '../session/share-verdict';
import { type StratumSession } from '../session/stratum-session';

/** Feeds raw lines to a session the way the proxy sees them; returns the verdicts of submits. */
export function drive(
  session: StratumSession,
  lines: readonly (readonly ['miner' | 'pool', string])[],
): ShareVerdict[] {
  const verdicts: ShareVerdict[] = [];
  for (const [from, line] of lines) {
    const message = parseStratumLine(line);
    if (from === 'pool') session.fromPool(message);
    else {
      const verdict = session.fromMiner(message);
      if (verdict) verdicts.push(verdict);
    }
  }
  return verdicts;
}
