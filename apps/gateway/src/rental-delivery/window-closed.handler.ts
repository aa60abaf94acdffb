import { deliveryWindowClosedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { RecordClosedWindowUseCase } from './record-closed-window.usecase';

@Controller()
export class WindowClosedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly recordWindow: RecordClosedWindowUseCase,
  ) {}

  @EventPattern(deliveryWindowClosedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(deliveryWindowClosedV1, kafkaMessageOf(context), (event, transaction) =>
      this.recordWindow.execute(event, transaction),
    );
  }
}
