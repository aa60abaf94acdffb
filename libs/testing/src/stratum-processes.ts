import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import path from 'node:path';
import { waitFor } from './wait-for';

const DIST = path.resolve(__dirname, '../../../dist/apps');

export interface RigTally {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejectedByCode: Record<string, number>;
  readonly reconnects: number;
}

/** Built stratum tools as real processes, as tests of the pool and of the verifier endpoint run them. */

/** The built dev pool (`npm run build` first) on 127.0.0.1:port, resolved once it accepts connections. */
export async function startDevPool(port: number, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(DIST, 'dev-pool/src/main.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--stats-interval-ms',
      '0',
      ...args,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.resume();
  await waitFor(() => accepts(port), { timeoutMs: 10_000, intervalMs: 100, what: `dev pool on ${port}` });
  return child;
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** The built rig simulator for a bounded time; resolves with its final tally. */
export async function runRig(args: readonly string[], timeoutMs: number): Promise<RigTally> {
  const child = spawn(
    process.execPath,
    [path.join(DIST, 'rig-simulator/src/main.js'), '--status-interval-ms', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: Math.ceil(timeoutMs),
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  const tally = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !tally) throw new Error(`rig exited with ${code}: ${stderr}`);
  return JSON.parse(tally) as RigTally;
}

/** The built audit CLI on a recording: exit code and stdout lines. */
export async function runAudit(file: string): Promise<{ code: number | null; lines: unknown[] }> {
  const child = spawn(process.execPath, [path.join(DIST, 'audit-cli/src/main.js'), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const [code] = (await once(child, 'exit')) as [number | null];
  return {
    code,
    lines: stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown),
  };
}

async function accepts(port: number): Promise<boolean> {
  const socket = connect({ host: '127.0.0.1', port });
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}
