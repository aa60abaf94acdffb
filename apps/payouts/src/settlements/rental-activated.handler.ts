import { rentalActivatedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { OpenSettlementUseCase } from './open-settlement.usecase';

@Controller()
export class RentalActivatedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly openSettlement: OpenSettlementUseCase,
  ) {}

  @EventPattern(rentalActivatedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(rentalActivatedV1, kafkaMessageOf(context), (event, transaction) =>
      this.openSettlement.execute(event, transaction),
    );
  }
}
