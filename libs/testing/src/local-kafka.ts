import { spawnSync } from 'node:child_process';
import path from 'node:path';

const script = path.resolve(__dirname, '../../../scripts/infra/kafka.sh');

/** Stops or starts the broker that the project's scripts run, as an operator (or an outage) would. */
export function localKafka(action: 'up' | 'down'): void {
  const result = spawnSync('bash', [script, action], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kafka.sh ${action} failed: ${result.stderr}`);
  if (action === 'down' && /already serves/.test(result.stderr)) {
    throw new Error('the broker was not started by scripts/infra/kafka.sh, so this test cannot stop it');
  }
}
