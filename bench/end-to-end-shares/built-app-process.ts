import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from '@hashproof/testing';

/** Output kept for an error report: the last chunks only, so a long run cannot grow it without bound. */
const KEPT_OUTPUT_CHUNKS = 50;

export interface BuiltAppOptions {
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  /** Resolves true once the app serves (e.g. its /health answers 200). */
  readonly ready: () => Promise<boolean>;
}

/**
 * A built app (`dist/apps/<app>/src/main.js`) as its own process, as deployed. Spawned here rather than
 * through @hashproof/testing's helpers, which find dist/ from the sources (this runs built) and do not
 * give the pid the benchmark reads CPU time by.
 */
export class BuiltAppProcess {
  private readonly output: string[] = [];

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > KEPT_OUTPUT_CHUNKS) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(root: string, app: string, options: BuiltAppOptions): Promise<BuiltAppProcess> {
    const script = path.join(root, 'dist/apps', app, 'src/main.js');
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new BuiltAppProcess(child);
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`${app} exited with ${String(code)} while starting`);
    });
    exited.catch(() => undefined); // a later, ordinary exit is no error
    try {
      await Promise.race([
        exited,
        waitFor(options.ready, { timeoutMs: 60_000, intervalMs: 100, what: `${app} to be ready` }),
      ]);
    } catch (error) {
      await started.stop();
      throw new Error(`${(error as Error).message}\n${started.recentOutput()}`);
    }
    return started;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  recentOutput(): string {
    return this.output.join('');
  }

  /** SIGTERM, as an orchestrator stops a pod: the verifier stops its endpoint and flushes its evidence first. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
