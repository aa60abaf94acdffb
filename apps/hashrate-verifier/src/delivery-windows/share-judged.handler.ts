import { shareJudgedV1 } from '@hashproof/events';
import { OFFSET_TRACKED_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordShareUseCase } from './record-share.usecase';

@Controller()
export class ShareJudgedHandler {
  constructor(
    @Inject(OFFSET_TRACKED_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordShare: RecordShareUseCase,
  ) {}

  @EventPattern(shareJudgedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(shareJudgedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordShare.execute(event, transaction),
    );
  }
}
