import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { waitFor } from '@hashproof/testing';

/** What an error report shows of a process's log. */
const TAIL_CHARACTERS = 4_000;
/** A service gets its own shutdown timeout (15 s by default) and then some, before it is killed. */
const STOP_TIMEOUT_MS = 20_000;

export interface ServiceOptions {
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  /** Resolves true once it serves (e.g. its /health answers 200). */
  readonly ready: () => Promise<boolean>;
}

/**
 * A built app (`dist/apps/<app>/src/main.js`) as its own process, as deployed, its stdout and stderr going to a
 * file as a container runtime takes them: at LOG_LEVEL=info a service writes a line per request, synchronously,
 * and the benchmark should neither read them nor let a pipe's back-pressure slow the service down.
 */
export class ServiceProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static async start(root: string, app: string, logDir: string, options: ServiceOptions): Promise<ServiceProcess> {
    const logFile = path.join(logDir, `${app}.log`);
    const log = await open(logFile, 'a');
    let child: ChildProcess;
    try {
      const script = path.join(root, 'dist/apps', app, 'src/main.js');
      child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
        env: { ...process.env, ...options.env },
        stdio: ['ignore', log.fd, log.fd],
      });
    } finally {
      await log.close(); // the child holds its own copy of the descriptor
    }
    const service = new ServiceProcess(app, child, logFile);
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
      await service.stop();
      throw new Error(`${(error as Error).message}\n${await service.logTail()}`);
    }
    return service;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async logTail(): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return `--- last lines of ${this.logFile} ---\n${text.slice(-TAIL_CHARACTERS)}`;
  }

  /** SIGTERM, as an orchestrator stops a pod; SIGKILL if it has not gone after its shutdown timeout. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(killer);
    }
  }
}
