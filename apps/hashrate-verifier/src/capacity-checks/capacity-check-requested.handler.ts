import { capacityCheckRequestedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { AdmitCapacityCheckUseCase } from './admit-capacity-check.usecase';

@Controller()
export class CapacityCheckRequestedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly admitCheck: AdmitCapacityCheckUseCase,
  ) {}

  @EventPattern(capacityCheckRequestedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(capacityCheckRequestedV1, kafkaMessageOf(context), (event, transaction) =>
      this.admitCheck.execute(event, transaction),
    );
  }
}
