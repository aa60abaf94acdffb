import { JsonRpcServer, type JsonRpcConnection } from '@hashproof/stratum-net';
import { PoolStats } from '../stats/pool-stats';
import { BlockTemplateBuilder } from '../template/block-template.builder';
import { type JobTemplate } from '../template/job-template';
import { Extranonce1Allocator, EXTRANONCE1_SIZE } from './extranonce1-allocator';
import { MinerSession } from './miner-session';
import { type PoolConfig } from './pool-config';

export interface DevPoolDependencies {
  readonly clock?: () => number;
  readonly log?: (line: string) => void;
}

/** A reference Stratum V1 pool on synthetic blocks: every submit validated by @hashproof/stratum. */
export class DevPool {
  readonly stats: PoolStats;
  private readonly server: JsonRpcServer;
  private readonly builder: BlockTemplateBuilder;
  private readonly extranonces = new Extranonce1Allocator();
  private readonly sessions = new Set<MinerSession>();
  private readonly clock: () => number;
  private readonly log: (line: string) => void;
  private template: JobTemplate;
  private jobCounter = 0;
  private blockTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: PoolConfig,
    dependencies: DevPoolDependencies = {},
  ) {
    this.clock = dependencies.clock ?? Date.now;
    this.log = dependencies.log ?? (() => undefined);
    this.stats = new PoolStats(this.clock);
    this.builder = new BlockTemplateBuilder({
      extranonce1Size: EXTRANONCE1_SIZE,
      extranonce2Size: config.extranonce2Size,
      nbits: config.nbits,
      clock: this.clock,
    });
    this.template = this.builder.nextBlock();
    this.server = new JsonRpcServer({ ...config.connection, host: config.host, port: config.port }, (connection) =>
      this.accept(connection),
    );
  }

  /** Listens and starts the block clock; resolves with the port. */
  async start(): Promise<number> {
    const port = await this.server.listen();
    this.blockTimer = setInterval(() => this.newBlock(), this.config.jobIntervalMs);
    return port;
  }

  async stop(): Promise<void> {
    clearInterval(this.blockTimer);
    await this.server.close();
  }

  get port(): number {
    return this.server.port;
  }

  private newBlock(): void {
    this.template = this.builder.nextBlock();
    for (const session of this.sessions) session.newBlock(this.template);
  }

  private accept(connection: JsonRpcConnection): void {
    const extranonce1 = this.extranonces.allocate();
    const session = new MinerSession(connection, {
      config: this.config,
      stats: this.stats,
      extranonce1,
      nextJobId: () => (++this.jobCounter).toString(16),
      currentTemplate: () => this.template,
      clock: this.clock,
      log: this.log,
    });
    this.sessions.add(session);
    connection.on('close', (reason, detail) => {
      this.sessions.delete(session);
      session.ended();
      this.extranonces.release(extranonce1);
      this.log(`disconnected ${connection.remoteAddress}: ${reason} (${detail})`);
    });
  }
}
