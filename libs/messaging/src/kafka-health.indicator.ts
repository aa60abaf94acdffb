import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin } from 'kafkajs';
import { KAFKA_ADMIN } from './messaging.tokens';

const checkTimeoutMs = 3_000;

/** Ready when a broker answers a metadata request; a failed check resets the admin so the next one reconnects. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.health.check(key);
    try {
      const cluster = await withTimeout(this.describeCluster(), checkTimeoutMs);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async describeCluster() {
    await this.admin.connect();
    return this.admin.describeCluster();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
