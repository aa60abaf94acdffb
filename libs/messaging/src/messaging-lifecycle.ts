import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Admin, Producer } from 'kafkajs';
import { EVENT_PRODUCER, KAFKA_ADMIN } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * Starts the outbox relay once the app is up; on shutdown lets the batch in flight finish before the
 * producer disconnects (the consumer has already stopped by then: Nest closes microservices first).
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingLifecycle.name);

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.logger.log('messaging stopped');
  }
}
