import { settlementFinalizedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { SettleRentalUseCase } from './settle-rental.usecase';

@Controller()
export class SettlementFinalizedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly settleRental: SettleRentalUseCase,
  ) {}

  @EventPattern(settlementFinalizedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(settlementFinalizedV1, kafkaMessageOf(context), (event, transaction) =>
      this.settleRental.execute(event, transaction),
    );
  }
}
