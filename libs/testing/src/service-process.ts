import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { testInternalApiToken } from './internal-api-token';
import { waitFor } from './wait-for';

const root = path.resolve(__dirname, '../../..');

export interface ProcessEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A built service (dist/) run as a real process, so tests can kill it the way production kills pods. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    private readonly app: string,
    private readonly env: Record<string, string>,
    readonly httpPort: number,
  ) {}

  async start(): Promise<void> {
    const entry = path.join(root, 'dist/apps', this.app, 'src/main.js');
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        // The test token unless a test sets its own: a local run's token in the environment would not match.
        INTERNAL_API_TOKEN: testInternalApiToken,
        ...this.env,
        HTTP_PORT: String(this.httpPort),
        HTTP_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await waitFor(async () => (await this.health()) === 200, {
      timeoutMs: 60_000,
      what: `${this.app} to become ready`,
    });
  }

  async health(): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${this.httpPort}/health`);
    return response.status;
  }

  async healthBody(): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.httpPort}/health`);
    return response.json();
  }

  /** SIGKILL: no shutdown hooks, no offset commit; what a crash or OOM kill looks like. */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM, as an orchestrator stops a pod; resolves with how the process ended. */
  async stop(): Promise<ProcessEnd> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<ProcessEnd> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    }
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const [code, endSignal] = await exited;
    return { code, signal: endSignal };
  }
}
