import { paymentFailedV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ApplyPaymentFailedUseCase } from './apply-payment-failed.usecase';

@Controller()
export class PaymentFailedHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly applyPaymentFailed: ApplyPaymentFailedUseCase,
  ) {}

  @EventPattern(paymentFailedV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(paymentFailedV1, kafkaMessageOf(context), (event, transaction) =>
      this.applyPaymentFailed.execute(event, transaction),
    );
  }
}
