import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { RigTally } from '@hashproof/testing';

const entry = path.resolve(__dirname, '../../../../dist/apps/rig-simulator/src/main.js');

/** What the rig's latest status line says it has done so far. */
export interface RigProgress {
  readonly submitted: number;
  readonly accepted: number;
}

/**
 * The built rig simulator mining until told to stop, as a provider's rig mines a rental for as long as it
 * runs: `stop` ends it with SIGTERM and resolves with its final tally.
 */
export class MiningRig {
  private stdout = '';
  private stderr = '';
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = once(child, 'exit');
  }

  /** Mines at `hashrate` H/s at `url` under `worker`, reconnecting whenever the endpoint lets it go. */
  static start(url: string, worker: string, hashrate: number): MiningRig {
    const args = ['--url', url, '--worker', worker, '--hashrate', String(hashrate), '--keep-connecting'];
    return new MiningRig(
      spawn(process.execPath, [entry, ...args, '--status-interval-ms', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  }

  /** From its status lines on stderr (`submitted 12 accepted 12 rejected 0`); null before the first. */
  progress(): RigProgress | null {
    const matches = [...this.stderr.matchAll(/submitted (\d+) accepted (\d+)/g)];
    const latest = matches.at(-1);
    return latest ? { submitted: Number(latest[1]), accepted: Number(latest[2]) } : null;
  }

  /** What it logged: connection refusals, reconnects, its status. */
  log(): string {
    return this.stderr;
  }

  async stop(): Promise<RigTally> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
    const tally = this.stdout.trim().split('\n').at(-1);
    if (!tally) throw new Error(`the rig left no tally (exit ${this.child.exitCode}): ${this.stderr}`);
    return JSON.parse(tally) as RigTally;
  }
}
