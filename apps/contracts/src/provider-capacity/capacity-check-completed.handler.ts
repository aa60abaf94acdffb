import { capacityCheckCompletedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordVerifiedCapacityUseCase } from './record-verified-capacity.usecase';

@Controller()
export class CapacityCheckCompletedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordVerifiedCapacity: RecordVerifiedCapacityUseCase,
  ) {}

  @EventPattern(capacityCheckCompletedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(capacityCheckCompletedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordVerifiedCapacity.execute(event.value, transaction),
    );
  }
}
