import { rentalStatusChangedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordRentalEndingUseCase } from './record-rental-ending.usecase';

@Controller()
export class RentalStatusChangedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordRentalEnding: RecordRentalEndingUseCase,
  ) {}

  @EventPattern(rentalStatusChangedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(rentalStatusChangedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordRentalEnding.execute(event, transaction),
    );
  }
}
