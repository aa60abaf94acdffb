import { connectionChangedV1 } from '@hashproof/events';
import { kafkaMessageOf, OffsetTrackedConsumer } from '@hashproof/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordConnectionChangeUseCase } from './record-connection-change.usecase';

@Controller()
export class ConnectionChangedHandler {
  constructor(
    private readonly consumer: OffsetTrackedConsumer,
    private readonly recordChange: RecordConnectionChangeUseCase,
  ) {}

  @EventPattern(connectionChangedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(connectionChangedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordChange.execute(event, transaction),
    );
  }
}
