import { contractFlaggedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ApplyContractFlagUseCase } from './apply-contract-flag.usecase';

@Controller()
export class ContractFlaggedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly applyContractFlag: ApplyContractFlagUseCase,
  ) {}

  @EventPattern(contractFlaggedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(contractFlaggedV1, kafkaMessageOf(context), (event, transaction) =>
      this.applyContractFlag.execute(event, transaction),
    );
  }
}
