import { spawn } from 'node:child_process';
import path from 'node:path';

const RIG_MAIN = path.resolve(__dirname, '../../../../dist/apps/rig-simulator/src/main.js');

export interface RigTally {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejectedByCode: Record<string, number>;
  readonly reconnects: number;
}

/** Runs the built rig simulator (`npm run build` first) for a bounded time; resolves with its final tally. */
export async function runRig(args: readonly string[], timeoutMs: number): Promise<RigTally> {
  const child = spawn(process.execPath, [RIG_MAIN, '--status-interval-ms', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const tally = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !tally) throw new Error(`rig exited with ${code}: ${stderr}`);
  return JSON.parse(tally) as RigTally;
}
