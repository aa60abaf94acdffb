import { paymentCanceledV1 } from '@hashproof/events';
import { IDEMPOTENT_CONSUMER, kafkaMessageOf, type TransactionalConsumer } from '@hashproof/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { ApplyPaymentCanceledUseCase } from './apply-payment-canceled.usecase';

@Controller()
export class PaymentCanceledHandler {
  constructor(
    @Inject(IDEMPOTENT_CONSUMER) private readonly consumer: TransactionalConsumer,
    private readonly applyPaymentCanceled: ApplyPaymentCanceledUseCase,
  ) {}

  @EventPattern(paymentCanceledV1.topic)
  async handle(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(paymentCanceledV1, kafkaMessageOf(context), (event, transaction) =>
      this.applyPaymentCanceled.execute(event, transaction),
    );
  }
}
