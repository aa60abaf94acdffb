import { capacityCheckCompletedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { CompleteCapacityCheckUseCase } from './complete-capacity-check.usecase';

@Controller()
export class CapacityCheckCompletedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly completeCapacityCheck: CompleteCapacityCheckUseCase,
  ) {}

  @EventPattern(capacityCheckCompletedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(capacityCheckCompletedV1, kafkaMessageOf(context), (event, transaction) =>
      this.completeCapacityCheck.execute(event.value, transaction),
    );
  }
}
