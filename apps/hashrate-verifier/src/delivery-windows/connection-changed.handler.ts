import { connectionChangedV1 } from '@hashproof/events';
import { OFFSET_TRACKED_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordConnectionChangeUseCase } from './record-connection-change.usecase';

@Controller()
export class ConnectionChangedHandler {
  constructor(
    @Inject(OFFSET_TRACKED_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordChange: RecordConnectionChangeUseCase,
  ) {}

  @EventPattern(connectionChangedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(connectionChangedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordChange.execute(event, transaction),
    );
  }
}
