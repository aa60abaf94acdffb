import type { HashrateVerifierConfig } from '@hashproof/config';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type ContractDirectory } from './proxy-contract';
import { deleteExpiredRecordings } from './recording-retention';
import { DEFAULT_RELAY_OPTIONS } from './relay-options';
import { SessionRecorder } from './session-recorder';
import { type ShareOutcomeSink } from './share-outcome';
import { RIG_IDLE_TIMEOUT_MS } from './stratum-proxy-options';
import { StratumProxyServer } from './stratum-proxy.server';
import { CONTRACT_DIRECTORY, SHARE_OUTCOME_SINK } from './stratum-proxy.tokens';

export const STRATUM_PROXY_CONFIG = Symbol('StratumProxyConfig');

const MAX_RECORDING_FILE_BYTES = 64 * 1024 * 1024;
const RETENTION_SWEEP_MS = 6 * 60 * 60_000;

/** Starts the stratum endpoint with the service and stops it (rigs first) before the service goes. */
@Injectable()
export class StratumProxyLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('StratumProxy');
  private server: StratumProxyServer | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(STRATUM_PROXY_CONFIG) private readonly config: HashrateVerifierConfig,
    @Inject(CONTRACT_DIRECTORY) private readonly directory: ContractDirectory,
    @Inject(SHARE_OUTCOME_SINK) private readonly sink: ShareOutcomeSink,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const recordingDir = this.config.SESSION_RECORDING_DIR;
    const recorder = recordingDir
      ? new SessionRecorder({
          dir: recordingDir,
          maxFileBytes: MAX_RECORDING_FILE_BYTES,
          onError: (error) => this.logger.error(`session recording stopped: ${error.message}`),
        })
      : null;
    this.server = new StratumProxyServer(
      {
        host: this.config.HTTP_HOST,
        port: this.config.STRATUM_PORT,
        maxConnections: this.config.STRATUM_MAX_CONNECTIONS,
        rigConnection: { idleTimeoutMs: RIG_IDLE_TIMEOUT_MS },
        relay: { ...DEFAULT_RELAY_OPTIONS, targetSharesPerMinute: this.config.STRATUM_TARGET_SHARES_PER_MINUTE },
      },
      { directory: this.directory, sink: this.sink, recorder, log: (line) => this.logger.warn(line) },
    );
    const port = await this.server.start();
    this.logger.log(`stratum endpoint listening on ${port}${recordingDir ? `, recording to ${recordingDir}` : ''}`);
    if (recordingDir) this.scheduleRetention(recordingDir);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.retentionTimer);
    await this.server?.stop();
    await this.sink.close();
  }

  private scheduleRetention(dir: string): void {
    const sweep = () =>
      void deleteExpiredRecordings(dir, this.config.SESSION_RETENTION_DAYS, Date.now()).then(
        (deleted) => deleted.length && this.logger.log(`deleted ${deleted.length} expired recording day(s)`),
        (error: Error) => this.logger.error(`recording retention failed: ${error.message}`),
      );
    sweep();
    this.retentionTimer = setInterval(sweep, RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
  }
}
