import { rentalStatusChangedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { EndMeasuringEarlyUseCase } from './end-measuring-early.usecase';

@Controller()
export class RentalStatusChangedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly endMeasuringEarly: EndMeasuringEarlyUseCase,
  ) {}

  @EventPattern(rentalStatusChangedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(rentalStatusChangedV1, kafkaMessageOf(context), (event, transaction) =>
      this.endMeasuringEarly.execute(event.value, transaction),
    );
  }
}
