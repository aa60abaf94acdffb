import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { topicCatalog } from '@hashproof/events';
import { provisionTopics } from '@hashproof/messaging';
import { freePort } from '@hashproof/testing';
import { benchKafka } from './bench-kafka';

/**
 * A Kafka broker of the benchmark's own, started by scripts/infra/kafka.sh in a temporary state
 * directory (reusing the jars the dev broker was fetched with) and removed afterwards. On the shared
 * dev broker every other running verifier would also consume the run's judged shares and dead-letter
 * each one as an unknown rental: hundreds of thousands of them, loading the neighbours and the
 * measurement alike.
 */
export class PrivateBroker {
  private constructor(
    private readonly root: string,
    private readonly stateDir: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly brokers: string,
  ) {}

  static async start(root: string): Promise<PrivateBroker> {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'hashproof-bench-kafka-'));
    const fetchedJars = path.join(root, '.local/kafka/libs');
    if (existsSync(path.join(fetchedJars, '.complete'))) {
      await mkdir(path.join(stateDir, 'kafka'));
      await symlink(fetchedJars, path.join(stateDir, 'kafka/libs'));
    }
    const [port, controllerPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      HASHPROOF_STATE_DIR: stateDir,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
    };
    const broker = new PrivateBroker(root, stateDir, env, `127.0.0.1:${port}`);
    try {
      await broker.script('up');
      const admin = benchKafka(broker.brokers).admin();
      await admin.connect();
      await provisionTopics(admin, topicCatalog, 1).finally(() => admin.disconnect());
    } catch (error) {
      await broker.stop();
      throw error;
    }
    return broker;
  }

  /** The broker's JVM, for its CPU time. */
  async pid(): Promise<number> {
    return Number(await readFile(path.join(this.stateDir, 'kafka/kafka.pid'), 'utf8'));
  }

  async stop(): Promise<void> {
    try {
      await this.script('down');
    } finally {
      await rm(this.stateDir, { recursive: true, force: true });
    }
  }

  private async script(action: 'up' | 'down'): Promise<void> {
    await promisify(execFile)('bash', [path.join(this.root, 'scripts/infra/kafka.sh'), action], { env: this.env });
  }
}
