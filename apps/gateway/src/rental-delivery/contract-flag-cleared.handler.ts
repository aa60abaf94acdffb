import { contractFlagClearedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordFlagChangeUseCase } from './record-flag-change.usecase';

@Controller()
export class ContractFlagClearedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordFlagChange: RecordFlagChangeUseCase,
  ) {}

  @EventPattern(contractFlagClearedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(contractFlagClearedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordFlagChange.cleared(event, transaction),
    );
  }
}
