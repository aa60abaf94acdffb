import { randomUUID } from 'node:crypto';
import { JsonRpcServer, type JsonRpcConnection } from '@hashproof/stratum-net';
import { ContractEndWatch } from './contract-end-watch';
import { type ContractDirectory } from './proxy-contract';
import { RigRelay } from './rig-relay';
import { type SessionRecorder } from './session-recorder';
import { type ShareOutcomeSink } from './share-outcome';
import { CONTRACT_END_CHECK_INTERVAL_MS, type StratumProxyOptions } from './stratum-proxy-options';

export interface StratumProxyDependencies {
  readonly directory: ContractDirectory;
  readonly sink: ShareOutcomeSink;
  readonly recorder?: SessionRecorder | null;
  readonly clock?: () => number;
  readonly log?: (line: string) => void;
}

/** The Stratum V1 endpoint providers point their rigs at: one RigRelay per connection. */
export class StratumProxyServer {
  private readonly server: JsonRpcServer;
  private readonly relays = new Set<RigRelay>();
  private readonly endWatch: ContractEndWatch;

  constructor(
    private readonly options: StratumProxyOptions,
    private readonly dependencies: StratumProxyDependencies,
  ) {
    this.endWatch = new ContractEndWatch(
      dependencies.directory,
      options.contractEndCheckIntervalMs ?? CONTRACT_END_CHECK_INTERVAL_MS,
      dependencies.clock ?? Date.now,
      dependencies.log ?? (() => undefined),
    );
    this.server = new JsonRpcServer(
      { ...options.rigConnection, host: options.host, port: options.port, maxConnections: options.maxConnections },
      (connection) => this.accept(connection),
    );
  }

  /** Resolves with the port. */
  async start(): Promise<number> {
    const port = await this.server.listen();
    this.endWatch.start();
    return port;
  }

  get port(): number {
    return this.server.port;
  }

  get connectionCount(): number {
    return this.server.connectionCount;
  }

  /** Drops every rig (and so every upstream), then waits for outcomes and recordings to settle. */
  async stop(): Promise<void> {
    await this.server.close();
    await this.settled();
    await this.endWatch.stop();
  }

  /** Resolves once every current connection has ended and its outcomes and recording have settled. */
  async settled(): Promise<void> {
    await Promise.all([...this.relays].map((relay) => relay.finished()));
  }

  private accept(connection: JsonRpcConnection): void {
    const { directory, sink, recorder = null, clock = Date.now, log = () => undefined } = this.dependencies;
    const relay = new RigRelay(connection, {
      connectionId: randomUUID(),
      directory,
      endWatch: this.endWatch,
      sink,
      recorder,
      options: this.options.relay,
      clock,
      log,
    });
    this.relays.add(relay);
    void relay.finished().then(() => this.relays.delete(relay));
  }
}
